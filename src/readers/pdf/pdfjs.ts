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

/** Load pdf.js once, with its worker running on the main thread (no worker file, no thread). */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // The worker module has no type declarations; it is only handed to pdf.js.
    const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    const worker: unknown = await import(workerModule);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = join(PDFJS_ROOT, 'legacy/build/pdf.worker.mjs');
    return pdfjs;
  })();
  return loading;
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
