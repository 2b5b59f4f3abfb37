/**
 * The batch's worker thread: reads one file (or re-verifies one document with its companions) and
 * writes its outputs itself, atomically, so that only a one-line summary crosses back to the main
 * thread and the main thread never holds a Document.
 */
import { readFile } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { threadId, workerData, type MessagePort } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SelfevalError } from '../errors.js';
import { setOcrCancelFlag, setOcrPageListener } from '../readers/ocr-progress.js';
import { releaseOcrLock, takeOcrLock } from './ocr-lock.js';
import type { Document } from '../schema/document.js';
import { writeFileAtomic } from './files.js';
import { tuneOwnThread } from './own-thread.js';
import { errorLine, documentLine, type ResultLine } from './lines.js';
import { extractDraft, verify, type OcrMode } from './run.js';

export type WorkerTask =
  | {
      type: 'read';
      /** The input path as given (recorded in the document, never used to decide anything). */
      file: string;
      bytes: Uint8Array;
      sha256: string;
      /** Output name inside the output folder, and absolute paths of the output and its draft. */
      output: string;
      outputPath: string;
      draftPath: string;
      /** Which PDF pages to read by OCR (default `auto`). */
      ocr?: OcrMode;
      /** Told the number of each page as its OCR starts (the pool extends the time limit). */
      progress?: MessagePort;
      /** Set by the pool when the file's time is up, so OCR stops between engine runs. */
      cancel?: Int32Array;
    }
  | {
      type: 'pair';
      file: string;
      sha256: string;
      output: string;
      outputPath: string;
      draftPath: string;
      /** Drafts of the companions, in the order the verification reads them. */
      companionDrafts: string[];
      pageCount: number | null;
    };

export interface WorkerReply {
  line: ResultLine;
  pages: number;
  /** Heap in use after the task, and files done by this thread: the main thread recycles on them. */
  heapUsed: number;
  tasksDone: number;
  threadId: number;
  /** The task read pages by OCR: the thread holds the engine and the memory OCR grew (recycled). */
  ocr: boolean;
}

tuneOwnThread();

let tasksDone = 0;
/** Shared with the other threads of the pool (see ocr-lock.ts); absent outside a batch pool. */
const ocrLock = (workerData as { ocrLock?: Int32Array } | null)?.ocrLock ?? null;

/** Messages to the pool: a page's OCR starts (more time), or the file waits for the OCR lock (clock paused). */
export type ProgressMessage = { page: number } | { waiting: boolean };

async function readDraft(path: string): Promise<Document> {
  return JSON.parse(gunzipSync(await readFile(path)).toString('utf8')) as Document;
}

function documentJson(document: Document): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

async function runRead(task: Extract<WorkerTask, { type: 'read' }>): Promise<WorkerReply['line']> {
  const draft = await extractDraft(task.bytes, task.file, task.ocr ? { ocr: task.ocr } : {});
  if (!draft.ok) return errorLine(task.file, task.sha256, draft.error);
  let verified: Document;
  try {
    verified = verify(draft.document);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return errorLine(task.file, task.sha256, new SelfevalError('READ_FAILED', { file: task.file, detail }));
  }
  await writeFileAtomic(task.draftPath, gzipSync(JSON.stringify(draft.document), { level: 1 }));
  await writeFileAtomic(task.outputPath, documentJson(verified));
  return documentLine(task.file, task.output, verified);
}

async function runPair(task: Extract<WorkerTask, { type: 'pair' }>): Promise<WorkerReply['line']> {
  const draft = await readDraft(task.draftPath);
  const companions = await Promise.all(task.companionDrafts.map(readDraft));
  const verified = verify(draft, companions);
  await writeFileAtomic(task.outputPath, documentJson(verified));
  return documentLine(task.file, task.output, verified);
}

export default async function runTask(task: WorkerTask): Promise<WorkerReply> {
  const progress = task.type === 'read' ? task.progress : undefined;
  let ocr = false;
  setOcrCancelFlag(task.type === 'read' ? (task.cancel ?? null) : null);
  setOcrPageListener(
    progress
      ? (page) => {
          ocr = true;
          if (ocrLock) takeOcrLock(ocrLock, (waiting) => progress.postMessage({ waiting } satisfies ProgressMessage));
          progress.postMessage({ page } satisfies ProgressMessage);
        }
      : null,
  );
  let line: ResultLine;
  try {
    line = task.type === 'read' ? await runRead(task) : await runPair(task);
  } finally {
    setOcrPageListener(null);
    setOcrCancelFlag(null);
    if (ocrLock) releaseOcrLock(ocrLock);
    progress?.close();
  }
  tasksDone++;
  const pages = task.type === 'read' ? (line.pageCount ?? 1) : 0;
  return { line, pages, heapUsed: getHeapStatistics().used_heap_size, tasksDone, threadId, ocr };
}
