#!/usr/bin/env node
/**
 * CI's check of `selfeval extract samples --out DIR`: every sample is read, except the look-alikes whose facts
 * (samples/beyond/facts/<id>.json) name an `expectedError` — those must fail with exactly that code, in every
 * format they are published in. Usage: node scripts/check-extract-run.mjs DIR [exit code of the run]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const [dir, runCode] = process.argv.slice(2);
if (!dir) {
  console.error('usage: check-extract-run.mjs DIR [exit code]');
  process.exit(2);
}
const factsDir = join(import.meta.dirname, '../samples/beyond/facts');
const expectedErrors = new Map();
for (const f of readdirSync(factsDir).filter((n) => n.endsWith('.json'))) {
  const facts = JSON.parse(readFileSync(join(factsDir, f), 'utf8'));
  if (facts.expectedError) expectedErrors.set(facts.id, facts.expectedError);
}
const idOf = (file) => basename(file).replace(/(\.(chromium|libreoffice|cairo|unruled|scanned))*\.[a-z]+$/u, '');
const lines = readFileSync(join(dir, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const problems = [];
const refusedIds = new Set();
for (const line of lines) {
  const want = expectedErrors.get(idOf(line.file));
  if (want) {
    if (line.ok || line.error?.code !== want) problems.push(`${line.file}: expected ${want}, got ${line.ok ? 'ok' : line.error?.code}`);
    else refusedIds.add(idOf(line.file));
  } else if (!line.ok) problems.push(`${line.file}: failed with ${line.error?.code}: ${line.error?.message}`);
}
for (const id of expectedErrors.keys()) if (!refusedIds.has(id)) problems.push(`${id}: no file of this look-alike was in the run`);
const expectedCode = lines.some((l) => !l.ok) ? '1' : '0';
if (runCode !== undefined && runCode !== expectedCode) problems.push(`the run exited ${runCode}, expected ${expectedCode}`);
const read = lines.filter((l) => l.ok).length;
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`extract check: ${read} of ${lines.length} files read; ${lines.length - read} look-alikes refused as expected`);
