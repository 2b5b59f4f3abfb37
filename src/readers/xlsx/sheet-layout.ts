/**
 * A worksheet's cells → layout blocks: title lines, then one table.
 *
 * Hidden rows and columns are dropped from the grid (spans shrink accordingly). Leading rows whose
 * only content is one cell (a title, usually merged across) become Line blocks; the rest of the used
 * range becomes one Table, trimmed to the rows and columns that hold content. Every grid position
 * not covered by a merge is a cell, empty or not, so the grid is complete.
 */
import type { Block, Cell, Line, Table } from '../../layout/model.js';
import { joinLines } from '../../layout/text.js';
import { cellAddress, MergeIndex, type CellRange } from './merges.js';
import type { SheetData } from './sheet.js';

/** Above this many grid positions only non-empty cells are emitted (a sparse sheet, not a form). */
const DENSE_GRID_LIMIT = 1_000_000;

/** `Sheet1`, or `'My Sheet'` when the name needs quoting in a reference. */
export function sheetRef(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/gu, "''")}'`;
}

interface Item {
  text: string;
  range: CellRange;
  rows: number[];
  cols: number[];
}

function visibleIn(from: number, to: number, hidden: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) if (!hidden.has(i)) out.push(i);
  return out;
}

function splitLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

export function sheetToBlocks(name: string, sheet: SheetData): { blocks: Block[]; sparse: boolean } {
  const ref = sheetRef(name);
  const merges = new MergeIndex(sheet.merges);
  const content = new Map<string, string>();
  const items: Item[] = [];
  for (const cell of sheet.cells) {
    const merge = merges.rangeAt(cell.row, cell.col);
    // Text in a cell covered by a merge (not its top-left) is not shown by spreadsheets.
    if (merge && (merge.r0 !== cell.row || merge.c0 !== cell.col)) continue;
    const range = merge ?? { r0: cell.row, c0: cell.col, r1: cell.row, c1: cell.col };
    const rows = visibleIn(range.r0, range.r1, sheet.hiddenRows);
    const cols = visibleIn(range.c0, range.c1, sheet.hiddenCols);
    if (rows.length === 0 || cols.length === 0) continue;
    content.set(`${cell.row},${cell.col}`, cell.text);
    items.push({ text: cell.text, range, rows, cols });
  }
  const blocks: Block[] = [];
  if (items.length === 0) return { blocks, sparse: false };

  // Title lines: leading rows with exactly one item starting there.
  const byRow = new Map<number, Item[]>();
  for (const item of items) {
    const row = item.rows[0] as number;
    byRow.set(row, [...(byRow.get(row) ?? []), item]);
  }
  const startRows = [...byRow.keys()].sort((a, b) => a - b);
  let tableTop = -1;
  for (const row of startRows) {
    if (row < tableTop) continue;
    const atRow = byRow.get(row) as Item[];
    if (atRow.length !== 1) break;
    const item = atRow[0] as Item;
    const line: Line = { text: joinLines(splitLines(item.text)), page: null, bbox: null, ref: `${ref}!${cellAddress(item.range.r0, item.range.c0)}` };
    blocks.push({ type: 'line', line });
    tableTop = (item.rows[item.rows.length - 1] as number) + 1;
  }
  const tableItems = items.filter((i) => (i.rows[0] as number) >= tableTop);
  if (tableItems.length === 0) return { blocks, sparse: false };

  const top = Math.min(...tableItems.map((i) => i.rows[0] as number));
  const bottom = Math.max(...tableItems.map((i) => i.rows[i.rows.length - 1] as number));
  const left = Math.min(...tableItems.map((i) => i.cols[0] as number));
  const right = Math.max(...tableItems.map((i) => i.cols[i.cols.length - 1] as number));
  const gridRows = visibleIn(top, bottom, sheet.hiddenRows);
  const gridCols = visibleIn(left, right, sheet.hiddenCols);
  const rowPos = new Map(gridRows.map((r, i) => [r, i]));
  const colPos = new Map(gridCols.map((c, i) => [c, i]));
  const sparse = gridRows.length * gridCols.length > DENSE_GRID_LIMIT;

  const cells: Cell[] = [];
  const makeCell = (r0: number, c0: number, rows: number[], cols: number[]): Cell => {
    const cellRef = `${ref}!${cellAddress(r0, c0)}`;
    const lineTexts = splitLines(content.get(`${r0},${c0}`) ?? '');
    return {
      row: rowPos.get(rows[0] as number) as number,
      col: colPos.get(cols[0] as number) as number,
      rowSpan: rows.length,
      colSpan: cols.length,
      text: joinLines(lineTexts),
      lines: lineTexts.map((text) => ({ text, page: null, bbox: null, ref: cellRef })),
      page: null,
      bbox: null,
      ref: cellRef,
    };
  };
  const positions: Array<[number, number]> = sparse
    ? [...content.keys()].map((k) => k.split(',').map(Number) as [number, number])
    : gridRows.flatMap((r) => gridCols.map((c) => [r, c] as [number, number]));
  for (const [r, c] of positions) {
    if (!rowPos.has(r) || !colPos.has(c)) continue;
    const merge = merges.rangeAt(r, c);
    if (!merge) {
      cells.push(makeCell(r, c, [r], [c]));
      continue;
    }
    const rows = visibleIn(Math.max(merge.r0, top), Math.min(merge.r1, bottom), sheet.hiddenRows);
    const cols = visibleIn(Math.max(merge.c0, left), Math.min(merge.c1, right), sheet.hiddenCols);
    // The merged cell is emitted once, at its first visible position inside the table.
    if (rows[0] === r && cols[0] === c) cells.push(makeCell(merge.r0, merge.c0, rows, cols));
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const table: Table = { page: null, bbox: null, ref, rowCount: gridRows.length, colCount: gridCols.length, cells };
  blocks.push({ type: 'table', table });
  return { blocks, sparse };
}
