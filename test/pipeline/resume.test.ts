import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyInto, listFiles, runCli } from '../helpers/cli.js';
import { ROOT, SAMPLES, sampleFiles } from '../helpers/samples.js';

const dir = mkdtempSync(join(tmpdir(), 'selfeval-resume-'));
const input = join(dir, 'in');
copyInto(input, sampleFiles().filter((f) => !f.startsWith('beyond')).map((f) => join(SAMPLES, f)));

function sameOutputs(a: string, b: string): string[] {
  const files = listFiles(a);
  expect(listFiles(b)).toEqual(files);
  return files.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

function sqlite(db: string, sql: string): string {
  const result = spawnSync('sqlite3', ['-separator', '|', db, sql], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.trim();
}

const TABLES = ['documents', 'indicators', 'targets', 'findings', 'errors', 'runs'];
const counts = (db: string): string[] => TABLES.map((t) => `${t} ${sqlite(db, `SELECT count(*) FROM ${t}`)}`);

describe('batch outputs depend only on the inputs', () => {
  it('--jobs 1 and --jobs 2 give byte-identical outputs (documents, results.jsonl, CSVs)', async () => {
    const one = await runCli(['extract', input, '--out', join(dir, 'j1'), '--jobs', '1', '--quiet', '--db', join(dir, 'j1.sqlite')]);
    const two = await runCli(['extract', input, '--out', join(dir, 'j2'), '--jobs', '2', '--quiet', '--db', join(dir, 'j2.sqlite')]);
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(sameOutputs(join(dir, 'j1'), join(dir, 'j2'))).toEqual([]);
    expect(counts(join(dir, 'j1.sqlite'))).toEqual(counts(join(dir, 'j2.sqlite')));
    // A table is verified with the report in its own format, else the first report in batch order
    // (there is no xlsx report), whatever finished first.
    const findings = (name: string): string => JSON.stringify(JSON.parse(readFileSync(join(dir, 'j2', name), 'utf8')).verification.findings);
    expect(findings('zengcheng-2022-table.html.json')).toContain('自评报告（zengcheng-2022-report.html）');
    expect(findings('zengcheng-2022-table.xlsx.json')).toContain('自评报告（zengcheng-2022-report.cairo.pdf）');
    // A second run into the same folder reads nothing again and changes nothing.
    const again = await runCli(['extract', input, '--out', join(dir, 'j2'), '--quiet']);
    expect(again.out).toContain('本次读取 0，沿用上次 31');
    expect(sameOutputs(join(dir, 'j1'), join(dir, 'j2'))).toEqual([]);
  }, 400_000);

  it('the README queries return the expected rows from the database (sqlite3 command line)', () => {
    const db = join(dir, 'j2.sqlite');
    const below = sqlite(db, `SELECT DISTINCT county, department, fiscal_year, declared_total, recomputed_total FROM documents
      WHERE status = 'ok' AND recomputed_total < declared_total ORDER BY county, department, fiscal_year`);
    expect(below.split('\n')[0]).toBe('白云区|广州市白云区科技工业商务和信息化局|2023|98.57|96.02');
    for (const row of below.split('\n')) {
      const [, , , declared, recomputed] = row.split('|').map(Number);
      expect(recomputed).toBeLessThan(declared as number);
    }
    const byCode = sqlite(db, `SELECT d.county, f.code, count(*) FROM findings f JOIN documents d ON d.id = f.document_id
      GROUP BY d.county, f.code ORDER BY d.county, count(*) DESC, f.code`);
    expect(byCode).toMatch(/增城区\|TOTAL_MISMATCH\|\d+/u);
    const years = sqlite(db, `SELECT fiscal_year, kind, declared_total, recomputed_total, grade_declared FROM documents
      WHERE department_key = (SELECT department_key FROM documents WHERE file LIKE '%zengcheng-2022-table.html') ORDER BY fiscal_year, kind, file`);
    expect(years.split('\n')[0]).toMatch(/^2022\|self-evaluation-report\|91\.41\|/u);
  });

  it('a run killed with SIGKILL and started again ends with the same outputs as a clean run, re-reading only what was unfinished', async () => {
    const out = join(dir, 'killed');
    const args = ['--import', 'tsx', join(ROOT, 'scripts/selfeval-dev.ts'), 'extract', input, '--out', out, '--jobs', '2', '--quiet', '--db', join(dir, 'killed.sqlite')];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    const results = join(out, 'results.jsonl');
    const finished = (): number => (existsSync(results) ? readFileSync(results, 'utf8').split('\n').filter((l) => l.endsWith('}')).length : 0);
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (finished() >= 10) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 50);
      child.on('exit', (code) => {
        clearInterval(timer);
        if (finished() < 10) reject(new Error(`the run ended (${code}) before it could be killed`));
      });
    });
    if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    const before = finished();
    expect(before).toBeGreaterThanOrEqual(10);
    expect(before).toBeLessThan(31);
    // Every line written before the kill is whole JSON.
    for (const line of readFileSync(results, 'utf8').split('\n').filter((l) => l !== '')) expect(() => JSON.parse(line)).not.toThrow();
    const rerun = await runCli(['extract', input, '--out', out, '--jobs', '2', '--db', join(dir, 'killed.sqlite')]);
    expect(rerun.code).toBe(0);
    const reread = Number(/本次读取 (\d+)，沿用上次 (\d+)/u.exec(rerun.out)?.[1]);
    expect(reread).toBeLessThanOrEqual(31 - before);
    expect(sameOutputs(join(dir, 'j2'), out)).toEqual([]);
    expect(counts(join(dir, 'killed.sqlite'))).toEqual(counts(join(dir, 'j2.sqlite')));
  }, 400_000);
});
