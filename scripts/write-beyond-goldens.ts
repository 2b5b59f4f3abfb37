/**
 * Write golden/beyond/<format>/<file>.json for the documents of samples/beyond/, the way
 * test/e2e/golden-beyond.test.ts reads them — but only for a document whose every field agrees with its
 * hand-written facts file (samples/beyond/facts/), save the source limits listed in
 * test/helpers/beyond-golden.ts. Those facts are the review; a document that disagrees is listed, not written.
 * Usage: npx tsx scripts/write-beyond-goldens.ts [--force] [file-substring]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { beyondGoldenPath, readBeyond, SOURCE_LIMITS } from '../test/helpers/beyond-golden.js';
import { compareWithFacts } from '../test/helpers/facts.js';

const force = process.argv.includes('--force');
const filter = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '';
let refused = 0;
for (const read of await readBeyond()) {
  if (!read.file.includes(filter) || !read.document) continue;
  const limits = SOURCE_LIMITS[read.file] ?? {};
  const wrong = compareWithFacts(read.facts, read.document).filter((r) => !r.ok && !(r.field in limits));
  if (wrong.length > 0) {
    refused++;
    console.error(`not written ${read.file}: ${wrong.length} fields differ from the facts`);
    for (const w of wrong) console.error(`  ✗ ${w.field}: expected ${JSON.stringify(w.expected)}, got ${JSON.stringify(w.actual)}`);
    continue;
  }
  const target = beyondGoldenPath(read.file);
  if (existsSync(target) && !force) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(read.document, null, 2)}\n`);
  console.log(`wrote ${target}`);
}
process.exitCode = refused > 0 ? 1 : 0;
