#!/usr/bin/env node
// The package is compiled to dist/ by `npm run build` (run by `npm ci` through the prepare script).
const { main } = await import('../dist/src/cli/index.js');
process.exitCode = await main(process.argv.slice(2));
