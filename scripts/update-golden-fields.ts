/**
 * Update NAMED top-level fields of existing goldens from the current output, and refuse when any other
 * field differs: for a change that adds or fills a field (region, fiscalYearProvenance, classification)
 * without touching the rest. Prints every value it writes, for review against the source document.
 * Usage: npx tsx scripts/update-golden-fields.ts <field> [<field> …]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseCompanions } from '../src/pipeline/batch.js';
import { verify } from '../src/pipeline/run.js';
import type { Document } from '../src/schema/document.js';
import { diffValues } from '../test/helpers/compare.js';
import { GOLDEN, readGolden, readSample, sampleFiles } from '../test/helpers/samples.js';

const fields = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (fields.length === 0) throw new Error('name the fields to update');
const files = sampleFiles().filter((f) => readGolden(f) !== null);
const read = new Map<string, Document>();
for (const f of files) read.set(f, await readSample(f));
const all = [...read.values()];
let refused = 0;
for (const [file, doc] of read) {
  const verified = verify(doc, chooseCompanions(doc, all)) as unknown as Record<string, unknown>;
  const golden = readGolden(file) as unknown as Record<string, unknown>;
  const others = diffValues(
    Object.fromEntries(Object.entries(golden).filter(([k]) => !fields.includes(k))),
    Object.fromEntries(Object.entries(verified).filter(([k]) => !fields.includes(k))),
  );
  if (others.length > 0) {
    refused++;
    console.error(`✗ ${file}: other fields differ, not written:\n  ${others.slice(0, 10).join('\n  ')}`);
    continue;
  }
  for (const f of fields) {
    if (JSON.stringify(golden[f]) !== JSON.stringify(verified[f])) console.log(`${file} ${f}: ${JSON.stringify(verified[f])}`);
    golden[f] = verified[f];
  }
  writeFileSync(join(GOLDEN, `${file}.json`), `${JSON.stringify(golden, null, 2)}\n`);
}
process.exitCode = refused > 0 ? 1 : 0;
