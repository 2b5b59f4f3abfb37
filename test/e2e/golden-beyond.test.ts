import { beforeAll, describe, expect, it } from 'vitest';
import { diffValues } from '../helpers/compare.js';
import { compareWithFacts } from '../helpers/facts.js';
import { type BeyondRead, readBeyond, readBeyondGolden, SOURCE_LIMITS } from '../helpers/beyond-golden.js';

/**
 * samples/beyond/ (other provinces, the national project form, look-alikes), read as `selfeval extract
 * samples` reads them: each document matches its golden field by field, and each golden agrees with the
 * hand-written facts file of its document (samples/beyond/facts/), so a golden cannot drift from the truth.
 */
let reads: BeyondRead[] = [];
beforeAll(async () => {
  reads = await readBeyond();
}, 300_000);

describe('samples/beyond', () => {
  it('has a golden for every document that is read', () => {
    const documents = reads.filter((r) => r.document);
    expect(documents.length).toBeGreaterThanOrEqual(31);
    const missing = documents.filter((r) => readBeyondGolden(r.file) === null).map((r) => r.file);
    expect(missing).toEqual([]);
  });

  it('refuses each look-alike with the error its facts expect, in every format', () => {
    const lookAlikes = reads.filter((r) => r.facts.expectedError);
    expect(lookAlikes.length).toBeGreaterThanOrEqual(6);
    for (const r of lookAlikes) expect(r.error?.code, r.file).toBe(r.facts.expectedError);
  });

  it('matches every golden field by field, and every golden agrees with its facts file', () => {
    const problems: string[] = [];
    for (const r of reads) {
      const golden = readBeyondGolden(r.file);
      if (!golden) continue;
      problems.push(...diffValues(golden, r.document).slice(0, 10).map((d) => `${r.file}: ${d}`));
      const limits = SOURCE_LIMITS[r.file] ?? {};
      const wrong = compareWithFacts(r.facts, golden).filter((f) => !f.ok && !(f.field in limits));
      problems.push(...wrong.map((f) => `${r.file} (golden vs facts): ${f.field}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`));
    }
    expect(problems).toEqual([]);
  });
});
