/**
 * An open PDF → per-page layout: words and rules read, tables found, the remaining words made
 * into lines. Shared by the reader (which then removes furniture and stitches tables) and by
 * `readPdfTables` (per-page tables only).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { bboxContainsPoint, roundBBox } from '../../layout/bbox.js';
import { runsToLines } from '../../layout/lines.js';
import type { BBox, Line } from '../../layout/model.js';
import { findPageTables, type PageTable } from '../../layout/table/index.js';
import type { TableSettingsInput } from '../../layout/table/settings.js';
import { pageErrorToSelfevalError } from './errors.js';
import { readPageContent } from './page-content.js';

export interface PdfPageLayout {
  number: number;
  width: number;
  height: number;
  tables: PageTable[];
  /** Lines outside tables, in reading order (furniture not yet removed). */
  lines: Line[];
  /** Characters of text on the page (to tell a scan from a text PDF). */
  textChars: number;
  images: number;
}

function tableAreas(tables: readonly PageTable[]): BBox[] {
  return tables.flatMap((t) => (t.table.bbox ? [t.table.bbox] : []));
}

export async function readPdfPage(doc: PDFDocumentProxy, number: number, settings?: TableSettingsInput): Promise<PdfPageLayout> {
  const page = await doc.getPage(number);
  try {
    const content = await readPageContent(page);
    const tables = findPageTables({ ...content, page: number }, settings);
    const areas = tableAreas(tables);
    const free = content.words.filter((w) => {
      const cx = (w.bbox[0] + w.bbox[2]) / 2;
      const cy = (w.bbox[1] + w.bbox[3]) / 2;
      return !areas.some((b) => bboxContainsPoint(b, cx, cy));
    });
    const lines = runsToLines(free).map((l): Line => {
      const line: Line = { page: number, bbox: roundBBox(l.bbox), ref: null, text: l.text, fontSize: Math.round(l.fontSize * 100) / 100 };
      if (l.raw !== undefined) line.raw = l.raw;
      return line;
    });
    const textChars = content.words.reduce((n, w) => n + w.text.replace(/\s+/gu, '').length, 0);
    return { number, width: content.width, height: content.height, tables, lines, textChars, images: content.images };
  } finally {
    page.cleanup();
  }
}

/** Pages in order (all when `pages` is not given; numbers outside the document are skipped). */
export async function readPdfPages(doc: PDFDocumentProxy, pages?: readonly number[], settings?: TableSettingsInput): Promise<PdfPageLayout[]> {
  const numbers = pages ? [...new Set(pages)].filter((n) => Number.isInteger(n) && n >= 1 && n <= doc.numPages).sort((a, b) => a - b) : Array.from({ length: doc.numPages }, (_, i) => i + 1);
  const out: PdfPageLayout[] = [];
  for (const n of numbers) {
    try {
      out.push(await readPdfPage(doc, n, settings));
    } catch (error) {
      throw pageErrorToSelfevalError(error, n);
    }
  }
  return out;
}
