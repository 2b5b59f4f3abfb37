/**
 * `writeReport(dir)`: the audit report of an extract output folder, one self-contained HTML page.
 *
 * Scale: the overview is one JSON blob; each document's view is its own JSON blob, parsed only when
 * it is opened; each evidence image is its own blob (or file), shared by every finding that shows the
 * same box of the same source. When the page would pass `splitAboveBytes` (default 50 MB), the images
 * are written as PNG files in a folder beside the page (`report/` for `report.html`) and the page
 * refers to them by relative path: the text stays in one file, which opens and filters as fast as
 * before, and the folder travels with it.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { attachEvidence, type ImageSink } from './evidence.js';
import { dataBlock, pageHead, pageTail, scriptJson } from './html.js';
import { documentDetail, findingTotals, linkCompanions, overviewRow } from './model.js';
import { readDocument, readErrorStages, readResults, readSkipped } from './outputs.js';
import type { FailedFile, OverviewRow, ReportIndex } from './types.js';

export { ReportInputError } from './outputs.js';
export { escapeHtml, scriptJson } from './html.js';
export type * from './types.js';

/** The page (or its image folder) cannot be written: exit code 3. */
export class ReportOutputError extends Error {
  readonly code = 'REPORT_NOT_WRITTEN';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`无法写入报告文件 ${path}：${reason}`);
    this.name = 'ReportOutputError';
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}

async function writable<T>(path: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw error instanceof ReportOutputError ? error : new ReportOutputError(path, reasonOf(error));
  }
}

export const DEFAULT_SPLIT_ABOVE_BYTES = 50 * 1024 * 1024;

export interface ReportOptions {
  /** The page to write; default DIR/report.html. */
  out?: string;
  /** Render evidence images of PDF findings (default true). */
  images?: boolean;
  /** Folders a relative source path is resolved against; default the working folder. */
  sourceBaseDirs?: string[];
  /** Put images in files beside the page when the page would pass this size (bytes). */
  splitAboveBytes?: number;
  /** Called after each document, for progress. */
  onDocument?: (done: number, total: number) => void;
}

export interface ReportResult {
  path: string;
  documents: number;
  failed: number;
  skipped: number;
  images: number;
  imageMode: ReportIndex['images'];
  /** Folder of image files (imageMode `files`). */
  imageDir: string | null;
  bytes: number;
}

/** Images kept in memory until they alone pass the limit; then every image goes to files. */
class Images implements ImageSink {
  private readonly memory = new Map<string, Uint8Array>();
  private readonly keys = new Set<string>();
  private bytes = 0;
  spilled = false;
  constructor(
    private readonly dir: string,
    private readonly limit: number,
  ) {}
  has(key: string): boolean {
    return this.keys.has(key);
  }
  get count(): number {
    return this.keys.size;
  }
  /** Base64 size of all images. */
  get encodedBytes(): number {
    return Math.ceil(this.bytes / 3) * 4;
  }
  async add(key: string, png: Uint8Array): Promise<void> {
    this.keys.add(key);
    this.bytes += png.length;
    if (this.spilled) return this.write(key, png);
    this.memory.set(key, png);
    if (this.encodedBytes > this.limit) await this.spill();
  }
  async spill(): Promise<void> {
    this.spilled = true;
    for (const [key, png] of this.memory) await this.write(key, png);
    this.memory.clear();
  }
  private async write(key: string, png: Uint8Array): Promise<void> {
    await writable(this.dir, async () => {
      await mkdir(this.dir, { recursive: true });
      await writeFile(join(this.dir, `${key}.png`), png);
    });
  }
  *inline(): Generator<[string, Uint8Array]> {
    yield* this.memory;
  }
  /** Delete images an earlier report left in the folder (only files named as this code names them), and the folder when empty. */
  async removeStale(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    const keep = this.spilled ? this.keys : new Set<string>();
    for (const name of names) {
      const m = /^([0-9a-f]{20})\.png$/u.exec(name);
      if (m && !keep.has(m[1] as string)) await rm(join(this.dir, name), { force: true });
    }
    if (!this.spilled) await rmdir(this.dir).catch(() => undefined);
  }
}

export async function writeReport(dir: string, options: ReportOptions = {}): Promise<ReportResult> {
  const outPath = resolve(options.out ?? join(dir, 'report.html'));
  const imageDirName = basename(outPath).replace(/\.html?$/iu, '') || 'report';
  const imageDir = join(dirname(outPath), imageDirName === basename(outPath) ? `${imageDirName}-files` : imageDirName);
  const limit = options.splitAboveBytes ?? DEFAULT_SPLIT_ABOVE_BYTES;
  const { lines, notes } = await readResults(dir);
  const [skipped, stages] = await Promise.all([readSkipped(dir), readErrorStages(dir)]);
  const sink = new Images(imageDir, limit);
  const baseDirs = options.sourceBaseDirs ?? [process.cwd()];

  const rows: OverviewRow[] = [];
  const detailBlocks: string[] = [];
  const findingsOf: Array<{ findings: Array<{ code: string; severity: string }> }> = [];
  const failed: FailedFile[] = [];
  let done = 0;
  for (const line of lines) {
    done += 1;
    if (!line.ok || line.output === null) {
      failed.push({ file: line.file, stage: stages.get(line.file) ?? null, code: line.error?.code ?? 'UNKNOWN', message: line.error?.message ?? '', detail: line.error?.detail ?? null });
      options.onDocument?.(done, lines.length);
      continue;
    }
    const id = rows.length;
    const read = await readDocument(dir, line.output);
    const document = 'document' in read ? read.document : null;
    if ('note' in read) notes.push(read.note);
    rows.push(overviewRow(id, line, document));
    if (document !== null) {
      const detail = documentDetail(id, line.file, document);
      if (options.images !== false) await attachEvidence(document, detail, { baseDirs, sink });
      findingsOf.push({ findings: detail.findings.map((f) => ({ code: f.code, severity: f.severity })) });
      detailBlocks.push(dataBlock(`doc-${id}`, scriptJson(detail)));
    }
    options.onDocument?.(done, lines.length);
  }
  linkCompanions(rows);

  const title = '绩效自评复核审计报告';
  const base: Omit<ReportIndex, 'images'> = { outDir: dir, rows, findingTotals: findingTotals(findingsOf), failed, skipped, notes };
  const textBytes = detailBlocks.reduce((n, b) => n + Buffer.byteLength(b), 0) + Buffer.byteLength(scriptJson(base)) + 200_000;
  if (!sink.spilled && sink.count > 0 && textBytes + sink.encodedBytes > limit) await sink.spill();
  const imageMode: ReportIndex['images'] = sink.count === 0 ? 'none' : sink.spilled ? 'files' : 'inline';
  const index: ReportIndex & { imageBase: string } = { ...base, images: imageMode, imageBase: `${basename(imageDir)}/` };
  await sink.removeStale();

  await writable(outPath, () => mkdir(dirname(outPath), { recursive: true }));
  const temporary = `${outPath}.${process.pid}.tmp`;
  const stream = createWriteStream(temporary);
  // An open failure is reported by the first write or by finish; keep it for the message.
  let failure: unknown = null;
  stream.on('error', (error) => {
    failure = error;
  });
  let bytes = 0;
  const put = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!stream.write(text)) await once(stream, 'drain');
  };
  try {
    await put(pageHead(title));
    await put(dataBlock('index', scriptJson(index)));
    for (const block of detailBlocks) await put(block);
    for (const [key, png] of sink.inline()) await put(dataBlock(`img-${key}`, scriptJson(`data:image/png;base64,${Buffer.from(png).toString('base64')}`)));
    await put(pageTail());
    stream.end();
    await once(stream, 'finish');
    await rename(temporary, outPath);
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error instanceof ReportOutputError ? error : new ReportOutputError(outPath, reasonOf(failure ?? error));
  }
  return { path: outPath, documents: rows.length, failed: failed.length, skipped: skipped.length, images: sink.count, imageMode, imageDir: imageMode === 'files' ? imageDir : null, bytes };
}
