/**
 * The layout model: the one intermediate form every reader produces and every extractor reads.
 *
 * Coordinates: every `BBox` is `[x0, y0, x1, y1]` in PDF points (1/72 inch) with the origin at the
 * TOP-LEFT corner of the page, y growing downwards (readers convert once). Formats without
 * geometry (text, HTML, DOCX, XLSX) set `bbox: null` and describe the position in `ref` instead
 * (a line number, a DOM path, `Sheet1!B3`, `table 2 row 5 cell 3`).
 */

export type Format = 'pdf' | 'html' | 'docx' | 'xlsx' | 'text' | 'image';

/** [x0, y0, x1, y1], PDF points, top-left origin. */
export type BBox = [number, number, number, number];

/** Where a piece of content sits in the source. */
export interface Anchor {
  /** 1-based page number; null for formats without pages. */
  page: number | null;
  /** Box on that page in PDF points, top-left origin; null when the format has no geometry. */
  bbox: BBox | null;
  /** A format-specific locator (`line 12`, `table[1]/tr[3]/td[2]`, `Sheet1!B3`), null when bbox says it all. */
  ref: string | null;
  /** Read by OCR: the recognition confidence (0..1) of the least certain word inside. Absent otherwise. */
  confidence?: number;
}

/** One line of text, in reading order. `text` is normalised (NFKC-safe CJK mapping); `raw` is as found. */
export interface Line extends Anchor {
  text: string;
  /** The text before normalisation, when it differs (look-alike radicals, full-width forms kept). */
  raw?: string;
  /** Font size in points where known (PDF), used for headings and page furniture. */
  fontSize?: number;
}

/** One cell of a table grid. A merged cell appears once, at its top-left position, with spans. */
export interface Cell extends Anchor {
  /** 0-based row of the top-left grid position. */
  row: number;
  /** 0-based column of the top-left grid position. */
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The cell's text, wrapped lines joined the way the script joins (no space between CJK). */
  text: string;
  raw?: string;
  /** The cell's text lines in order, each with its own anchor (useful for provenance of one line). */
  lines?: Line[];
  /**
   * For a cell continued across a page break: every page part it covers, in order. The cell's own
   * `page`/`bbox` are the part that holds its text (or the first part when it has none).
   */
  parts?: Anchor[];
  /** True for a header cell (`<th>`, a repeated header row, or a header recognised by the reader). */
  header?: boolean;
}

export interface Table extends Anchor {
  rowCount: number;
  colCount: number;
  cells: Cell[];
  /** Pages the table covers, in order, when it was stitched across page breaks. */
  pages?: number[];
}

export type Block = { type: 'line'; line: Line } | { type: 'table'; table: Table };

export interface LayoutPage {
  /** 1-based page number; null for a format without pages (text, HTML, DOCX). */
  number: number | null;
  /** Page size in PDF points; null without geometry. */
  width: number | null;
  height: number | null;
  /** Lines and tables in reading order. */
  blocks: Block[];
}

export interface LayoutWarning {
  code: string;
  message: string;
  anchor: Anchor | null;
}

export interface LayoutDocument {
  format: Format;
  pageCount: number | null;
  producer: string | null;
  /** A document title where the format carries one (HTML <title>, PDF Info.Title). */
  title: string | null;
  pages: LayoutPage[];
  warnings: LayoutWarning[];
  /** 1-based pages read by OCR (absent or empty when none). */
  ocrPages?: number[];
}
