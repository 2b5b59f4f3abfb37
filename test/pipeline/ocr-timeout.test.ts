/**
 * The per-file time limit grows with the file's OCR work: each page read by OCR adds
 * --ocr-page-timeout seconds to --timeout, announced by the worker as the page starts.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeScan } from '../../scripts/fixtures/scan.js';
import { runCli } from '../helpers/cli.js';
import { SAMPLES } from '../helpers/samples.js';

const dir = mkdtempSync(join(tmpdir(), 'selfeval-ocr-timeout-'));
const input = join(dir, 'in');

describe('the time limit of a scanned file', () => {
  it('is the base limit plus an allowance per OCR page, and names both when exceeded', async () => {
    mkdirSync(input, { recursive: true });
    const pdf = new Uint8Array(readFileSync(join(SAMPLES, 'zengcheng-2022-table.libreoffice.pdf')));
    // Three scanned pages: with the engine's load, well over 13 s of OCR even on an idle core.
    writeFileSync(join(input, 'scan.pdf'), await makeScan(pdf, { dpi: 200, pages: [1, 2, 3] }));
    const run = (out: string, perPage: string): ReturnType<typeof runCli> =>
      runCli(['extract', input, '--out', join(dir, out), '--jobs', '1', '--quiet', '--timeout', '10', '--ocr-page-timeout', perPage]);
    const lineOf = (out: string): { ok: boolean; error: { code: string; detail: string } | null } =>
      JSON.parse(readFileSync(join(dir, out, 'results.jsonl'), 'utf8').trim().split('\n')[0] as string);

    // 10 s alone would cut the scan off; 10 s + 3 × 300 s lets it finish.
    expect((await run('generous', '300')).code).toBe(0);
    expect(lineOf('generous').ok).toBe(true);

    // 10 s + 1 s a page is too short: TIMEOUT, saying what the limit was made of. The worker stops
    // between engine runs (terminating it inside onnxruntime would abort this very process).
    expect((await run('tight', '1')).code).toBe(1);
    const tight = lineOf('tight');
    expect(tight.error?.code).toBe('TIMEOUT');
    expect(tight.error?.detail).toMatch(/^超过 1[123] 秒（10 秒，另加 [123] 页 OCR 各 1 秒）$/u);
  }, 300_000);
});
