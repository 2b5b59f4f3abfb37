/**
 * The journal records the OCR mode: a run resumed with another --ocr reads again the files whose
 * format the mode can change (PDFs, images), keeps the others, verifies again the documents paired
 * with a file read again, and ends with the outputs a clean run under that mode writes.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeScan } from '../../scripts/fixtures/scan.js';
import { copyInto, listFiles, runCli } from '../helpers/cli.js';
import { SAMPLES } from '../helpers/samples.js';

const dir = mkdtempSync(join(tmpdir(), 'selfeval-ocr-resume-'));
const input = join(dir, 'in');

function sameOutputs(a: string, b: string): string[] {
  expect(listFiles(b)).toEqual(listFiles(a));
  return listFiles(a).filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

const extract = (out: string, ocr: string): ReturnType<typeof runCli> => runCli(['extract', input, '--out', out, '--ocr', ocr, '--jobs', '1', '--quiet']);

describe('resuming under another --ocr mode', () => {
  it('reads the scan again, keeps the text report, re-verifies the pair, and matches a clean run', async () => {
    mkdirSync(input, { recursive: true });
    // One page of the 增城区 2022 table as an image-only PDF (OCR takes seconds per page), with its text report.
    const pdf = new Uint8Array(readFileSync(join(SAMPLES, 'zengcheng-2022-table.libreoffice.pdf')));
    writeFileSync(join(input, 'table-scan.pdf'), await makeScan(pdf, { dpi: 200, pages: [1] }));
    copyInto(input, [join(SAMPLES, 'zengcheng-2022-report.txt')]);
    const resumed = join(dir, 'resumed');

    const never = await extract(resumed, 'never');
    expect(never.code).toBe(1);
    expect(never.err).toContain('[NO_TEXT_LAYER]');
    const report = (out: string): { errors: number } => JSON.parse(readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n')[1] as string);
    expect(report(resumed).errors).toBe(0);

    // Another mode: the scan is read again (by OCR now), the text file is not.
    const auto = await extract(resumed, 'auto');
    expect(auto.code).toBe(0);
    expect(auto.out).toContain('本次读取 1，沿用上次 1');
    const scan = JSON.parse(readFileSync(join(resumed, 'table-scan.pdf.json'), 'utf8'));
    expect(scan.source.ocrPages).toEqual([1]);
    expect(scan.kind).toBe('self-evaluation-table');
    // The report is verified again with the table it now has: its total against the table's scores.
    expect(report(resumed).errors).toBeGreaterThan(0);
    const cleanAuto = join(dir, 'clean-auto');
    expect((await extract(cleanAuto, 'auto')).code).toBe(0);
    expect(sameOutputs(cleanAuto, resumed)).toEqual([]);

    // The same mode again reads nothing; back to never reads the scan again and drops its output.
    expect((await extract(resumed, 'auto')).out).toContain('本次读取 0，沿用上次 2');
    const back = await extract(resumed, 'never');
    expect(back.code).toBe(1);
    expect(back.out).toContain('本次读取 1，沿用上次 1');
    const cleanNever = join(dir, 'clean-never');
    await extract(cleanNever, 'never');
    expect(sameOutputs(cleanNever, resumed)).toEqual([]);
  }, 240_000);
});
