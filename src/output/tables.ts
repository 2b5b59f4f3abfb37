/**
 * Output of `selfeval tables`: every table found in a file as one JSON line, as CSV (UTF-8 BOM,
 * formula-injection escaped) or as Markdown. Works on the layout Table model only.
 */
import type { BBox, Table } from '../layout/model.js';
import { tableToTextRows } from '../layout/grid.js';

/** The tables of one input file. */
export interface FileTables {
  /** The path as the user gave it. */
  file: string;
  /** Pages in the file (null for formats without pages). */
  pages: number | null;
  tables: Table[];
}

export interface TableCellJson {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  bbox: BBox | null;
}

export interface TableJson {
  /** 1-based page, null for formats without pages. */
  page: number | null;
  /** PDF points, top-left origin; null without geometry. */
  bbox: BBox | null;
  /** Dense grid: a merged cell's text at its top-left position, the positions it covers "". */
  rows: string[][];
  cells: TableCellJson[];
}

export const UTF8_BOM = '\uFEFF';

/** Dense text grid of a table: merged cells at their top-left position, covered positions ''. */
export const tableToRows = tableToTextRows;

export function tableToJson(table: Table): TableJson {
  return {
    page: table.page,
    bbox: table.bbox,
    rows: tableToRows(table),
    cells: [...table.cells]
      .sort((a, b) => a.row - b.row || a.col - b.col)
      .map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, bbox: c.bbox })),
  };
}

/** One JSON line (no trailing newline) for one file. */
export function tablesToJsonLine(result: FileTables): string {
  return JSON.stringify({ file: result.file, pages: result.pages, tables: result.tables.map(tableToJson) });
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?%?$/u;

/**
 * A cell that a spreadsheet would run as a formula (starts with = + - @, or a tab or carriage
 * return) gets a leading apostrophe, unless it is a plain number such as -4.6 or +3%.
 */
export function escapeFormula(text: string): string {
  if (!/^[=+\-@\t\r]/u.test(text)) return text;
  if (/\d/u.test(text) && NUMBER.test(text)) return text;
  return `'${text}`;
}

function csvField(text: string): string {
  const safe = escapeFormula(text);
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark (Excel needs it to read Chinese); true for the first file. */
  bom?: boolean;
  /** Write the column header line (file,page,table,row,cells…); true for the first file. */
  header?: boolean;
}

/**
 * CSV for one file: one line per table row, led by file, page, table number (1-based within the
 * file) and row number (1-based), then the row's cells. Lines end with CRLF (RFC 4180).
 */
export function tablesToCsv(result: FileTables, options: CsvOptions = {}): string {
  const lines: string[] = [];
  if (options.header ?? true) lines.push(['file', 'page', 'table', 'row', 'cells…'].map(csvField).join(','));
  result.tables.forEach((table, t) => {
    tableToRows(table).forEach((row, r) => {
      lines.push([result.file, table.page === null ? '' : String(table.page), String(t + 1), String(r + 1), ...row].map(csvField).join(','));
    });
  });
  const body = lines.map((l) => `${l}\r\n`).join('');
  return (options.bom ?? true) ? UTF8_BOM + body : body;
}

function markdownCell(text: string): string {
  return text.replace(/\\/gu, '\\\\').replace(/\|/gu, '\\|').replace(/\r?\n/gu, '<br>');
}

/** Markdown for one file: a heading per table, then a pipe table whose first row is the header. */
export function tablesToMarkdown(result: FileTables): string {
  const out: string[] = [];
  if (result.tables.length === 0) {
    out.push(`## ${result.file}`, '', '（未找到表格）', '');
    return out.join('\n');
  }
  result.tables.forEach((table, t) => {
    const where = table.page === null ? '' : `第 ${table.page} 页，`;
    out.push(`## ${result.file} — ${where}表 ${t + 1}（${table.rowCount} 行 × ${table.colCount} 列）`, '');
    const rows = tableToRows(table);
    const [head, ...body] = rows;
    if (!head) return;
    out.push(`| ${head.map(markdownCell).join(' | ')} |`);
    out.push(`| ${head.map(() => '---').join(' | ')} |`);
    for (const row of body) out.push(`| ${row.map(markdownCell).join(' | ')} |`);
    out.push('');
  });
  return out.join('\n');
}
