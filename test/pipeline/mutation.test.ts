import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/make-bad-fixtures.js';
import { pythonCsvRows, runCli } from '../helpers/cli.js';
import { SAMPLES, sampleFiles } from '../helpers/samples.js';

/** One corrupted copy: bytes flipped, a block zeroed or repeated, or the file cut short. */
function mutate(bytes: Uint8Array, rnd: () => number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const at = (): number => Math.floor(rnd() * out.length);
  switch (Math.floor(rnd() * 5)) {
    case 0:
      for (let i = 0, n = 1 + Math.floor(rnd() * 20); i < n; i++) out[at()] = Math.floor(rnd() * 256);
      return out;
    case 1: {
      const start = at();
      return out.fill(0, start, Math.min(out.length, start + 1 + Math.floor(rnd() * 4096)));
    }
    case 2: {
      const start = at();
      const block = out.slice(start, Math.min(out.length, start + 1 + Math.floor(rnd() * 2048)));
      const where = at();
      return Uint8Array.from([...out.subarray(0, where), ...block, ...out.subarray(where)]);
    }
    case 3:
      return out.subarray(0, at());
    default:
      // The head damaged: magic numbers and headers are where sniffing looks.
      for (let i = 0; i < 16 && i < out.length; i++) if (rnd() < 0.5) out[i] = Math.floor(rnd() * 256);
      return out;
  }
}

describe('mutation test: corrupted copies of the samples', () => {
  it('reads 537 corrupted files without a crash, none past its time limit (90 s here, a bound for a loaded 2-core machine), every one accounted for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-mutation-'));
    const input = join(dir, 'in');
    mkdirSync(input);
    const rnd = seededRandom(20_261_201);
    let count = 0;
    for (const file of sampleFiles().filter((f) => !f.startsWith('beyond'))) {
      const bytes = new Uint8Array(readFileSync(join(SAMPLES, file)));
      // PDFs take longest to read: fewer copies of them keep the test's time modest.
      const copies = file.endsWith('.pdf') ? 8 : 25;
      for (let k = 0; k < copies; k++, count++) writeFileSync(join(input, `m${String(k).padStart(2, '0')}-${file}`), mutate(bytes, rnd));
    }
    expect(count).toBeGreaterThanOrEqual(500);
    const out = join(dir, 'out');
    const { code } = await runCli(['extract', input, '--out', out, '--quiet', '--timeout', '90', '--max-memory', '768']);
    expect([0, 1]).toContain(code);
    const documents = pythonCsvRows(join(out, 'documents.csv')).slice(1);
    const skipped = pythonCsvRows(join(out, 'skipped.csv')).slice(1);
    expect(documents.length + skipped.length).toBe(count);
    const codes = documents.map((r) => r[6]);
    expect(codes.filter((c) => c === 'TIMEOUT' || c === 'OUT_OF_MEMORY')).toEqual([]);
    // Some copies survive their damage and are still read.
    expect(documents.filter((r) => r[5] === 'ok').length).toBeGreaterThan(50);
  }, 900_000);
});
