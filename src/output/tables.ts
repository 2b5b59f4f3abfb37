/**
 * Output of `selfeval tables`: every table found, as JSON lines (one table per line), as one
 * rectangular CSV (UTF-8 BOM, RFC 4180, formula-injection escaped) or as Markdown. Works on the
 * layout Table model only.
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
  /** 1-based page of the cell's text (a cell of a table continued over pages may be on a later page). */
  page: number | null;
  bbox: BBox | null;
  /** Present (true) on header cells. */
  header?: true;
}

/** One line of `--format json`. */
export interface TableJson {
  /** The path as the user gave it. */
  file: string;
  /** 1-based number of the table within its file, in reading order. */
  table: number;
  /** 1-based page where the table starts, null for formats without pages. */
  page: number | null;
  /** Every page the table covers (one entry unless it continues over page breaks). */
  pages: number[];
  /** The table's box on its first page: PDF points, top-left origin; null without geometry. */
  bbox: BBox | null;
  rowCount: number;
  colCount: number;
  /** Dense grid: a merged cell's text at its top-left position, the positions it covers "". */
  rows: string[][];
  /** Each cell once, at its top-left position, with its spans. */
  cells: TableCellJson[];
}

export const UTF8_BOM = '\uFEFF';

/** Dense text grid of a table: merged cells at their top-left position, covered positions ''. */
export const tableToRows = tableToTextRows;

function tablePages(table: Table): number[] {
  if (table.pages && table.pages.length > 0) return [...table.pages];
  return table.page === null ? [] : [table.page];
}

export function tableToJson(file: string, index: number, table: Table): TableJson {
  return {
    file,
    table: index,
    page: table.page,
    pages: tablePages(table),
    bbox: table.bbox,
    rowCount: table.rowCount,
    colCount: table.colCount,
    rows: tableToRows(table),
    cells: [...table.cells]
      .sort((a, b) => a.row - b.row || a.col - b.col)
      .map((c): TableCellJson => {
        const cell: TableCellJson = { row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, page: c.page, bbox: c.bbox };
        if (c.header) cell.header = true;
        return cell;
      }),
  };
}

/** JSON lines for one file: one line per table (no trailing newline after the last; '' when there is none). */
export function tablesToJsonLines(result: FileTables): string {
  return result.tables.map((t, i) => JSON.stringify(tableToJson(result.file, i + 1, t))).join('\n');
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
  /** Start with a UTF-8 byte order mark (Excel needs it to read Chinese; pandas and csvkit skip it). Default true. */
  bom?: boolean;
}

/** The page a row's text is on: the page of its first cell with text (rows of a continued table move on). */
function rowPage(table: Table, row: number): number | null {
  const cells = table.cells.filter((c) => c.row === row).sort((a, b) => a.col - b.col);
  return (cells.find((c) => c.text !== '') ?? cells[0])?.page ?? table.page;
}

/**
 * One rectangular CSV for any number of files: a header line `file,page,table,row,col1…colN`, then
 * one line per table row: the file, the row's page, the table's number within its file (1-based,
 * reading order), the row's number within its table (1-based) and its cells, padded with empty
 * fields to N, the widest table's column count. Tables are told apart by (file, table). A merged
 * cell's text is at its top-left position. Lines end with CRLF (RFC 4180).
 */
export function tablesToCsv(results: readonly FileTables[], options: CsvOptions = {}): string {
  const width = Math.max(1, ...results.flatMap((r) => r.tables.map((t) => t.colCount)));
  const header = ['file', 'page', 'table', 'row', ...Array.from({ length: width }, (_, i) => `col${i + 1}`)];
  const lines: string[] = [header.join(',')];
  for (const result of results) {
    result.tables.forEach((table, t) => {
      tableToRows(table).forEach((row, r) => {
        const page = rowPage(table, r);
        const cells = [...row, ...Array.from({ length: width - row.length }, () => '')];
        lines.push([result.file, page === null ? '' : String(page), String(t + 1), String(r + 1), ...cells].map(csvField).join(','));
      });
    });
  }
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
    const pages = tablePages(table);
    const where = pages.length === 0 ? '' : pages.length === 1 ? `第 ${pages[0]} 页，` : `第 ${pages[0]}–${pages[pages.length - 1]} 页，`;
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
