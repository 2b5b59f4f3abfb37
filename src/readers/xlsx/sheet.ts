/**
 * One worksheet part → its displayed cell texts, hidden rows and columns, and merged ranges.
 *
 * Cell text is what the sheet shows: shared or inline strings, numbers through the cell's number
 * format, booleans as TRUE/FALSE, errors as written, and formulas by their cached value (a formula
 * without a cached value shows nothing: we do not compute).
 */
import { childAt, childElements, textContent, type XmlElement } from '../xml.js';
import { parseCellAddress, readMergeCells, type CellRange } from './merges.js';
import { formatNumber } from './number-format.js';
import { stringItemText } from './shared-strings.js';
import type { CellStyles } from './styles.js';

export interface SheetCell {
  /** 0-based. */
  row: number;
  col: number;
  /** As displayed; may hold `\n` for a line break inside the cell. */
  text: string;
}

export interface SheetData {
  cells: SheetCell[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  merges: CellRange[];
}

export interface SheetContext {
  sharedStrings: readonly string[];
  styles: CellStyles;
  date1904: boolean;
  /** Stop reading cells past this many (a guard against sheets that declare millions of cells). */
  maxCells: number;
}

function cellValueText(c: XmlElement, ctx: SheetContext): string {
  const type = c.attrs['t'] ?? 'n';
  if (type === 'inlineStr') {
    const is = childAt(c, ['is']);
    return is ? stringItemText(is) : '';
  }
  const v = childAt(c, ['v']);
  if (!v) return '';
  const raw = textContent(v);
  switch (type) {
    case 's':
      return ctx.sharedStrings[Number.parseInt(raw, 10)] ?? '';
    case 'str':
    case 'e':
      return raw;
    case 'b':
      return raw.trim() === '1' || raw.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
    case 'd':
      // ISO 8601 date cell: show the date (and time when it has one) as written.
      return raw.replace(/T00:00:00(\.0+)?Z?$/u, '').replace('T', ' ');
    default: {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) return raw;
      const style = Number.parseInt(c.attrs['s'] ?? '0', 10) || 0;
      return formatNumber(value, ctx.styles.formatCode(style), ctx.date1904);
    }
  }
}

/** Columns hidden by `<col min max hidden>` (1-based min/max). */
function readHiddenColumns(worksheet: XmlElement): Set<number> {
  const hidden = new Set<number>();
  for (const cols of childElements(worksheet, 'cols')) {
    for (const col of childElements(cols, 'col')) {
      if (!['1', 'true'].includes((col.attrs['hidden'] ?? '').toLowerCase())) continue;
      const min = Number.parseInt(col.attrs['min'] ?? '', 10);
      const max = Math.min(Number.parseInt(col.attrs['max'] ?? '', 10), 16384);
      for (let i = min; i <= max; i++) hidden.add(i - 1);
    }
  }
  return hidden;
}

export function readSheet(worksheet: XmlElement, ctx: SheetContext): SheetData {
  const cells: SheetCell[] = [];
  const hiddenRows = new Set<number>();
  const sheetData = childAt(worksheet, ['sheetData']);
  let rowIndex = -1;
  for (const rowEl of sheetData ? childElements(sheetData, 'row') : []) {
    const r = Number.parseInt(rowEl.attrs['r'] ?? '', 10);
    rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
    if (['1', 'true'].includes((rowEl.attrs['hidden'] ?? '').toLowerCase())) hiddenRows.add(rowIndex);
    let colIndex = -1;
    for (const c of childElements(rowEl, 'c')) {
      const address = parseCellAddress(c.attrs['r'] ?? '');
      colIndex = address ? address.col : colIndex + 1;
      const text = cellValueText(c, ctx);
      if (text.trim() !== '') cells.push({ row: address?.row ?? rowIndex, col: colIndex, text });
      if (cells.length >= ctx.maxCells) break;
    }
    if (cells.length >= ctx.maxCells) break;
  }
  return { cells, hiddenRows, hiddenCols: readHiddenColumns(worksheet), merges: readMergeCells(worksheet) };
}
