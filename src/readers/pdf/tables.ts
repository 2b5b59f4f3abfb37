/**
 * Per-page tables of a PDF, not stitched: what `selfeval tables` prints and the benchmark scores.
 */
import type { Table } from '../../layout/model.js';
import type { TableSettingsInput } from '../../layout/table/settings.js';
import { checkPdfBytes, pageErrorToSelfevalError } from './errors.js';
import { readPdfPages } from './pages.js';
import { withPdfDocument } from './pdfjs.js';

export interface PdfTablesOptions {
  fileName?: string;
  /** 1-based page numbers to read (all pages when absent). */
  pages?: number[];
  settings?: TableSettingsInput;
}

export async function readPdfTables(bytes: Uint8Array, options: PdfTablesOptions = {}): Promise<{ pageCount: number; tables: Table[] }> {
  const { fileName } = options;
  checkPdfBytes(bytes, fileName);
  return withPdfDocument(
    bytes,
    async (doc) => {
      try {
        const pages = await readPdfPages(doc, options.pages, options.settings);
        return { pageCount: doc.numPages, tables: pages.flatMap((p) => p.tables.map((t) => t.table)) };
      } catch (error) {
        throw pageErrorToSelfevalError(error, null, fileName);
      }
    },
    fileName === undefined ? {} : { fileName },
  );
}
