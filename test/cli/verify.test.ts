/**
 * Command-line conventions of `verify` (and the root command): --version, `-` for standard input,
 * Document JSON re-verified, --with in any order, --json, --fail-on, what was verified.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { noFindingsText } from '../../src/cli/summary-text.js';
import { main } from '../../src/cli/index.js';
import { Document } from '../../src/schema/document.js';
import { ROOT, SAMPLES, readSample } from '../helpers/samples.js';

const SPAWN_TIMEOUT = 120_000;

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
    return { code: await main(args), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = undefined;
  }
}

/** Run the CLI from source in a child process, with bytes on its standard input. */
function spawnCli(args: string[], input?: Uint8Array): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/selfeval-dev.ts'), ...args], {
    cwd: ROOT,
    input: input ?? new Uint8Array(),
    encoding: 'utf8',
    timeout: SPAWN_TIMEOUT - 10_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const table = join(SAMPLES, 'zengcheng-2022-table.txt');
const report = join(SAMPLES, 'zengcheng-2022-report.txt');

describe('selfeval --version and help', () => {
  it('--version prints the package version and exits 0', async () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const { code, out } = await run(['--version']);
    expect(code).toBe(0);
    expect(out.trim()).toBe(version);
    const spawned = spawnCli(['-V']);
    expect(spawned.code).toBe(0);
    expect(spawned.out.trim()).toBe(version);
  }, SPAWN_TIMEOUT);

  it.each([[[]], [['verify']], [['schema']]])('help of %j is Chinese, names the English options and gives examples', async (command) => {
    const { code, out } = await run([...command, '--help']);
    expect(code).toBe(0);
    expect(out).toContain('用法 (Usage):');
    expect(out).toContain('示例 (examples):');
    expect(out).toContain('显示帮助');
    if (command[0] === 'verify') for (const option of ['--with', '--json', '--fail-on', '--rubric']) expect(out).toContain(option);
  });
});

describe('selfeval verify', () => {
  it('prints verification.summary and the document warnings; says no problem only of what was verified', async () => {
    const { code, out } = await run(['verify', join(SAMPLES, 'liwan-2023-table.txt')]);
    expect(code).toBe(0);
    // liwan: 25 checks, one (budget-execution, 2 points) re-verified from figures.
    expect(out).toMatch(/复核 25 项：一致 1，不一致 0，无法复核 23，缺得分 1，不适用 0；已复核 2 \/ 100 分/u);
    expect(out).toContain('[warning] DEPARTMENT_INFERRED');
    expect(out).not.toContain('没有发现问题。');
  });

  it('never says 没有发现问题 when nothing could be checked', async () => {
    const doc = await readSample('liwan-2023-table.txt');
    const none = { ...doc, verification: { ...doc.verification, findings: [], summary: { ...doc.verification.summary, ok: 0, mismatch: 0, pointsVerified: 0 } } };
    expect(noFindingsText(none)).toBe('没有可以复核的得分：没有发现问题不代表得分成立。');
    const some = { ...doc, verification: { ...doc.verification, findings: [], summary: { ...doc.verification.summary, ok: 1, pointsVerified: 2, pointsTotal: 100 } } };
    expect(noFindingsText(some)).toBe('已复核的 2 分中没有发现问题；其余 98 分无法复核。');
  });

  it('verify out/x.json re-verifies a Document written by extract, and --json prints only that Document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-verify-'));
    const out = join(dir, 'out');
    expect((await run(['extract', table, '--out', out, '--no-progress'])).code).toBe(0);
    const written = join(out, 'zengcheng-2022-table.txt.json');
    const plain = await run(['verify', written]);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('评分标准 gz-2022');
    expect(plain.out).toMatch(/procurement-internal-control\s+采购内控制度建设\s+1\s+0\.8\s+—\s+mismatch/u);
    // With the report as companion, 部门预算资金支出率 is recomputed from its 92.97%.
    const json = await run(['verify', written, '--with', report, '--json']);
    expect(json.code).toBe(0);
    const doc = Document.parse(JSON.parse(json.out));
    expect(doc.verification.checks.find((c) => c.rubricId === 'budget-execution')).toMatchObject({ status: 'ok', recomputed: 4.65 });
    expect(doc.source.path).toBe(table);
  }, SPAWN_TIMEOUT);

  it('`-` reads standard input: a PDF and plain text (format sniffed), recorded as path "-"', () => {
    const pdf = spawnCli(['verify', '-', '--json'], new Uint8Array(readFileSync(join(SAMPLES, 'liwan-2023-table.chromium.pdf'))));
    expect(pdf.err).toBe('');
    expect(pdf.code).toBe(0);
    const fromPdf = Document.parse(JSON.parse(pdf.out));
    expect(fromPdf.source).toMatchObject({ path: '-', format: 'pdf' });
    expect(fromPdf.declared.total).toBe(100);
    const text = spawnCli(['verify', '-'], new Uint8Array(readFileSync(table)));
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^-\s+self-evaluation-table\s+广州市增城区科技工业商务和信息化局/u);
    expect(text.out).toContain('[error] SCORE_NOT_ALLOWED');
  }, SPAWN_TIMEOUT);

  it('--with works before or after the file, says when a companion is of another department or year, and fails when one cannot be read', async () => {
    const after = await run(['verify', table, '--with', report, '--json']);
    const before = await run(['verify', '--with', report, table, '--json']);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out)).toEqual(JSON.parse(after.out));
    const other = await run(['verify', table, '--with', join(SAMPLES, 'baiyun-2023-report.txt')]);
    expect(other.code).toBe(0);
    expect(other.out).toMatch(/COMPANION_NOT_USED\s+伴随文件 \S+baiyun-2023-report\.txt 未用于复核：年度为 2023，被复核文件为 2022/u);
    const missing = await run(['verify', table, '--with', join(SAMPLES, 'no-such-report.pdf')]);
    expect(missing.code).toBe(1);
    expect(missing.out).toBe('');
    expect(missing.err).toContain('no-such-report.pdf: 读取失败（文件不存在） [READ_FAILED]');
  });

  it('--fail-on error|warning exits 4 when a finding of that level (or a document warning) is there', async () => {
    expect((await run(['verify', table, '--fail-on', 'error'])).code).toBe(4);
    // liwan has warnings (SCORE_MISSING, DEPARTMENT_INFERRED) but no error finding.
    const liwan = join(SAMPLES, 'liwan-2023-table.txt');
    expect((await run(['verify', liwan, '--fail-on', 'error'])).code).toBe(0);
    expect((await run(['verify', liwan, '--fail-on', 'warning'])).code).toBe(4);
    expect((await run(['verify', liwan, '--fail-on', 'never'])).code).toBe(2);
  });

  it('a Document JSON of another schema version, or an unknown rubric, is refused with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-verify-'));
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ schemaVersion: '1', source: { path: 'x.pdf' } }));
    const v1 = await run(['verify', old]);
    expect(v1.code).toBe(1);
    expect(v1.err).toContain('不是第 2 版 selfeval 文档 JSON');
    expect(v1.err).toContain('[INVALID_DOCUMENT]');
    const rubric = await run(['verify', table, '--rubric', 'gz-1999']);
    expect(rubric.code).toBe(2);
    expect(rubric.err).toContain('未知的评分标准 gz-1999（可用：national-project、gz-2022、gz-2023');
    const chosen = await run(['verify', table, '--rubric', 'gz-2023', '--json']);
    expect(JSON.parse(chosen.out).verification.rubric.id).toBe('gz-2023');
  });
});
