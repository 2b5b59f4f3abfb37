/**
 * The batch runner behind `selfeval extract`: every input read on the worker pool into
 * `DIR/<file name>.json`, `DIR/results.jsonl` appended as files finish, a journal that lets a killed
 * run resume, then the cross-document pass (tables and reports of one department and year verified
 * together) and `results.jsonl` rewritten in batch order. Outputs depend only on the set of inputs,
 * never on `--jobs` or the order files finished in; memory holds one small line per input.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SelfevalError } from '../errors.js';
import { sniffFormat } from '../readers/index.js';
import { SCHEMA_VERSION } from '../schema/document.js';
import type { ResultLine } from './fields.js';
import { removeIfPresent, removeStaleTemporaries } from './files.js';
import { folderSkip, outputNames, type CollectedInputs, type SkippedInput } from './inputs.js';
import { Journal, ResultsFile, STATE_DIR, type JournalEntry, type JournalState } from './journal.js';
import { errorLine } from './lines.js';
import { companionsInGroup, groupsOf, ocrMatters, pairEntryOf, readKeyOf, verificationSignature, type PairEntry } from './pairing.js';
import { defaultJobs, ReadPool } from './pool.js';
import type { WorkerReply, WorkerTask } from './worker.js';
import type { OcrMode } from '../readers/types.js';

export { collectInputs, type CollectedInputs, type InputFile, type SkippedInput } from './inputs.js';
export { chooseCompanions } from './pairing.js';
export type { ResultLine } from './fields.js';

/**
 * A file's default time limit: 120 s, plus 20 s for each page it reads by OCR (about 8 s a page on
 * an idle core, more when both are busy), so a long scan is not cut off while a hang still is.
 */
export const DEFAULT_TIMEOUT_S = 120;
export const DEFAULT_OCR_PAGE_TIMEOUT_S = 20;

/** Inputs larger than this are refused unread (TOO_LARGE). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export interface BatchOptions {
  outDir: string;
  jobs?: number;
  /** Read every file again, even when an earlier run here finished it. */
  force?: boolean;
  /** Delete outputs of an earlier run whose inputs are no longer in the batch. */
  prune?: boolean;
  /** Per-file time limit (default 120 s) … */
  timeoutMs?: number;
  /** … plus this for every page read by OCR (default 20 s; up to MAX_OCR_PAGES_TIMED pages). */
  ocrPageTimeoutMs?: number;
  maxHeapMb?: number;
  /** How many threads may read by OCR at once (default 1: a page's OCR needs several hundred MB). */
  ocrJobs?: number;
  recycleAfter?: number;
  /** Bytes of standard input, for the input `-`. */
  readStdin?: () => Promise<Uint8Array>;
  /** Aborting stops the run: running files are abandoned, finished ones stay in the journal. */
  signal?: AbortSignal;
  onEvent?: (event: BatchEvent) => void;
  /** Which PDF pages to read by OCR (default `auto`); each worker thread loads its own engine. */
  ocr?: OcrMode;
}

export type BatchEvent =
  | { type: 'start'; total: number }
  | { type: 'file'; line: ResultLine; pages: number; resumed: boolean; done: number; total: number }
  | { type: 'skip'; skipped: SkippedInput }
  | { type: 'pairing'; documents: number };

export interface BatchResult {
  /** One line per input read (skipped inputs excepted), in batch order. */
  lines: ResultLine[];
  skipped: SkippedInput[];
  /** Files read in this run, and files an earlier run had finished. */
  read: number;
  resumed: number;
  pages: number;
  interrupted: boolean;
  /** Output names of an earlier run whose inputs are gone: deleted with `prune`, else kept. */
  stale: string[];
  pruned: boolean;
}

/** The output folder (or its state folder) cannot be written: exit code 3. */
export class OutputFolderError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`无法写入输出文件夹 ${path}：${reason}`);
    this.name = 'OutputFolderError';
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return '不是文件夹';
  if (code === 'EROFS') return '只读文件系统';
  if (code === 'EACCES' || code === 'EPERM') return '没有写入权限';
  if (code === 'ENOSPC') return '磁盘已满';
  return error instanceof Error ? error.message : String(error);
}

async function prepareOutputFolder(outDir: string): Promise<string> {
  const info = await stat(outDir).catch(() => null);
  if (info && !info.isDirectory()) throw new OutputFolderError(outDir, '不是文件夹');
  const stateDir = join(outDir, STATE_DIR);
  try {
    await mkdir(stateDir, { recursive: true });
    const probe = join(stateDir, `.probe-${process.pid}`);
    const { writeFile, unlink } = await import('node:fs/promises');
    await writeFile(probe, '');
    await unlink(probe);
  } catch (error) {
    throw new OutputFolderError(outDir, reasonOf(error));
  }
  await removeStaleTemporaries(outDir);
  await removeStaleTemporaries(join(stateDir, 'drafts'));
  await mkdir(join(stateDir, 'drafts'), { recursive: true });
  return stateDir;
}

/** An earlier run's journal reduced to what still holds (one entry per file, one per other output). */
function compacted(state: JournalState): JournalEntry[] {
  const out: JournalEntry[] = [];
  const covered = new Set<string>();
  for (const entry of state.reads.values()) {
    const now = state.verified.get(entry.output);
    out.push(now && entry.line.ok ? { ...entry, signature: now.signature, line: now.line } : entry);
    covered.add(entry.output);
  }
  for (const [output, now] of state.verified) if (!covered.has(output)) out.push({ t: 'verify', output, signature: now.signature, line: now.line });
  return out;
}

let cachedVersion: string | null = null;

/** `selfeval@<version>/schema <n>`: a journal written by another version is not trusted. */
export function toolVersion(): string {
  if (cachedVersion !== null) return cachedVersion;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'selfeval') return (cachedVersion = `selfeval@${pkg.version ?? '0'}/schema ${SCHEMA_VERSION}`);
    } catch {
      // not here
    }
  }
  return (cachedVersion = `selfeval/schema ${SCHEMA_VERSION}`);
}

interface Prepared {
  bytes: Uint8Array;
  sha256: string;
}

async function readInput(path: string, options: BatchOptions): Promise<Prepared | SelfevalError> {
  try {
    if (path === '-') {
      const bytes = options.readStdin ? await options.readStdin() : new Uint8Array(0);
      return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
    }
    const info = await stat(path);
    if (info.size > MAX_INPUT_BYTES) {
      return new SelfevalError('TOO_LARGE', { file: path, detail: `文件 ${info.size} 字节，上限 ${MAX_INPUT_BYTES}` });
    }
    const buffer = await readFile(path);
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    return new SelfevalError('READ_FAILED', { file: path, detail: (error as Error).message });
  }
}

/** Run `work` over 0..count-1 with at most `jobs` at a time (in order of start). */
async function forEachLimited(count: number, jobs: number, stop: () => boolean, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (!stop()) {
      const i = next++;
      if (i >= count) return;
      await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, Math.max(count, 1)) }, lane));
}

export async function runBatch(inputs: CollectedInputs, options: BatchOptions): Promise<BatchResult> {
  const outDir = options.outDir;
  const stateDir = await prepareOutputFolder(outDir);
  const tool = toolVersion();
  const journal = new Journal(stateDir, tool);
  const previous: JournalState = journal.load(options.force === true);
  const files = inputs.files;
  const names = outputNames(files.map((f) => f.path));
  const skipped: SkippedInput[] = [...inputs.skipped];
  const lines: Array<ResultLine | null> = new Array(files.length).fill(null);
  const pairEntries: Array<PairEntry | null> = new Array(files.length).fill(null);
  /** Signature of the verification each output holds now (by output name). */
  const held = new Map<string, { signature: string; line: ResultLine }>();
  const keep: JournalEntry[] = [];
  const results = new ResultsFile(join(outDir, 'results.jsonl'));
  const stop = (): boolean => options.signal?.aborted === true;
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  // The one reading option that changes outputs (timeouts and memory limits only decide failures).
  const ocr: OcrMode = options.ocr ?? 'auto';
  let done = 0;
  let read = 0;
  let resumed = 0;
  let pages = 0;

  const draftPath = (name: string): string => join(stateDir, 'drafts', `${name}.gz`);
  const outputPath = (name: string): string => join(outDir, name);

  options.onEvent?.({ type: 'start', total: files.length });
  journal.open(compacted(previous));
  results.start();
  const pool = new ReadPool({
    jobs,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_S * 1000,
    ocrPageMs: options.ocrPageTimeoutMs ?? DEFAULT_OCR_PAGE_TIMEOUT_S * 1000,
    maxHeapMb: options.maxHeapMb ?? 1024,
    ...(options.ocrJobs !== undefined ? { ocrJobs: options.ocrJobs } : {}),
    ...(options.recycleAfter !== undefined ? { recycleAfter: options.recycleAfter } : {}),
  });

  const finishFile = (i: number, line: ResultLine, signature: string | null, filePages: number, wasResumed: boolean): void => {
    const name = names[i] as string;
    lines[i] = line;
    pairEntries[i] = pairEntryOf(i, line, ocr);
    if (signature !== null) held.set(name, { signature, line });
    const entry: JournalEntry = { t: 'read', file: (files[i] as { path: string }).path, sha256: line.sha256, output: name, ocr, signature, line };
    journal.append(entry);
    results.append(line);
    done++;
    pages += filePages;
    options.onEvent?.({ type: 'file', line, pages: filePages, resumed: wasResumed, done, total: files.length });
  };

  const abandon = async (name: string): Promise<void> => {
    await removeIfPresent(outputPath(name));
    await removeIfPresent(draftPath(name));
  };

  try {
    await forEachLimited(files.length, jobs, stop, async (i) => {
      const input = files[i] as { path: string; explicit: boolean };
      const name = names[i] as string;
      const prepared = await readInput(input.path, options);
      if (prepared instanceof SelfevalError) {
        await abandon(name);
        finishFile(i, errorLine(input.path, null, prepared), null, 0, false);
        return;
      }
      const sniffed = sniffFormat(prepared.bytes, input.path === '-' ? '' : input.path);
      // Found in a folder and not a document format: listed in skipped.csv, not read.
      const skip = input.explicit ? null : folderSkip(sniffed, input.path);
      if (skip !== null) {
        const entry: SkippedInput = { file: input.path, ...skip };
        skipped.push(entry);
        options.onEvent?.({ type: 'skip', skipped: entry });
        done++;
        return;
      }
      const earlier = previous.reads.get(input.path);
      // Read under another OCR mode: read again if the mode can change what this format reads as.
      const sameReading = earlier?.ocr === ocr || !ocrMatters(sniffed.format);
      if (earlier && earlier.sha256 === prepared.sha256 && earlier.output === name && sameReading) {
        const now = previous.verified.get(name);
        const outputsThere = earlier.line.ok ? await stat(outputPath(name)).then(() => stat(draftPath(name))).then(() => true, () => false) : true;
        if (outputsThere && (!earlier.line.ok || now)) {
          resumed++;
          finishFile(i, now?.line ?? earlier.line, now?.signature ?? null, 0, true);
          return;
        }
      }
      const task: WorkerTask = {
        type: 'read', file: input.path, bytes: prepared.bytes, sha256: prepared.sha256,
        output: name, outputPath: outputPath(name), draftPath: draftPath(name),
        ocr,
      };
      let reply: WorkerReply;
      try {
        reply = await pool.run(task, input.path);
      } catch (error) {
        if (stop()) return;
        await abandon(name);
        const failure = error instanceof SelfevalError ? error : new SelfevalError('READ_FAILED', { file: input.path, detail: String(error) });
        read++;
        finishFile(i, errorLine(input.path, prepared.sha256, failure, sniffed.format), null, 0, false);
        return;
      }
      if (stop()) return;
      read++;
      if (!reply.line.ok) await abandon(name);
      const signature = reply.line.ok ? verificationSignature(tool, readKeyOf(prepared.sha256, reply.line.format, ocr), []) : null;
      finishFile(i, reply.line, signature, reply.pages, false);
    });

    if (!stop()) await crossVerify();
    if (stop()) return finish(true);
    return await finish(false);
  } finally {
    journal.close();
    results.close();
    await pool.close();
  }

  /** Every read document verified with the companions its group gives it (alone when none), where not already. */
  async function crossVerify(): Promise<void> {
    const entries = pairEntries.filter((e): e is PairEntry => e !== null);
    const companions = new Map<number, PairEntry[]>();
    for (const group of groupsOf(entries)) for (const [index, list] of companionsInGroup(group)) companions.set(index, list);
    const due = entries.filter((e) => {
      const wanted = verificationSignature(tool, e.readKey, companions.get(e.index) ?? []);
      return held.get(names[e.index] as string)?.signature !== wanted;
    });
    if (due.length > 0) options.onEvent?.({ type: 'pairing', documents: due.length });
    await forEachLimited(due.length, jobs, stop, async (k) => {
      const e = due[k] as PairEntry;
      const name = names[e.index] as string;
      const list = companions.get(e.index) ?? [];
      const signature = verificationSignature(tool, e.readKey, list);
      const file = (files[e.index] as { path: string }).path;
      const task: WorkerTask = {
        type: 'pair', file, sha256: e.sha256, output: name, outputPath: outputPath(name), draftPath: draftPath(name),
        companionDrafts: list.map((c) => draftPath(names[c.index] as string)), pageCount: lines[e.index]?.pageCount ?? null,
      };
      try {
        const reply = await pool.run(task, file);
        if (stop()) return;
        lines[e.index] = reply.line;
        held.set(name, { signature, line: reply.line });
        journal.append({ t: 'verify', output: name, signature, line: reply.line });
      } catch (error) {
        // The document stays as verified alone; the failure is recorded on its line.
        if (stop()) return;
        const failure = error instanceof SelfevalError ? error : new SelfevalError('READ_FAILED', { file, detail: String(error) });
        const line = lines[e.index] as ResultLine;
        lines[e.index] = { ...line, warnings: line.warnings + 1, error: { code: failure.code, message: failure.message, detail: failure.detail } };
      }
    });
  }

  async function finish(interrupted: boolean): Promise<BatchResult> {
    const claimed = new Set<string>();
    lines.forEach((l, i) => {
      if (l?.ok) claimed.add(names[i] as string);
    });
    const stale: string[] = [];
    for (const name of [...previous.verified.keys()].sort()) {
      if (!claimed.has(name) && (await stat(outputPath(name)).then(() => true, () => false))) stale.push(name);
    }
    const finalLines = lines.filter((l): l is ResultLine => l !== null);
    if (!interrupted) {
      if (options.prune) for (const name of stale) await abandon(name);
      // Compact the journal: what holds now, in batch order.
      journal.close();
      lines.forEach((l, i) => {
        if (l === null) return;
        const name = names[i] as string;
        const h = held.get(name);
        keep.push({ t: 'read', file: (files[i] as { path: string }).path, sha256: l.sha256, output: name, ocr, signature: h?.signature ?? null, line: h?.line ?? l });
      });
      if (!options.prune) for (const name of stale) {
        const h = previous.verified.get(name);
        if (h) keep.push({ t: 'verify', output: name, signature: h.signature, line: h.line });
      }
      journal.open(keep);
      results.finish(finalLines);
    }
    skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return { lines: finalLines, skipped, read, resumed, pages, interrupted, stale, pruned: options.prune === true };
  }
}
