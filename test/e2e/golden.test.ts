import { beforeAll, describe, expect, it } from 'vitest';
import { chooseCompanions } from '../../src/pipeline/batch.js';
import { verify } from '../../src/pipeline/run.js';
import type { Document } from '../../src/schema/document.js';
import { countLeaves, diffValues, twinProjection } from '../helpers/compare.js';
import { documentId, readGolden, readSample, sampleFiles } from '../helpers/samples.js';

/** Every sample that has a golden, read as `selfeval extract samples` reads it (companions included). */
const files = sampleFiles().filter((f) => readGolden(f) !== null);
const docs = new Map<string, Document>();

beforeAll(async () => {
  const read = new Map<string, Document>();
  for (const f of files) read.set(f, await readSample(f));
  const all = [...read.values()];
  for (const [f, doc] of read) docs.set(f, verify(doc, chooseCompanions(doc, all)));
}, 300_000);

describe('golden files', () => {
  it('exist for the ten text and html samples', () => {
    for (const id of ['zengcheng-2022-table', 'zengcheng-2022-report', 'baiyun-2023-report', 'liwan-2023-table', 'panyu-2024-table-explanation']) {
      expect(files).toContain(`${id}.txt`);
      expect(files).toContain(`${id}.html`);
    }
  });

  it.each(files)('%s matches its golden field by field', (file) => {
    const golden = readGolden(file);
    const differences = diffValues(golden, docs.get(file));
    expect(differences, differences.slice(0, 30).join('\n')).toEqual([]);
  });
});

describe('twins: every format of a document gives the same values', () => {
  const ids = [...new Set(files.map(documentId))];
  it.each(ids)('%s: text and html agree on every field', (id) => {
    const html = docs.get(`${id}.html`);
    const text = docs.get(`${id}.txt`);
    expect(html && text).toBeTruthy();
    const differences = diffValues(twinProjection(html as Document), twinProjection(text as Document));
    expect(differences, differences.join('\n')).toEqual([]);
  });

  // Other formats (pdf, docx, xlsx): every score, weight, total, budget figure and target value agrees,
  // and at least 99% of all compared fields.
  const others = files.filter((f) => !f.endsWith('.html') && !f.endsWith('.txt'));
  it.each(others)('%s agrees with its html twin', (file) => {
    const html = docs.get(`${documentId(file)}.html`);
    const doc = docs.get(file);
    expect(html && doc).toBeTruthy();
    const expected = twinProjection(html as Document);
    const differences = diffValues(expected, twinProjection(doc as Document));
    const numeric = differences.filter((d) => /(declaredScore|weight|Weight|total|amount|budget\.|declared\.|\.value:)/u.test(d));
    expect(numeric, numeric.join('\n')).toEqual([]);
    expect(1 - differences.length / countLeaves(expected), differences.join('\n')).toBeGreaterThanOrEqual(0.99);
  });
});
