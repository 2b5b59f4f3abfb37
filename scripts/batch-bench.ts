/**
 * The batch benchmark: `npx tsx scripts/batch-bench.ts [--files 2000] [--jobs 1,2] [--ocr-jobs N] [--kill] [--no-build]`
 * (`--ocr-jobs` is passed on to every run; without it the CLI's default, 1).
 *
 * Builds, in a fresh temporary folder, a batch of at least --files inputs: the shared corpus (every
 * format, the beyond/ documents included) copied under many names into folders of 100, plus the
 * hostile fixtures of test/fixtures/bad. Then runs the compiled CLI (`bin/selfeval.js`) over it
 * once per --jobs value under /usr/bin/time, and prints wall time, files/s, pages/s and the peak
 * RSS of the whole run (threads included). With --kill it also kills a --jobs 2 run with SIGKILL
 * halfway, runs it again, and compares every output with the clean run's.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const target = Number(option('--files', '2000'));
const jobsList = option('--jobs', '1,2').split(',').map(Number);
const ocrJobs = option('--ocr-jobs', '');
/** Options every run gets besides --jobs. */
const runOptions = ocrJobs === '' ? [] : ['--ocr-jobs', ocrJobs];

function corpusFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'facts' ? [] : corpusFiles(path);
    return /\.(pdf|html|docx|xlsx|txt)$/u.test(name) ? [path] : [];
  });
}

function listOutputs(dir: string): string[] {
  return readdirSync(dir).filter((n) => n !== '.selfeval').sort();
}

interface Run {
  seconds: number;
  rssMb: number;
  files: number;
  pages: number;
  exit: number;
}

function timedRunWithReport(input: string, out: string, jobs: number): Run {
  // execFileSync only returns stderr on failure; capture it through a child with piped stderr instead.
  const started = Date.now();
  const result = spawnSyncCapture('/usr/bin/time', ['-v', process.execPath, join(ROOT, 'bin/selfeval.js'), 'extract', input, '--out', out, '--jobs', String(jobs), ...runOptions, '--quiet']);
  const seconds = (Date.now() - started) / 1000;
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/u.exec(result.stderr)?.[1] ?? 0) / 1024;
  const lines = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { pageCount: number | null });
  return { seconds, rssMb: Math.round(rss), files: lines.length, pages: lines.reduce((n, l) => n + (l.pageCount ?? 1), 0), exit: result.status };
}

function spawnSyncCapture(cmd: string, argv: string[]): { status: number; stderr: string } {
  try {
    const stderr = execFileSync('bash', ['-c', `"$0" "$@" 2>&1 >/dev/null`, cmd, ...argv], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { status: 0, stderr };
  } catch (error) {
    const e = error as { status?: number; stdout?: string };
    return { status: e.status ?? -1, stderr: e.stdout ?? '' };
  }
}

async function killHalfway(input: string, out: string, total: number): Promise<number> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/selfeval.js'), 'extract', input, '--out', out, '--jobs', '2', ...runOptions, '--quiet'], { stdio: 'ignore' });
  const results = join(out, 'results.jsonl');
  const finished = (): number => (existsSync(results) ? readFileSync(results, 'utf8').split('\n').filter((l) => l.endsWith('}')).length : 0);
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (finished() >= total / 2 || child.exitCode !== null) {
        clearInterval(timer);
        child.kill('SIGKILL');
        resolve();
      }
    }, 200);
  });
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
  return finished();
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const work = mkdtempSync(join(tmpdir(), 'selfeval-batch-bench-'));
  const input = join(work, 'in');
  // The shared corpus sits beside the project (or beside the folder of work trees); else the samples.
  const shared = [join(ROOT, '..', 'shared', 'corpus'), join(ROOT, '..', '..', 'shared', 'corpus')].find((d) => existsSync(d));
  const sources = corpusFiles(shared ?? join(ROOT, 'samples'));
  let n = 0;
  for (let copy = 0; n < target; copy++) {
    for (const file of sources) {
      if (n >= target) break;
      const folder = join(input, `batch-${String(Math.floor(n / 100)).padStart(3, '0')}`);
      mkdirSync(folder, { recursive: true });
      cpSync(file, join(folder, `c${String(copy).padStart(3, '0')}-${relative(dirname(file), file)}`));
      n++;
    }
  }
  cpSync(join(ROOT, 'test/fixtures/bad'), join(input, 'bad'), { recursive: true, verbatimSymlinks: true });
  console.log(`batch: ${n} corpus copies (${sources.length} distinct files) + test/fixtures/bad, in ${input}`);
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${2} cores`);
  const runs = new Map<number, Run>();
  for (const jobs of jobsList) {
    const run = timedRunWithReport(input, join(work, `out-j${jobs}`), jobs);
    runs.set(jobs, run);
    console.log(`--jobs ${jobs}: ${run.files} files, ${run.pages} pages in ${run.seconds.toFixed(1)} s = ${(run.files / run.seconds).toFixed(2)} files/s, ${(run.pages / run.seconds).toFixed(2)} pages/s; peak RSS ${run.rssMb} MB; exit ${run.exit}; load ${loadavg()[0]?.toFixed(2)}`);
  }
  const one = runs.get(1);
  const two = runs.get(2);
  if (one && two) console.log(`speed-up from the second core: ${(one.seconds / two.seconds).toFixed(2)}×`);
  if (args.includes('--kill') && two) {
    const out = join(work, 'out-killed');
    const before = await killHalfway(input, out, two.files);
    const rerun = timedRunWithReport(input, out, 2);
    const clean = join(work, 'out-j2');
    const names = listOutputs(clean);
    const differ = names.filter((f) => !existsSync(join(out, f)) || !readFileSync(join(out, f)).equals(readFileSync(join(clean, f))));
    console.log(`killed after ${before} files; the re-run took ${rerun.seconds.toFixed(1)} s; ${names.length - differ.length}/${names.length} outputs byte-identical to the clean run${differ.length ? `; differ: ${differ.slice(0, 5).join(', ')}` : ''}`);
  }
}

await main();
