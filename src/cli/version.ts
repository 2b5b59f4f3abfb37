import { readFileSync } from 'node:fs';

/**
 * The package version, from the package.json above this module (src/cli in the repository,
 * dist/src/cli in the built package): the first one up the tree named selfeval.
 */
export function packageVersion(): string {
  for (let up = 1; up <= 4; up++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(`${'../'.repeat(up)}package.json`, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'selfeval' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not at this level
    }
  }
  return '0.0.0';
}
