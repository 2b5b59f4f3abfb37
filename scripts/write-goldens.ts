/**
 * Write golden/<sample>.json for samples that have none yet (or all with --force), the way the golden
 * test reads them. A new or changed golden must be reviewed against the source document before it is
 * committed: this script only saves typing, it is not a source of truth.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN, readSample, sampleFiles } from '../test/helpers/samples.js';
import { chooseCompanions } from '../src/pipeline/batch.js';
import { verify } from '../src/pipeline/run.js';

const force = process.argv.includes('--force');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
mkdirSync(GOLDEN, { recursive: true });
const files = sampleFiles();
const docs = [];
for (const f of files) {
  try {
    docs.push(await readSample(f));
  } catch (e) {
    console.error(`skip ${f}: ${(e as Error).message}`);
  }
}
for (const doc of docs) {
  const file = doc.source.path.replace(/^samples\//u, '');
  if (only.length > 0 && !only.includes(file)) continue;
  const target = join(GOLDEN, `${file}.json`);
  if (existsSync(target) && !force) continue;
  const verified = verify(doc, chooseCompanions(doc, docs));
  writeFileSync(target, `${JSON.stringify(verified, null, 2)}\n`);
  console.log(`wrote ${target}`);
}
