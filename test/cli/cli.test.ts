import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import { SAMPLES } from '../helpers/samples.js';

/** Run the CLI in-process and capture what it prints. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = undefined;
  }
}

describe('selfeval CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'selfeval-cli-'));
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('extract writes DIR/<file name>.json and results.jsonl, pairs a table with its report, exits 0', async () => {
    const input = join(dir, 'in');
    const out = join(dir, 'out');
    await import('node:fs').then((fs) => fs.mkdirSync(input));
    for (const f of ['zengcheng-2022-table.html', 'zengcheng-2022-report.html', 'liwan-2023-table.txt']) copyFileSync(join(SAMPLES, f), join(input, f));
    const { code, out: printed } = await run(['extract', input, '--out', out, '--no-progress']);
    expect(code).toBe(0);
    expect(printed).toMatch(/liwan-2023-table\.txt\s+self-evaluation-table\s+广州市荔湾区协作办公室\s+2023\s+100\s+100/u);
    const table = JSON.parse(readFileSync(join(out, 'zengcheng-2022-table.html.json'), 'utf8'));
    const check = table.verification.checks.find((c: { rubricId: string }) => c.rubricId === 'budget-execution');
    // With the report in the same run, 部门预算资金支出率 is recomputed from its 92.97%.
    expect(check).toMatchObject({ status: 'ok', recomputed: 4.65, declared: 4.65 });
    const rows = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(3);
    expect(rows.every((r: { ok: boolean }) => r.ok)).toBe(true);
  }, 120_000);

  it('one bad file does not stop the batch: the others are written and the exit code is 1', async () => {
    const bad = join(dir, 'broken.pdf');
    writeFileSync(bad, '%PDF-1.7\nthis is not really a pdf');
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, '今天的会议纪要：无。');
    const out = join(dir, 'out');
    const { code, err } = await run(['extract', bad, join(SAMPLES, 'baiyun-2023-report.txt'), notes, '--out', out, '--no-progress']);
    expect(code).toBe(1);
    expect(err).toContain('broken.pdf');
    expect(err).toMatch(/NOT_SELF_EVALUATION/u);
    const rows = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r: { ok: boolean }) => r.ok)).toEqual([false, true, false]);
    expect(JSON.parse(readFileSync(join(out, 'baiyun-2023-report.txt.json'), 'utf8')).declared.total).toBe(98.57);
  }, 120_000);

  it('a batch with a scan (OCR off), a truncated, an encrypted and a non-PDF file names each problem and writes the rest', async () => {
    const fixtures = join(SAMPLES, '..', 'test', 'fixtures', 'pdf');
    const bad = ['zengcheng-2022-table.scanned.pdf', 'truncated.pdf', 'encrypted.pdf', 'not-a-pdf.pdf'].map((f) => join(fixtures, f));
    const out = join(dir, 'out');
    const { code, err } = await run(['extract', ...bad, join(SAMPLES, 'panyu-2024-table-explanation.libreoffice.pdf'), '--out', out, '--no-progress', '--ocr', 'never']);
    expect(code).toBe(1);
    const rows = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r: { error: { code: string } | null }) => r.error?.code ?? 'ok')).toEqual(['NO_TEXT_LAYER', 'TRUNCATED', 'ENCRYPTED', 'CORRUPT', 'ok']);
    expect(err).toContain('扫描件无文本层，需要 OCR');
    for (const f of ['zengcheng-2022-table.scanned.pdf', 'truncated.pdf', 'encrypted.pdf', 'not-a-pdf.pdf']) expect(err).toContain(f);
    expect(JSON.parse(readFileSync(join(out, 'panyu-2024-table-explanation.libreoffice.pdf.json'), 'utf8')).declared.total).toBe(99.52);
  }, 180_000);

  it('usage errors exit 2', async () => {
    expect((await run(['extract', join(SAMPLES, 'liwan-2023-table.txt')])).code).toBe(2);
    expect((await run(['no-such-command'])).code).toBe(2);
  });

  it('verify prints the checks and the findings in Chinese', async () => {
    const { code, out } = await run(['verify', join(SAMPLES, 'zengcheng-2022-table.txt'), '--with', join(SAMPLES, 'zengcheng-2022-report.txt')]);
    expect(code).toBe(0);
    expect(out).toMatch(/budget-execution\s+部门预算资金支出率\s+5\s+4\.65\s+4\.65\s+ok/u);
    expect(out).toContain('[info] TOTAL_MISMATCH');
    expect(out).toContain('[error] SCORE_NOT_ALLOWED');
    expect(out).toContain('采购内控制度建设');
  });

  it('schema prints the JSON Schema', async () => {
    const { code, out } = await run(['schema']);
    expect(code).toBe(0);
    expect(JSON.parse(out).properties.indicators.type).toBe('array');
  });
});
