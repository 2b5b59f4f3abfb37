/**
 * Field accuracy of every sample against its html twin (the values every format must agree on):
 * `npx tsx scripts/twin-accuracy.ts [-v]`. Prints one row per sample and the differing fields with -v.
 */
import { chooseCompanions } from '../src/pipeline/batch.js';
import { verify } from '../src/pipeline/run.js';
import type { Document } from '../src/schema/document.js';
import { countLeaves, diffValues, twinProjection } from '../test/helpers/compare.js';
import { documentId, readSample, sampleFiles } from '../test/helpers/samples.js';

const verbose = process.argv.includes('-v');
const read = new Map<string, Document>();
for (const f of sampleFiles()) {
  try {
    read.set(f, await readSample(f));
  } catch (e) {
    console.log(`${f}\tERROR\t${(e as Error).message}`);
  }
}
const all = [...read.values()];
const docs = new Map([...read].map(([f, d]) => [f, verify(d, chooseCompanions(d, all))] as const));
let totalLeaves = 0;
let totalDiffs = 0;
for (const [file, doc] of docs) {
  if (file.endsWith('.html')) continue;
  const html = docs.get(`${documentId(file)}.html`);
  if (!html) continue;
  const expected = twinProjection(html);
  const diffs = diffValues(expected, twinProjection(doc));
  const leaves = countLeaves(expected);
  totalLeaves += leaves;
  totalDiffs += diffs.length;
  console.log(`${file}\t${(100 * (1 - diffs.length / leaves)).toFixed(2)}%\t${diffs.length}/${leaves}`);
  if (verbose) for (const d of diffs.slice(0, 40)) console.log(`    ${d}`);
}
console.log(`ALL\t${(100 * (1 - totalDiffs / totalLeaves)).toFixed(2)}%\t${totalDiffs}/${totalLeaves}`);
