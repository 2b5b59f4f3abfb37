/**
 * The PDF reader: bytes → LayoutDocument. Pages are read with pdf.js (words and rules), tables
 * found per page (lattice, then stream), page furniture removed, tables continued across page
 * breaks stitched into the page where they start, and everything put in reading order.
 */
import { SelfevalError } from '../../errors.js';
import { applyGlyphVariants } from '../../layout/glyph-variants.js';
import type { Block, LayoutDocument, LayoutPage, LayoutWarning, Line, Table } from '../../layout/model.js';
import { stitchTables } from '../../layout/table/stitch.js';
import type { Reader, ReadOptions } from '../types.js';
import { checkPdfBytes, pageErrorToSelfevalError, pdfHeaderOffset } from './errors.js';
import { removeFurniture } from './furniture.js';
import { readOcrPages } from './ocr-pages.js';
import { readPdfPages, type PdfPageLayout } from './pages.js';
import { readPdfInfo, withPdfDocument } from './pdfjs.js';

/** Fewer characters than this per page on average, with images on the pages: a scan. */
const SCAN_CHARS_PER_PAGE = 10;

function blockTop(block: Block): number {
  const bbox = block.type === 'line' ? block.line.bbox : block.table.bbox;
  return bbox?.[1] ?? 0;
}

function blockLeft(block: Block): number {
  const bbox = block.type === 'line' ? block.line.bbox : block.table.bbox;
  return bbox?.[0] ?? 0;
}

function toBlocks(lines: readonly Line[], tables: readonly Table[]): Block[] {
  const blocks: Block[] = [
    ...lines.map((line): Block => ({ type: 'line', line })),
    ...tables.map((table): Block => ({ type: 'table', table })),
  ];
  return blocks.sort((a, b) => blockTop(a) - blockTop(b) || blockLeft(a) - blockLeft(b));
}

function assertHasText(pages: readonly PdfPageLayout[], fileName?: string): void {
  const chars = pages.reduce((n, p) => n + p.textChars, 0);
  const images = pages.reduce((n, p) => n + p.images, 0);
  if (pages.length > 0 && chars < SCAN_CHARS_PER_PAGE * pages.length && images > 0) {
    throw new SelfevalError('NO_TEXT_LAYER', { file: fileName ?? null, detail: `${pages.length} 页共 ${chars} 个字符、${images} 幅图像` });
  }
}

/** Per-page layouts → layout pages: furniture removed, tables stitched, blocks in reading order. */
export function pagesToLayout(pages: readonly PdfPageLayout[]): LayoutPage[] {
  const bodyLines = removeFurniture(pages.map((p) => ({ height: p.height, lines: p.lines })));
  const stitched = stitchTables(
    pages.map((p, i) => ({ tables: p.tables, height: p.height, lineBoxes: (bodyLines[i] ?? []).flatMap((l) => (l.bbox ? [l.bbox] : [])) })),
  );
  return pages.map((p, i) => ({
    number: p.number,
    width: Math.round(p.width * 100) / 100,
    height: Math.round(p.height * 100) / 100,
    blocks: toBlocks(bodyLines[i] ?? [], stitched[i] ?? []),
  }));
}

/** A page of images without text inside a text PDF: a scanned page whose content is not read. */
export function pagesToWarnings(pages: readonly PdfPageLayout[]): LayoutWarning[] {
  return pages
    .filter((p) => p.textChars === 0 && p.images > 0)
    .map((p) => ({
      code: 'PAGE_NO_TEXT',
      message: `第 ${p.number} 页只有图像、没有文本层（可能是扫描页），该页内容未读取`,
      anchor: { page: p.number, bbox: null, ref: null },
    }));
}

export async function readPdf(bytes: Uint8Array, options: ReadOptions = {}): Promise<LayoutDocument> {
  const { fileName } = options;
  checkPdfBytes(bytes, fileName);
  return withPdfDocument(
    bytes,
    async (doc) => {
      const info = await readPdfInfo(doc);
      let pages: PdfPageLayout[];
      try {
        pages = await readPdfPages(doc);
      } catch (error) {
        throw pageErrorToSelfevalError(error, null, fileName);
      }
      const ocr = await readOcrPages(doc, pages, options.ocr ?? 'auto');
      if (ocr.ocrPages.length === 0) assertHasText(pages, fileName);
      const read = new Set(ocr.ocrPages);
      const layoutPages = pagesToLayout(ocr.pages);
      // A font's ToUnicode map may name the traditional twin of a glyph (戶 for 户): mapped back in simplified documents.
      applyGlyphVariants(layoutPages);
      ocr.mark(layoutPages);
      const layout: LayoutDocument = {
        format: 'pdf',
        pageCount: doc.numPages,
        producer: info.producer,
        title: info.title,
        pages: layoutPages,
        warnings: [...pagesToWarnings(pages.filter((p) => !read.has(p.number))), ...ocr.warnings],
      };
      if (ocr.ocrPages.length > 0) layout.ocrPages = ocr.ocrPages;
      return layout;
    },
    fileName === undefined ? {} : { fileName },
  );
}

export const pdfReader: Reader = {
  format: 'pdf',
  sniff: (bytes) => pdfHeaderOffset(bytes) >= 0,
  read: readPdf,
};
