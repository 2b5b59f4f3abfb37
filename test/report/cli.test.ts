/** `selfeval report DIR`: what it reads, what it writes, and how it fails. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentLine, errorLine } from '../../src/pipeline/lines.js';
import { SelfevalError } from '../../src/errors.js';
import type { ReportIndex } from '../../src/report/types.js';
import { runCli } from '../helpers/cli.js';
import { readSample, SAMPLES } from '../helpers/samples.js';

/** The overview blob of a written page, parsed the way the page script does. */
function indexOf(html: string): ReportIndex {
  const m = /<script type="application\/json" id="index">(.*?)<\/script>/su.exec(html);
  return JSON.parse(m?.[1] ?? 'null') as ReportIndex;
}

describe('selfeval report', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'selfeval-report-cli-'));
    const table = await readSample('liwan-2023-table.html');
    writeFileSync(join(dir, 'liwan-2023-table.html.json'), JSON.stringify(table));
    const lines = [
      documentLine('in/liwan-2023-table.html', 'liwan-2023-table.html.json', table),
      documentLine('in/gone.html', 'gone.html.json', table),
      errorLine('in/empty.txt', null, new SelfevalError('CORRUPT', { file: 'in/empty.txt', detail: '空文件（0 字节）' })),
    ];
    writeFileSync(join(dir, 'results.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{"not":"a result line"}\n`);
    writeFileSync(join(dir, 'skipped.csv'), '\ufefffile,reason,detail\r\nin/README.md,other-text,"文本文件，但扩展名不是 .txt/.text"\r\n');
    writeFileSync(join(dir, 'errors.csv'), '\ufefffile,stage,code,message,detail\r\nin/empty.txt,read,CORRUPT,坏,\r\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes DIR/report.html from the outputs alone: rows, unread and skipped files, and notes on what it could not use', async () => {
    const run = await runCli(['report', dir]);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/^审计报告已写出：.*report\.html（2 份文件，1 个无法读取，1 个跳过，/u);
    const index = indexOf(readFileSync(join(dir, 'report.html'), 'utf8'));
    expect(index.rows.map((r) => [r.file, r.county, r.declared, r.outputMissing])).toEqual([
      ['in/liwan-2023-table.html', '荔湾区', 100, false],
      ['in/gone.html', '荔湾区', 100, true],
    ]);
    expect(index.failed).toEqual([{ file: 'in/empty.txt', stage: 'read', code: 'CORRUPT', message: expect.stringContaining('空文件'), detail: expect.anything() }]);
    expect(index.skipped).toEqual([{ file: 'in/README.md', reason: 'other-text', detail: '文本文件，但扩展名不是 .txt/.text' }]);
    expect(index.notes).toEqual(['results.jsonl 第 4 行不符合结果格式（schema 版本 2），已忽略', '找不到输出文件 gone.html.json，该行只显示 results.jsonl 中的汇总']);
    // HTML sources have no page images: the page is one file with no image folder.
    expect(index.images).toBe('none');
  });

  it('--out writes elsewhere; the page needs nothing from the network', async () => {
    const out = join(dir, 'elsewhere', 'audit.html');
    expect((await runCli(['report', dir, '--out', out])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/u);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//u);
  });

  it('a folder without results.jsonl is a usage error (exit 2) that says what to run', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const run = await runCli(['report', empty]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`${empty} 中没有 results.jsonl：请先运行 selfeval extract … --out ${empty} [REPORT_NO_RESULTS]`);
    expect(existsSync(join(empty, 'report.html'))).toBe(false);
  });

  it('a page that cannot be written is exit 3', async () => {
    const blocker = join(dir, 'blocker');
    mkdirSync(blocker, { recursive: true });
    writeFileSync(join(blocker, 'file'), '');
    const run = await runCli(['report', dir, '--out', join(blocker, 'file', 'report.html')]);
    expect(run.code).toBe(3);
    expect(run.err).toMatch(/无法写入报告文件 .*\[REPORT_NOT_WRITTEN\]/u);
  });

  it('extract --report writes the page at the end of the run; with --json stdout stays JSON only', async () => {
    const out = join(dir, 'run');
    const run = await runCli(['extract', join(SAMPLES, 'liwan-2023-table.txt'), '--out', out, '--json', '--report']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ files: 1, failed: 0 });
    expect(run.err).toMatch(/^审计报告已写出：.*run\/report\.html（1 份文件，0 个无法读取，0 个跳过/u);
    expect(indexOf(readFileSync(join(out, 'report.html'), 'utf8')).rows.map((r) => r.department)).toEqual(['广州市荔湾区协作办公室']);
  });

  it('help is in Chinese with examples', async () => {
    const run = await runCli(['report', '--help']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('selfeval report out --out 审计报告.html');
    expect(run.out).toContain('根据 extract 的输出文件夹生成审计报告');
    expect((await runCli(['--help'])).out).toContain('selfeval report out');
  });
});
