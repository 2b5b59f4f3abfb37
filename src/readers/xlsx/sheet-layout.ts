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
  /** First and last visible row and column the item covers. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function visibleIn(from: number, to: number, hidden: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) if (!hidden.has(i)) out.push(i);
  return out;
}

/** The first (step 1) or last (step -1) visible index in [from, to], or null; steps over hidden ones only. */
function visibleEnd(from: number, to: number, hidden: ReadonlySet<number>, step: 1 | -1): number | null {
  for (let i = step === 1 ? from : to; step === 1 ? i <= to : i >= from; i += step) if (!hidden.has(i)) return i;
  return null;
}

/** How many of the sorted `values` lie in [from, to]. */
function countIn(values: readonly number[], from: number, to: number): number {
  const lowerBound = (x: number): number => {
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return lowerBound(to + 1) - lowerBound(from);
}

function splitLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

export function sheetToBlocks(name: string, sheet: SheetData): { blocks: Block[]; sparse: boolean } {
  const ref = sheetRef(name);
  const merges = new MergeIndex(sheet.merges);
  const content = new Map<number, string>();
  const items: Item[] = [];
  for (const cell of sheet.cells) {
    const merge = merges.rangeAt(cell.row, cell.col);
    // Text in a cell covered by a merge (not its top-left) is not shown by spreadsheets.
    if (merge && (merge.r0 !== cell.row || merge.c0 !== cell.col)) continue;
    const range = merge ?? { r0: cell.row, c0: cell.col, r1: cell.row, c1: cell.col };
    const top = visibleEnd(range.r0, range.r1, sheet.hiddenRows, 1);
    const left = visibleEnd(range.c0, range.c1, sheet.hiddenCols, 1);
    if (top === null || left === null) continue;
    const bottom = visibleEnd(range.r0, range.r1, sheet.hiddenRows, -1) as number;
    const right = visibleEnd(range.c0, range.c1, sheet.hiddenCols, -1) as number;
    content.set(positionKey(cell.row, cell.col), cell.text);
    items.push({ text: cell.text, range, top, bottom, left, right });
  }
  const blocks: Block[] = [];
  if (items.length === 0) return { blocks, sparse: false };

  // Title lines: leading rows with exactly one item starting there.
  const byRow = new Map<number, Item[]>();
  for (const item of items) byRow.set(item.top, [...(byRow.get(item.top) ?? []), item]);
  const startRows = [...byRow.keys()].sort((a, b) => a - b);
  let tableTop = -1;
  for (const row of startRows) {
    if (row < tableTop) continue;
    const atRow = byRow.get(row) as Item[];
    if (atRow.length !== 1) break;
    const item = atRow[0] as Item;
    const line: Line = { text: joinLines(splitLines(item.text)), page: null, bbox: null, ref: `${ref}!${cellAddress(item.range.r0, item.range.c0)}` };
    blocks.push({ type: 'line', line });
    tableTop = item.bottom + 1;
  }
  const tableItems = items.filter((i) => i.top >= tableTop);
  if (tableItems.length === 0) return { blocks, sparse: false };

  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (const i of tableItems) {
    top = Math.min(top, i.top);
    bottom = Math.max(bottom, i.bottom);
    left = Math.min(left, i.left);
    right = Math.max(right, i.right);
  }
  // A sheet whose used range is huge (one stray cell at XFD1048576) is not a form: its grid keeps
  // only the rows and columns where content starts, so its size follows the content, not the range.
  const sparse = (bottom - top + 1) * (right - left + 1) > DENSE_GRID_LIMIT;
  const gridRows = sparse ? [...new Set(tableItems.map((i) => i.top))].sort((a, b) => a - b) : visibleIn(top, bottom, sheet.hiddenRows);
  const gridCols = sparse ? [...new Set(tableItems.map((i) => i.left))].sort((a, b) => a - b) : visibleIn(left, right, sheet.hiddenCols);
  const rowPos = new Map(gridRows.map((r, i) => [r, i]));
  const colPos = new Map(gridCols.map((c, i) => [c, i]));

  const cells: Cell[] = [];
  const makeCell = (r0: number, c0: number, rowSpan: number, colSpan: number, row: number, col: number): Cell => {
    const cellRef = `${ref}!${cellAddress(r0, c0)}`;
    const lineTexts = splitLines(content.get(positionKey(r0, c0)) ?? '');
    return {
      row: rowPos.get(row) as number,
      col: colPos.get(col) as number,
      rowSpan,
      colSpan,
      text: joinLines(lineTexts),
      lines: lineTexts.map((text) => ({ text, page: null, bbox: null, ref: cellRef })),
      page: null,
      bbox: null,
      ref: cellRef,
    };
  };
  if (sparse) {
    for (const item of tableItems) {
      const rowSpan = Math.max(1, countIn(gridRows, item.top, item.bottom));
      const colSpan = Math.max(1, countIn(gridCols, item.left, item.right));
      cells.push(makeCell(item.range.r0, item.range.c0, rowSpan, colSpan, item.top, item.left));
    }
  } else {
    for (const r of gridRows) {
      for (const c of gridCols) {
        const merge = merges.rangeAt(r, c);
        if (!merge) {
          cells.push(makeCell(r, c, 1, 1, r, c));
          continue;
        }
        const rows = visibleIn(Math.max(merge.r0, top), Math.min(merge.r1, bottom), sheet.hiddenRows);
        const cols = visibleIn(Math.max(merge.c0, left), Math.min(merge.c1, right), sheet.hiddenCols);
        // The merged cell is emitted once, at its first visible position inside the table.
        if (rows[0] === r && cols[0] === c) cells.push(makeCell(merge.r0, merge.c0, rows.length, cols.length, r, c));
      }
    }
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const table: Table = { page: null, bbox: null, ref, rowCount: gridRows.length, colCount: gridCols.length, cells };
  blocks.push({ type: 'table', table });
  return { blocks, sparse };
}

/** One number per cell position (columns stop at XFD = 16,384). */
function positionKey(row: number, col: number): number {
  return row * 16384 + col;
}
