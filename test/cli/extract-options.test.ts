import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const dir = mkdtempSync(join(tmpdir(), 'selfeval-extract-'));
const liwan = join(SAMPLES, 'liwan-2023-table.txt');
const zengcheng = join(SAMPLES, 'zengcheng-2022-table.txt');

describe('extract options and exit codes', () => {
  it('--jobs takes positive integers only (exit 2)', async () => {
    for (const jobs of ['0', '-1', 'abc', '1.5']) expect((await runCli(['extract', liwan, '--out', join(dir, 'o'), '--jobs', jobs])).code).toBe(2);
  });

  it('an output path that is a file exits 3 with a Chinese message naming it', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const { code, err } = await runCli(['extract', liwan, '--out', file]);
    expect(code).toBe(3);
    expect(err).toContain(`无法写入输出文件夹 ${file}：不是文件夹`);
  });

  it('a database that cannot be opened exits 3', async () => {
    const { code, err } = await runCli(['extract', liwan, '--out', join(dir, 'o3'), '--db', join(dir, 'no', 'such', 'folder', 'a.sqlite')]);
    expect(code).toBe(3);
    expect(err).toContain('无法写入数据库');
  });

  it('--fail-on error exits 4 when a finding of severity error exists; --json prints JSON only', async () => {
    const { code, out } = await runCli(['extract', zengcheng, '--out', join(dir, 'o4'), '--fail-on', 'error', '--json']);
    expect(code).toBe(4);
    const summary = JSON.parse(out);
    expect(summary.results[0].findingCodes).toContain('SCORE_NOT_ALLOWED');
    expect((await runCli(['extract', liwan, '--out', join(dir, 'o5'), '--fail-on', 'error', '--quiet'])).code).toBe(0);
  }, 60_000);

  it('- reads standard input (format sniffed from the bytes)', () => {
    const out = join(dir, 'stdin');
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/selfeval-dev.ts'), 'extract', '-', '--out', out, '--quiet'], {
      cwd: ROOT, input: readFileSync(join(SAMPLES, 'liwan-2023-table.html')), encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, 'stdin.json'), 'utf8'));
    expect(doc.source.format).toBe('html');
    expect(doc.declared.total).toBe(100);
  }, 60_000);
});
