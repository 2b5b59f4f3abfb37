/**
 * Which pages of a PDF are read by OCR, and reading them. `auto` (the default) takes a page with
 * images and (almost) no text layer, or whose text layer is garbage (mostly private-use or
 * replacement characters: a font with no usable Unicode map); `always` takes every page; `never`
 * none. The OCR module (and the engine behind it) is imported only when some page needs it.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { LayoutPage, LayoutWarning } from '../../layout/model.js';
import type { TableSettingsInput } from '../../layout/table/settings.js';
import type { OcrMode } from '../types.js';
import type { PdfPageLayout } from './pages.js';
import { renderPageRgba } from './render.js';
import { ocrPageStarting } from '../ocr-progress.js';

/** A page with fewer text characters than this, and images, has no text layer to speak of. */
const MIN_TEXT_CHARS = 10;
/** A text layer with at least this share of unreadable characters is garbage. */
const GARBAGE_SHARE = 0.5;

const UNREADABLE = /[\ue000-\uf8ff\ufffd\u0000-\u0008\u000e-\u001f]/u;

function pageTexts(page: PdfPageLayout): string[] {
  return [...page.lines.map((l) => l.text), ...page.tables.flatMap((t) => t.table.cells.map((c) => c.text))];
}

/** True when a page's text layer is mostly characters no font map made readable. */
export function isGarbageText(texts: readonly string[]): boolean {
  const chars = [...texts.join('')].filter((c) => c.trim() !== '');
  if (chars.length < MIN_TEXT_CHARS) return false;
  return chars.filter((c) => UNREADABLE.test(c)).length >= GARBAGE_SHARE * chars.length;
}

/** The page numbers to read by OCR in this mode. */
export function pagesToOcr(pages: readonly PdfPageLayout[], mode: OcrMode): number[] {
  if (mode === 'never') return [];
  if (mode === 'always') return pages.map((p) => p.number);
  return pages.filter((p) => (p.textChars < MIN_TEXT_CHARS && p.images > 0) || isGarbageText(pageTexts(p))).map((p) => p.number);
}

export interface OcrOutcome {
  /** The pages, those read by OCR replaced by their OCR layout. */
  pages: PdfPageLayout[];
  /** Page numbers read by OCR. */
  ocrPages: number[];
  warnings: LayoutWarning[];
  /** Puts confidence on the anchors of OCR'd pages of the finished layout. */
  mark(layout: readonly LayoutPage[]): void;
}

export async function readOcrPages(doc: PDFDocumentProxy, pages: readonly PdfPageLayout[], mode: OcrMode, settings?: TableSettingsInput): Promise<OcrOutcome> {
  const wanted = pagesToOcr(pages, mode);
  if (wanted.length === 0) return { pages: [...pages], ocrPages: [], warnings: [], mark: () => undefined };
  const ocr = await import('../ocr/index.js');
  const read = new Map<number, Awaited<ReturnType<typeof ocr.ocrPage>>>();
  for (const number of wanted) {
    ocrPageStarting(number);
    const image = await renderPageRgba(doc, number, { dpi: ocr.OCR_DPI });
    read.set(number, await ocr.ocrPage(image, ocr.OCR_DPI, number, settings));
  }
  const words = new Map([...read].map(([n, p]) => [n, p.words]));
  return {
    pages: pages.map((p) => read.get(p.number)?.layout ?? p),
    ocrPages: wanted,
    warnings: ocr.ocrWarnings([...read.values()]),
    mark: (layout) => ocr.markConfidence(layout, words),
  };
}
