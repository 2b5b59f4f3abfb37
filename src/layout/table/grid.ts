/**
 * Fourth lattice stage: group cells into tables (cells that share a corner belong together,
 * pdfplumber cells_to_tables) and place each cell on its table's grid, with explicit spans
 * wherever an inner rule was missing.
 */
import { bboxUnion } from '../bbox.js';
import { clusterMeans } from '../cluster.js';
import type { BBox } from '../model.js';

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** PDF points, top-left origin. */
  bbox: BBox;
  /** No rule drawn along the top (bottom) side: the cell goes on across a page break. */
  openTop?: boolean;
  openBottom?: boolean;
}

export interface GridTable {
  bbox: BBox;
  /** Row boundaries top to bottom (rowCount + 1 values), PDF points. */
  rowBounds: number[];
  /** Column boundaries left to right (colCount + 1 values), PDF points. */
  colBounds: number[];
  /** Cells in reading order (row, then column). */
  cells: GridCell[];
}

/** Tolerance (points) for cell corners to count as the same point or boundary. */
const CORNER_TOLERANCE = 1;

function cornerKeys(b: BBox): string[] {
  const r = (v: number): string => (Math.round(v / CORNER_TOLERANCE) * CORNER_TOLERANCE).toFixed(0);
  return [`${r(b[0])},${r(b[1])}`, `${r(b[2])},${r(b[1])}`, `${r(b[0])},${r(b[3])}`, `${r(b[2])},${r(b[3])}`];
}

/** Cells → groups of cells connected through shared corners (union-find). */
export function groupCells(cells: readonly BBox[]): BBox[][] {
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const owner = new Map<string, number>();
  cells.forEach((cell, i) => {
    for (const key of cornerKeys(cell)) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, BBox[]>();
  cells.forEach((cell, i) => {
    const root = find(i);
    (groups.get(root) ?? groups.set(root, []).get(root))?.push(cell);
  });
  return [...groups.values()];
}

function nearestIndex(bounds: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < bounds.length; i++) {
    if (Math.abs((bounds[i] as number) - value) < Math.abs((bounds[best] as number) - value)) best = i;
  }
  return best;
}

/** One group of cells → a grid: boundaries from the cells' sides, spans from how many they cross. */
export function cellsToGrid(cells: readonly BBox[]): GridTable {
  const rowBounds = clusterMeans(cells.flatMap((c) => [c[1], c[3]]), CORNER_TOLERANCE);
  const colBounds = clusterMeans(cells.flatMap((c) => [c[0], c[2]]), CORNER_TOLERANCE);
  const gridCells = cells.map((bbox): GridCell => {
    const row = nearestIndex(rowBounds, bbox[1]);
    const col = nearestIndex(colBounds, bbox[0]);
    return {
      row,
      col,
      rowSpan: Math.max(1, nearestIndex(rowBounds, bbox[3]) - row),
      colSpan: Math.max(1, nearestIndex(colBounds, bbox[2]) - col),
      bbox,
    };
  });
  gridCells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { bbox: bboxUnion(cells) as BBox, rowBounds, colBounds, cells: gridCells };
}

/** Inner column boundaries (outer sides left out) of the cells whose side `side` lies at y. */
function innerBoundsAt(cells: readonly BBox[], y: number, side: 1 | 3, outer: [number, number]): number[] {
  return cells
    .filter((c) => Math.abs(c[side] - y) <= CORNER_TOLERANCE)
    .flatMap((c) => [c[0], c[2]])
    .filter((x) => Math.abs(x - outer[0]) > CORNER_TOLERANCE && Math.abs(x - outer[1]) > CORNER_TOLERANCE);
}

/**
 * Split a group of cells where two tables drawn touching each other meet: a row boundary that no
 * cell crosses, with column boundaries above and below that have (almost) nothing in common. (A
 * title row of one wide cell has no inner boundary and stays with its table.)
 */
export function splitTouchingTables(cells: readonly BBox[]): BBox[][] {
  const box = bboxUnion(cells);
  if (!box) return [];
  const outer: [number, number] = [box[0], box[2]];
  const cuts: number[] = [];
  for (const y of clusterMeans(cells.flatMap((c) => [c[1], c[3]]), CORNER_TOLERANCE).slice(1, -1)) {
    if (cells.some((c) => c[1] < y - CORNER_TOLERANCE && c[3] > y + CORNER_TOLERANCE)) continue;
    const above = clusterMeans(innerBoundsAt(cells, y, 3, outer), CORNER_TOLERANCE);
    const below = clusterMeans(innerBoundsAt(cells, y, 1, outer), CORNER_TOLERANCE);
    const shared = above.filter((x) => below.some((b) => Math.abs(x - b) <= CORNER_TOLERANCE * 1.5)).length;
    // One boundary in common may be chance when both sides have several columns of their own.
    const disjoint = shared === 0 || (shared === 1 && Math.min(above.length, below.length) >= 4);
    if (above.length > 0 && below.length > 0 && disjoint) cuts.push(y);
  }
  if (cuts.length === 0) return [[...cells]];
  const parts: BBox[][] = cuts.map(() => []);
  parts.push([]);
  for (const c of cells) {
    const index = cuts.filter((y) => c[1] >= y - CORNER_TOLERANCE).length;
    parts[index]?.push(c);
  }
  return parts.filter((p) => p.length > 0);
}

/** Cells → tables (at least `minCells` cells each), top to bottom then left to right. */
export function cellsToTables(cells: readonly BBox[], minCells = 2): GridTable[] {
  return groupCells(cells)
    .flatMap(splitTouchingTables)
    .filter((group) => group.length >= minCells)
    .map(cellsToGrid)
    .sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
}
