/**
 * pdf.js in Node: one place that loads the legacy build, points it at the package's own CMaps and
 * standard fonts (never the network), runs the worker in-process, and always destroys what it opened
 * (batches of thousands of files depend on that).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { openErrorToSelfevalError } from './errors.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));
/** Directories with a trailing separator, as pdf.js wants them (read with fs in Node). */
const CMAP_DIR = `${join(PDFJS_ROOT, 'cmaps')}/`;
const STANDARD_FONT_DIR = `${join(PDFJS_ROOT, 'standard_fonts')}/`;
const WASM_DIR = `${join(PDFJS_ROOT, 'wasm')}/`;

let loading: Promise<PdfJs> | null = null;

/**
 * The legacy build bundles core-js, which on Node 20 replaces three built-ins of the whole thread
 * with JavaScript versions, for spec corners pdf.js never uses (the error a push onto an array of
 * frozen length throws; JSON.rawJSON and the source text of JSON.parse). They are several times
 * slower and slow every push and every JSON of the thread, not only pdf.js's (measured: `push`
 * was the top function of a batch's profile). Taken before pdf.js loads, put back after.
 */
const NATIVE_BUILT_INS = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };

function restoreNativeBuiltIns(): void {
  const put = (target: object, key: string, value: unknown): void => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor?.value !== value) Object.defineProperty(target, key, { ...descriptor, value });
  };
  put(Array.prototype, 'push', NATIVE_BUILT_INS.push);
  put(JSON, 'stringify', NATIVE_BUILT_INS.stringify);
  put(JSON, 'parse', NATIVE_BUILT_INS.parse);
}

/** Load pdf.js once, with its worker running on the main thread (no worker file, no thread). */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // The worker module has no type declarations; it is only handed to pdf.js.
    const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    const worker: unknown = await import(workerModule);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = join(PDFJS_ROOT, 'legacy/build/pdf.worker.mjs');
    restoreNativeBuiltIns();
    return pdfjs;
  })();
  return loading;
}

/**
 * Have pdf.js inflate Flate streams with its own decoder, not the DecompressionStream it prefers
 * when that global exists. In Node 20 the API runs through web streams over zlib, and a PDF has
 * hundreds of small streams: reading the corpus took about a quarter less time without it. pdf.js
 * falls back to its decoder for every stream the native one rejects, so the bytes read are the same
 * either way. It removes a global, so only threads selfeval owns call it (the command line and the
 * batch's workers), never the library.
 */
export function preferPdfJsInflate(): void {
  Reflect.deleteProperty(globalThis, 'DecompressionStream');
}

export interface PdfOpenOptions {
  fileName?: string;
  password?: string;
}

/**
 * Open a PDF, hand it to `fn`, and destroy the document and its loading task whatever happens.
 * Open failures become SelfevalErrors (ENCRYPTED, TRUNCATED, CORRUPT).
 */
export async function withPdfDocument<T>(
  bytes: Uint8Array,
  fn: (doc: PDFDocumentProxy) => Promise<T>,
  options: PdfOpenOptions = {},
): Promise<T> {
  const pdfjs = await loadPdfJs();
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy so the caller's bytes survive.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    wasmUrl: WASM_DIR,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(options.password === undefined ? {} : { password: options.password }),
  });
  try {
    let doc: PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (error) {
      throw openErrorToSelfevalError(error, bytes, options.fileName);
    }
    return await fn(doc);
  } finally {
    await task.destroy();
  }
}

/** Info.Producer and Info.Title of an open document (null when absent or empty). */
export async function readPdfInfo(doc: PDFDocumentProxy): Promise<{ producer: string | null; title: string | null }> {
  const { info } = await doc.getMetadata().catch(() => ({ info: {} as Record<string, unknown> }));
  const record = info as Record<string, unknown>;
  const pick = (key: string): string | null => {
    const value = record[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  return { producer: pick('Producer'), title: pick('Title') };
}
