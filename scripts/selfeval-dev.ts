/** Run the CLI from source (development): `npx tsx scripts/selfeval-dev.ts extract samples --out out`. */
import { main } from '../src/cli/index.js';

process.exitCode = await main(process.argv.slice(2));
