/**
 * `npm run bench`: pages per second on the corpus PDFs, in one run, for
 *   (a) our full pipeline (runOne: read, classify, extract, verify),
 *   (b) the raw pdf.js parse (getTextContent + getOperatorList on every page),
 *   (c) poppler's `pdftotext -layout` (one process per file),
 *   (d) the `selfeval tables` core alone (tablesForFile),
 *   (e) OCR: the pipeline on the scanned corpus PDFs (every page read by OCR), BENCH_OCR_REPEAT
 *       (default 1) timed passes after the warm-up, with an estimate for a 10,000-page batch of scans,
 *   (f) startup: a text PDF read in a fresh process (the OCR engine must stay unloaded), then the
 *       engine loaded, each timed with its RSS,
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

type Mode = 'pipeline' | 'pdfjs' | 'tables' | 'ocr';

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
const OCR_REPEAT = Math.max(1, Number.parseInt(process.env.BENCH_OCR_REPEAT ?? '1', 10) || 1);

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
  if (mode === 'pipeline' || mode === 'ocr') {
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
  for (let i = 0; i < (mode === 'ocr' ? OCR_REPEAT : REPEAT); i++) {
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

/** The scanned PDFs: the shared corpus's, else the test fixture copy. */
function scannedInputs(): string[] {
  const shared = join(ROOT, '..', 'shared', 'corpus', 'scanned');
  return existsSync(shared) ? listPdfs([shared]) : listPdfs([join(ROOT, 'test', 'fixtures', 'pdf')]).filter((f) => f.includes('scanned'));
}

/** Child process for (f): a text PDF, then the OCR engine, each with its time and RSS. */
async function runStartupChild(file: string): Promise<void> {
  const rss = (): number => process.memoryUsage().rss / 1024 / 1024;
  const start = performance.now();
  const { runOne } = await import('../../src/pipeline/run.js');
  const ok = (await runOne(file)).ok;
  const textMs = performance.now() - start;
  const textRss = rss();
  const engine = await import('../../src/readers/ocr/engine.js');
  const loadedByText = engine.isOcrEngineLoaded();
  const before = performance.now();
  await engine.loadOcrEngine();
  const engineMs = performance.now() - before;
  process.stdout.write(`${JSON.stringify({ ok, textMs, textRss, loadedByText, engineMs, engineRss: rss() })}\n`);
}

function measureStartup(file: string): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--startup', file], { cwd: ROOT, encoding: 'utf8' });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) return `startup: failed\n${result.stderr}`;
  const s = JSON.parse(line) as { ok: boolean; textMs: number; textRss: number; loadedByText: boolean; engineMs: number; engineRss: number };
  return [
    `(f) startup, fresh process: one text PDF read in ${s.textMs.toFixed(0)} ms, RSS ${s.textRss.toFixed(0)} MiB, OCR engine loaded: ${s.loadedByText ? 'YES (defect)' : 'no'}`,
    `    then the OCR engine loaded in ${s.engineMs.toFixed(0)} ms, RSS ${s.engineRss.toFixed(0)} MiB (+${(s.engineRss - s.textRss).toFixed(0)} MiB): what the first scan of a run pays`,
  ].join('\n');
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
  if (argv[0] === '--startup') {
    await runStartupChild(argv[1] as string);
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
  const scans = scannedInputs();
  if (scans.length > 0 && process.env.BENCH_OCR !== '0') {
    const scanPages = await countPages(scans);
    const ocr = measureInChild('ocr', '(e) OCR pipeline on scans', scans, scanPages);
    const rate = pagesPerSecond(ocr);
    // The OCR engine runs one intra-op thread per worker: a batch with --jobs = cores scales by the cores.
    const cores = (await import('node:os')).availableParallelism();
    const hours = 10_000 / (rate * cores) / 3600;
    process.stdout.write(
      [
        '',
        `(e) OCR: ${scans.length} scanned files, ${scanPages} pages, ${rate.toFixed(3)} pages/s (${(1 / rate).toFixed(1)} s a page) in one process, median of ${OCR_REPEAT}, peak RSS ${ocr.peakRssMb?.toFixed(0) ?? '—'} MiB, failed ${ocr.failures}`,
        `    ratio OCR / text pipeline (pages/s)   ${(rate / pagesPerSecond(ms[0] as Measurement)).toFixed(4)}`,
        `    10,000 scanned pages on ${cores} cores (one worker a core): about ${hours.toFixed(1)} h`,
      ].join('\n') + '\n',
    );
  }
  process.stdout.write(`${measureStartup(files[0] as string)}\n`);
}

await main(process.argv.slice(2));
