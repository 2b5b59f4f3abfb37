/**
 * Field accuracy of every document in samples/beyond/, in every format, against its facts file.
 * Usage: npx tsx scripts/beyond-accuracy.ts [-v] [--fields budget,indicators] [id-substring]
 *   -v        list every field that differs
 *   --fields  count only the fields whose name starts with one of these prefixes
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes } from '../src/pipeline/run.js';
import { BEYOND, beyondFacts, beyondFiles, compareWithFacts, type FieldResult } from '../test/helpers/facts.js';

const verbose = process.argv.includes('-v');
const fieldsAt = process.argv.indexOf('--fields');
const prefixes = fieldsAt > 0 ? (process.argv[fieldsAt + 1] ?? '').split(',').filter(Boolean) : [];
const filter = process.argv.slice(2).find((a, i, all) => !a.startsWith('-') && all[i - 1] !== '--fields') ?? '';
const byFormat = new Map<string, { ok: number; all: number }>();
let ok = 0;
let all = 0;
for (const facts of beyondFacts().filter((f) => f.id.includes(filter))) {
  for (const file of beyondFiles(facts.id)) {
    const format = file.split('/')[0] as string;
    const result = await extractBytes(new Uint8Array(readFileSync(join(BEYOND, file))), `samples/beyond/${file}`);
    let fields: FieldResult[];
    if (facts.expectedError) {
      const code = result.ok ? result.document.kind : result.error.code;
      fields = [{ field: 'error', ok: code === facts.expectedError, expected: facts.expectedError, actual: result.ok ? `read as ${code}` : `${code}: ${result.error.message}` }];
    } else if (!result.ok) {
      fields = [{ field: 'read', ok: false, expected: 'a Document', actual: `${result.error.code}: ${result.error.message}` }];
    } else {
      fields = compareWithFacts(facts, result.document);
    }
    if (prefixes.length > 0) fields = fields.filter((f) => prefixes.some((p) => f.field.startsWith(p)));
    if (fields.length === 0) continue;
    const good = fields.filter((f) => f.ok).length;
    ok += good;
    all += fields.length;
    const tally = byFormat.get(format) ?? { ok: 0, all: 0 };
    tally.ok += good;
    tally.all += fields.length;
    byFormat.set(format, tally);
    console.log(`${((100 * good) / fields.length).toFixed(1).padStart(6)}%  ${good}/${fields.length}  ${file}`);
    if (verbose) for (const f of fields.filter((x) => !x.ok)) console.log(`          ✗ ${f.field}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`);
  }
}
console.log('');
for (const [format, t] of [...byFormat].sort()) console.log(`${format.padEnd(6)} ${((100 * t.ok) / t.all).toFixed(2)}%  (${t.ok}/${t.all} fields)`);
console.log(`all    ${((100 * ok) / Math.max(all, 1)).toFixed(2)}%  (${ok}/${all} fields)`);
