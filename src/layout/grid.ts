import type { Cell, Table } from './model.js';

/**
 * Place row-major cells with row/col spans on a grid, the way HTML and DOCX tables lay out: each cell
 * takes the first free column of its row, skipping positions covered by row spans from above.
 * `rows[i]` are the cells of row i in source order; returns the cells with row/col set.
 */
export function placeSpannedRows<T extends { rowSpan: number; colSpan: number }>(
  rows: readonly (readonly T[])[],
): Array<T & { row: number; col: number }> {
  // For each column, the first row at which it is free again. Every span covering a column from
  // above starts at or before the current row, so the covered rows of a column are one run ending
  // there: memory is one number per column, not one per grid position (huge spans stay cheap).
  const freeFrom: number[] = [];
  const placed: Array<T & { row: number; col: number }> = [];
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while ((freeFrom[c] ?? 0) > r) c++;
      for (let dc = 0; dc < cell.colSpan; dc++) freeFrom[c + dc] = Math.max(freeFrom[c + dc] ?? 0, r + cell.rowSpan);
      placed.push({ ...cell, row: r, col: c });
      c += cell.colSpan;
    }
  });
  return placed;
}

/** Dense view of a table: grid[row][col] is the cell covering that position (merged cells repeat). */
export function tableToGrid(table: Table): (Cell | null)[][] {
  const grid: (Cell | null)[][] = Array.from({ length: table.rowCount }, () =>
    Array.from({ length: table.colCount }, () => null),
  );
  for (const cell of table.cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan && r < table.rowCount; r++) {
      const line = grid[r];
      if (!line) continue;
      for (let c = cell.col; c < cell.col + cell.colSpan && c < table.colCount; c++) line[c] = cell;
    }
  }
  return grid;
}

/** Cells whose top-left position is on the given row, in column order. */
export function cellsStartingOnRow(table: Table, row: number): Cell[] {
  return [...(rowIndexOf(table)[row] ?? [])];
}

/** Cells by starting row, built once per table (callers walk every row: a filter per row is quadratic). */
const ROW_INDEX = new WeakMap<Table, { cells: Cell[]; length: number; byRow: Cell[][] }>();

function rowIndexOf(table: Table): Cell[][] {
  const cached = ROW_INDEX.get(table);
  if (cached && cached.cells === table.cells && cached.length === table.cells.length) return cached.byRow;
  const byRow: Cell[][] = [];
  for (const cell of table.cells) (byRow[cell.row] ??= []).push(cell);
  for (const list of byRow) list?.sort((a, b) => a.col - b.col);
  ROW_INDEX.set(table, { cells: table.cells, length: table.cells.length, byRow });
  return byRow;
}

/** Text rows of a table: a merged cell's text at its top-left position, covered positions ''. */
export function tableToTextRows(table: Table): string[][] {
  const rows = Array.from({ length: table.rowCount }, () => Array.from({ length: table.colCount }, () => ''));
  for (const cell of table.cells) {
    const row = rows[cell.row];
    if (row && cell.col < row.length) row[cell.col] = cell.text;
  }
  return rows;
}

/** Extent of a table from its cells. */
export function tableSize(cells: readonly Pick<Cell, 'row' | 'col' | 'rowSpan' | 'colSpan'>[]): {
  rowCount: number;
  colCount: number;
} {
  let rowCount = 0;
  let colCount = 0;
  for (const c of cells) {
    rowCount = Math.max(rowCount, c.row + c.rowSpan);
    colCount = Math.max(colCount, c.col + c.colSpan);
  }
  return { rowCount, colCount };
}
