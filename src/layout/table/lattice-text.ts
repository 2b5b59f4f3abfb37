/**
 * Ruled grids completed with their text: the rules are evidence, and so is the row and column
 * structure the words imply. Three cases the rules alone get wrong:
 *   - a frame with no column rules inside (rules at the top, under the header and at the bottom):
 *     the text's own gutters give the columns;
 *   - column rules without row rules: a tall band holding one line per row is split into rows,
 *     line by line (a line lacking most of the row's columns continues the one above);
 *   - a cell spanning columns whose words sit apart on both sides of a column boundary, none
 *     across it, is one cell per column.
 * The result is a grid of boxes again (cellsToGrid), so that spans follow from the boxes.
 */
import { runsToRows, type TextRun } from '../lines.js';
import type { BBox } from '../model.js';
import { cellsToGrid, type GridTable } from './grid.js';
import { findCrossers, linesToGutters } from './stream-columns.js';
import { wordsToSegmentLines } from './stream-lines.js';

/** Bands are split into rows only in a grid with at most this many bands holding text (rules at the top, under the header, above a total, at the bottom). */
const MAX_UNDER_RULED_BANDS = 4;
/** …and only a band with at least this many full lines. */
const MIN_FULL_LINES = 3;

const centerX = (w: TextRun): number => (w.bbox[0] + w.bbox[2]) / 2;
const centerY = (w: TextRun): number => (w.bbox[1] + w.bbox[3]) / 2;

function wordsInBox(words: readonly TextRun[], b: BBox): TextRun[] {
  return words.filter((w) => centerX(w) > b[0] && centerX(w) < b[2] && centerY(w) > b[1] && centerY(w) < b[3]);
}

/** Index of the column holding x (bounds ascending). */
function columnAt(bounds: readonly number[], x: number): number {
  let c = 0;
  while (c < bounds.length - 2 && x >= (bounds[c + 1] as number)) c++;
  return c;
}

/** True when no word runs across x. */
function clearAt(words: readonly TextRun[], x: number): boolean {
  return !words.some((w) => w.bbox[0] < x - 0.5 && w.bbox[2] > x + 0.5);
}

/** Split each box at every x in `xs` that falls inside it, where no word of the box runs across. */
function splitBoxesAt(boxes: readonly BBox[], xs: readonly number[], words: readonly TextRun[]): BBox[] {
  return boxes.flatMap((b) => {
    const inside = wordsInBox(words, b);
    const cuts = xs.filter((x) => x > b[0] + 1 && x < b[2] - 1 && clearAt(inside, x)).sort((p, q) => p - q);
    if (cuts.length === 0) return [b];
    const edges = [b[0], ...cuts, b[2]];
    return edges.slice(1).map((x1, i): BBox => [edges[i] as number, b[1], x1, b[3]]);
  });
}

/** Column boundaries in a frame without column rules: the middles of its text's gutters. */
export function textColumnBounds(grid: GridTable, words: readonly TextRun[]): number[] {
  if (grid.colBounds.length !== 2) return [];
  const lines = wordsToSegmentLines(wordsInBox(words, grid.bbox));
  if (lines.length < 2) return [];
  return linesToGutters(lines, findCrossers(lines)).map((g) => (g.x0 + g.x1) / 2);
}

interface TextLine {
  y0: number;
  y1: number;
  columns: Set<number>;
}

function bandLines(words: readonly TextRun[], bounds: readonly number[]): TextLine[] {
  return runsToRows(words).map((row) => ({
    y0: Math.min(...row.map((w) => w.bbox[1])),
    y1: Math.max(...row.map((w) => w.bbox[3])),
    columns: new Set(row.map((w) => columnAt(bounds, centerX(w)))),
  }));
}

/** In a band holding one line per row, a column with text in this share of the band's lines has a line in (nearly) every row. */
const EVERY_ROW_SHARE = 0.75;

/**
 * True when a band's lines are rows of their own: the first column with text, and more than half
 * of its columns with text, have a line in nearly every row. (A row whose long cells wrap over
 * many lines has its short cells on a line or two only.)
 */
function isRowPerLineBand(lines: readonly TextLine[]): boolean {
  const perColumn = new Map<number, number>();
  for (const l of lines) for (const c of l.columns) perColumn.set(c, (perColumn.get(c) ?? 0) + 1);
  const most = Math.max(...perColumn.values());
  const everyRow = [...perColumn.entries()].filter(([, n]) => n >= EVERY_ROW_SHARE * most).map(([c]) => c);
  const first = Math.min(...perColumn.keys());
  return everyRow.includes(first) && everyRow.length >= 2 && everyRow.length * 2 > perColumn.size;
}

/**
 * Where to split the bands of a grid into rows (y positions inside bands), when the grid is ruled
 * in columns but hardly in rows: at most MAX_UNDER_RULED_BANDS bands hold text, and a band holds
 * MIN_FULL_LINES full lines or more (text in two columns or more) with a line per row in its
 * columns (isRowPerLineBand). In such a band a full line starts a row and any other line
 * continues the row above (a wrapped cell).
 */
export function rowSplits(grid: GridTable, words: readonly TextRun[]): number[] {
  const bands = grid.rowBounds.slice(1).map((y1, r) => {
    const y0 = grid.rowBounds[r] as number;
    const inside = wordsInBox(words, [grid.bbox[0], y0, grid.bbox[2], y1]);
    return bandLines(inside, grid.colBounds).sort((a, b) => a.y0 - b.y0);
  });
  if (bands.filter((lines) => lines.length > 0).length > MAX_UNDER_RULED_BANDS) return [];
  const full = (l: TextLine): boolean => l.columns.size >= 2;
  const splits: number[] = [];
  for (const lines of bands) {
    if (lines.filter(full).length < MIN_FULL_LINES || !isRowPerLineBand(lines)) continue;
    lines.forEach((line, i) => {
      const above = lines[i - 1];
      if (above && full(line)) splits.push((above.y1 + line.y0) / 2);
    });
  }
  return splits;
}

/** Split each box at every y in `ys` that falls inside it (a box spanning several bands is split only inside a band it covers alone). */
function splitBoxesAtRows(boxes: readonly BBox[], ys: readonly number[]): BBox[] {
  return boxes.flatMap((b) => {
    const cuts = ys.filter((y) => y > b[1] + 1 && y < b[3] - 1).sort((p, q) => p - q);
    if (cuts.length === 0) return [b];
    const edges = [b[1], ...cuts, b[3]];
    return edges.slice(1).map((y1, i): BBox => [b[0], edges[i] as number, b[2], y1]);
  });
}

/** True when some row's split would cut through a box spanning rows (a merged cell keeps its span). */
function spansRows(box: BBox, grid: GridTable): boolean {
  const inner = grid.rowBounds.filter((y) => y > box[1] + 1 && y < box[3] - 1);
  return inner.length > 0;
}

/** A ruled grid completed with its text (see the module comment); the grid itself when nothing changes. */
export function refineGridByText(grid: GridTable, words: readonly TextRun[]): GridTable {
  const inGrid = wordsInBox(words, grid.bbox);
  if (inGrid.length === 0) return grid;
  let boxes: BBox[] = grid.cells.map((c) => c.bbox);
  let current = grid;
  const newColumns = textColumnBounds(current, inGrid);
  if (newColumns.length > 0) {
    boxes = splitBoxesAt(boxes, newColumns, inGrid);
    current = cellsToGrid(boxes);
  }
  const ys = rowSplits(current, inGrid);
  if (ys.length > 0) {
    const keep = boxes.filter((b) => spansRows(b, current));
    const split = splitBoxesAtRows(
      boxes.filter((b) => !spansRows(b, current)),
      ys,
    );
    boxes = [...keep, ...split];
    current = cellsToGrid(boxes);
  }
  const spanning = boxes.filter((b) => current.colBounds.some((x) => x > b[0] + 1 && x < b[2] - 1));
  const pieces = splitPieces(spanning, current.colBounds, inGrid);
  if (pieces.length > spanning.length) {
    boxes = [...boxes.filter((b) => !spanning.includes(b)), ...pieces];
    current = cellsToGrid(boxes);
  }
  return current;
}

/**
 * Spanning boxes split at the column boundaries inside them where their words sit on both sides
 * and none across (a merged cell with its text on one side keeps its span).
 */
function splitPieces(spanning: readonly BBox[], bounds: readonly number[], words: readonly TextRun[]): BBox[] {
  return spanning.flatMap((b) => {
    const inside = wordsInBox(words, b);
    const cuts = bounds.filter((x) => x > b[0] + 1 && x < b[2] - 1 && clearAt(inside, x) && inside.some((w) => centerX(w) < x) && inside.some((w) => centerX(w) > x));
    if (cuts.length === 0) return [b];
    const edges = [b[0], ...cuts.sort((p, q) => p - q), b[2]];
    return edges.slice(1).map((x1, i): BBox => [edges[i] as number, b[1], x1, b[3]]);
  });
}
