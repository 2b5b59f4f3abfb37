/**
 * `npm run bench`: pages per second on the corpus PDFs, in one run, for
 *   (a) our full pipeline (runOne: read, classify, extract, verify),
 *   (b) the raw pdf.js parse (getTextContent + getOperatorList on every page),
 *   (c) poppler's `pdftotext -layout` (one process per file),
 *   (d) the `selfeval tables` core alone (tablesForFile),
 * each repeated (BENCH_REPEAT, default 3) after one warm-up pass; the median total time counts.
 * (a), (b) and (d) run in their own child process so that each one's peak RSS is its own; (c)'s
 * peak RSS is the largest of its processes, from /usr/bin/time when installed.
 * Usage: npm run bench [-- <pdf files or folders>]   (default: the shared corpus PDFs, else samples/)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

type Mode = 'pipeline' | 'pdfjs' | 'tables';

interface Measurement {
  label: string;
  /** Seconds for one pass over every file, per repeat. */
  times: number[];
  pages: number;
  /** Peak resident set size in MiB, null when unknown. */
  peakRssMb: number | null;
  failures: number;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const REPEAT = Math.max(1, Number.parseInt(process.env.BENCH_REPEAT ?? '3', 10) || 3);

function listPdfs(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) continue;
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name.toLowerCase().endsWith('.pdf')) out.push(join(p, name));
    } else out.push(p);
  }
  return out;
}

function defaultInputs(): string[] {
  const shared = join(ROOT, '..', 'shared', 'corpus', 'pdf');
  if (existsSync(shared)) return listPdfs([shared]);
  // samples/ also holds the scan, which has no text layer: leave it out of a speed test.
  return listPdfs([join(ROOT, 'samples')]).filter((f) => !f.includes('scanned'));
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Page counts through pdf.js (the same library for every measurement's denominator). */
async function countPages(files: readonly string[]): Promise<number> {
  const { withPdfDocument } = await import('../../src/readers/pdf/pdfjs.js');
  let pages = 0;
  for (const f of files) pages += await withPdfDocument(new Uint8Array(readFileSync(f)), async (doc) => doc.numPages);
  return pages;
}

/** One pass of a mode over every file; returns the number of files that failed. */
async function passOnce(mode: Mode, files: readonly string[]): Promise<number> {
  let failures = 0;
  if (mode === 'pipeline') {
    const { runOne } = await import('../../src/pipeline/run.js');
    for (const f of files) if (!(await runOne(f)).ok) failures++;
  } else if (mode === 'tables') {
    const { tablesForFile } = await import('../../src/cli/commands/tables.js');
    for (const f of files) await tablesForFile(f).catch(() => failures++);
  } else {
    const { withPdfDocument } = await import('../../src/readers/pdf/pdfjs.js');
    for (const f of files) {
      await withPdfDocument(new Uint8Array(readFileSync(f)), async (doc) => {
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          await page.getTextContent();
          await page.getOperatorList();
          page.cleanup();
        }
      }).catch(() => failures++);
    }
  }
  return failures;
}

/** Child process: warm up, time REPEAT passes, print one JSON line. */
async function runChild(mode: Mode, files: readonly string[]): Promise<void> {
  await passOnce(mode, files);
  const times: number[] = [];
  let failures = 0;
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    failures = await passOnce(mode, files);
    times.push((performance.now() - start) / 1000);
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ times, peakRssMb, failures })}\n`);
}

function measureInChild(mode: Mode, label: string, files: readonly string[], pages: number): Measurement {
  const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, BENCH_REPEAT: String(REPEAT) },
  });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) {
    process.stderr.write(`bench: ${label} failed\n${result.stderr}\n`);
    return { label, times: [Number.NaN], pages, peakRssMb: null, failures: files.length };
  }
  const parsed = JSON.parse(line) as { times: number[]; peakRssMb: number; failures: number };
  return { label, times: parsed.times, pages, peakRssMb: parsed.peakRssMb, failures: parsed.failures };
}

function measurePdftotext(files: readonly string[], pages: number): Measurement | null {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (probe.error) return null;
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  let peakKb = 0;
  let failures = 0;
  const pass = (measureRss: boolean): void => {
    failures = 0;
    for (const f of files) {
      const r =
        measureRss && timeBin
          ? spawnSync(timeBin, ['-f', '%M', 'pdftotext', '-layout', f, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })
          : spawnSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0) failures++;
      if (measureRss) peakKb = Math.max(peakKb, Number.parseInt(r.stderr.trim().split('\n').pop() ?? '0', 10) || 0);
    }
  };
  pass(true); // warm-up, and the one pass that measures memory (through /usr/bin/time, so not timed)
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    pass(false);
    times.push((performance.now() - start) / 1000);
  }
  return { label: '(c) pdftotext -layout', times, pages, peakRssMb: timeBin ? peakKb / 1024 : null, failures };
}

function pagesPerSecond(m: Measurement): number {
  return m.pages / median(m.times);
}

function report(ms: readonly Measurement[], files: number): string {
  const rows = ms.map((m) => [
    m.label,
    pagesPerSecond(m).toFixed(1),
    median(m.times).toFixed(3),
    m.times.map((t) => t.toFixed(2)).join(' '),
    m.peakRssMb === null ? '—' : m.peakRssMb.toFixed(0),
    String(m.failures),
  ]);
  const head = ['measurement', 'pages/s', 'median s', 'runs s', 'peak RSS MiB', 'failed files'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: readonly string[]): string => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const lines = [`${files} files, ${ms[0]?.pages ?? 0} pages, median of ${REPEAT} runs after one warm-up`, fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)];
  const by = (prefix: string): Measurement | undefined => ms.find((m) => m.label.startsWith(prefix));
  const ratio = (a?: Measurement, b?: Measurement): string => (a && b ? (pagesPerSecond(a) / pagesPerSecond(b)).toFixed(2) : '—');
  lines.push(
    '',
    `ratio pipeline / raw pdf.js    ${ratio(by('(a)'), by('(b)'))}`,
    `ratio pipeline / pdftotext     ${ratio(by('(a)'), by('(c)'))}`,
    `ratio tables   / raw pdf.js    ${ratio(by('(d)'), by('(b)'))}`,
    `ratio tables   / pdftotext     ${ratio(by('(d)'), by('(c)'))}`,
  );
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--child') {
    await runChild(argv[1] as Mode, argv.slice(2));
    return;
  }
  const files = argv.length > 0 ? listPdfs(argv) : defaultInputs();
  if (files.length === 0) throw new Error('bench: no PDF files found');
  const pages = await countPages(files);
  const ms: Measurement[] = [];
  ms.push(measureInChild('pipeline', '(a) pipeline runOne', files, pages));
  ms.push(measureInChild('pdfjs', '(b) raw pdf.js parse', files, pages));
  const poppler = measurePdftotext(files, pages);
  if (poppler) ms.push(poppler);
  else process.stderr.write('bench: pdftotext not installed (apt-get install poppler-utils); (c) skipped\n');
  ms.push(measureInChild('tables', '(d) selfeval tables core', files, pages));
  process.stdout.write(`${report(ms, files.length)}\n`);
}

await main(process.argv.slice(2));
