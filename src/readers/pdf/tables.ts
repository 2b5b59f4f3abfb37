/**
 * Per-page tables of a PDF, not stitched: what `selfeval tables` prints and the benchmark scores.
 */
import type { Table } from '../../layout/model.js';
import type { TableSettingsInput } from '../../layout/table/settings.js';
import { checkPdfBytes, pageErrorToSelfevalError } from './errors.js';
import type { OcrMode } from '../types.js';
import { readOcrPages } from './ocr-pages.js';
import { readPdfPages } from './pages.js';
import { withPdfDocument } from './pdfjs.js';

export interface PdfTablesOptions {
  fileName?: string;
  /** 1-based page numbers to read (all pages when absent). */
  pages?: number[];
  settings?: TableSettingsInput;
  /** Which pages to read by OCR (default `auto`). */
  ocr?: OcrMode;
}

export async function readPdfTables(bytes: Uint8Array, options: PdfTablesOptions = {}): Promise<{ pageCount: number; tables: Table[] }> {
  const { fileName } = options;
  checkPdfBytes(bytes, fileName);
  return withPdfDocument(
    bytes,
    async (doc) => {
      try {
        const text = await readPdfPages(doc, options.pages, options.settings);
        const ocr = await readOcrPages(doc, text, options.ocr ?? 'auto', options.settings);
        const tables = ocr.pages.map((p) => p.tables.map((t) => t.table));
        ocr.mark(ocr.pages.map((p, i) => ({ number: p.number, width: p.width, height: p.height, blocks: (tables[i] ?? []).map((table) => ({ type: 'table' as const, table })) })));
        return { pageCount: doc.numPages, tables: tables.flat() };
      } catch (error) {
        throw pageErrorToSelfevalError(error, null, fileName);
      }
    },
    fileName === undefined ? {} : { fileName },
  );
}
