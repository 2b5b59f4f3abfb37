/**
 * Unruled (stream) tables: words laid out in a grid with no rules. Rows and columns are inferred
 * from the text alone: lines → segments (stream-lines), regions and column gutters
 * (stream-columns), cell pieces and rows (stream-rows). The result is the same Table model the
 * ruled (lattice) chain produces, with spans where a cell clearly covers several columns or rows.
 */
import { bboxUnion } from '../bbox.js';
import { runsToLines, type TextRun } from '../lines.js';
import type { BBox, Cell, Line, Table } from '../model.js';
import { joinCellLines } from '../text.js';
import { findCrossers, guttersToColumns, isEdgeCaption, linesToGutters, runToRegions, splitByGaps, type ColumnSpan, type Gutter } from './stream-columns.js';
import { leadingHeader, splitWideRunsAtGutters, withHeaderGutters } from './stream-header.js';
import { median, wordsToSegmentLines, type Segment, type SegmentLine } from './stream-lines.js';
import type { Edge } from './edges.js';
import { headerLineCount, isSingleSpaced, keyColumns, placedLinesToBands, placeLine } from './stream-line-rows.js';
import { looksLikeTable } from './stream-prose.js';
import { splitAtRivers } from './stream-rivers.js';
import { bandsToPlacedPieces, isTightRegion, linesToPieces, linesToTightBands, pieceBBox, piecesToBands, type Band, type Piece, type PlacedPiece } from './stream-rows.js';

export interface StreamOptions {
  /** Page size in PDF points. */
  width: number;
  height: number;
  /** Areas already taken by ruled tables (PDF points, top-left origin). */
  exclude: BBox[];
  /** 1-based page number to put on tables and cells (null when unknown). */
  page?: number | null;
  /** Horizontal rules outside ruled tables: a rule between two lines separates rows. */
  rules?: readonly Edge[];
}

const round = (v: number): number => Math.round(v * 100) / 100;
const roundBox = (b: BBox): BBox => [round(b[0]), round(b[1]), round(b[2]), round(b[3])];

function insideAny(boxes: readonly BBox[], w: TextRun): boolean {
  const cx = (w.bbox[0] + w.bbox[2]) / 2;
  const cy = (w.bbox[1] + w.bbox[3]) / 2;
  return boxes.some((b) => cx >= b[0] && cx <= b[2] && cy >= b[1] && cy <= b[3]);
}

/** The text of one cell from its runs: lines in reading order, wrapped lines joined by script. */
function cellText(runs: readonly TextRun[], page: number | null): { text: string; raw?: string; lines: Line[] } {
  const lines = runsToLines(runs, { maxGapEm: Number.POSITIVE_INFINITY }).map((l): Line => {
    const line: Line = { page, bbox: roundBox(l.bbox), ref: null, text: l.text, fontSize: round(l.fontSize) };
    if (l.raw !== undefined) line.raw = l.raw;
    return line;
  });
  const text = joinCellLines(lines.map((l) => l.text));
  const raw = joinCellLines(lines.map((l) => l.raw ?? l.text));
  return raw === text ? { text, lines } : { text, raw, lines };
}

/**
 * Rows, columns and placed pieces → a Table. Pieces landing on the same grid position are joined;
 * a span stops where it would cover another piece; every free position gets an empty cell.
 */
function gridToTable(rows: readonly Band[], columns: readonly ColumnSpan[], placed: readonly PlacedPiece[], page: number | null): Table {
  const owner: Array<Array<PlacedPiece | null>> = rows.map(() => columns.map(() => null));
  const extra = new Map<PlacedPiece, PlacedPiece[]>();
  // Smaller pieces first, so that a spanning piece yields to the cells it would cover.
  const ordered = [...placed].sort((a, b) => (a.r1 - a.r0) * 100 + (a.piece.c1 - a.piece.c0) - ((b.r1 - b.r0) * 100 + (b.piece.c1 - b.piece.c0)) || a.piece.y0 - b.piece.y0);
  const spans = new Map<PlacedPiece, { r1: number; c1: number }>();
  for (const p of ordered) {
    const { r0 } = p;
    const { c0 } = p.piece;
    const here = owner[r0]?.[c0];
    if (here) {
      extra.set(here, [...(extra.get(here) ?? []), p]);
      continue;
    }
    let c1 = c0;
    while (c1 < p.piece.c1 && !owner[r0]?.[c1 + 1]) c1++;
    let r1 = r0;
    while (r1 < p.r1 && columns.every((_, c) => c < c0 || c > c1 || !owner[r1 + 1]?.[c])) r1++;
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) (owner[r] as Array<PlacedPiece | null>)[c] = p;
    spans.set(p, { r1, c1 });
  }
  const cells: Cell[] = [];
  rows.forEach((band, r) => {
    columns.forEach((col, c) => {
      const p = owner[r]?.[c] ?? null;
      if (p === null) {
        cells.push({ page, bbox: roundBox([col.x0, band.y0, col.x1, band.y1]), ref: null, row: r, col: c, rowSpan: 1, colSpan: 1, text: '' });
        return;
      }
      if (p.r0 !== r || p.piece.c0 !== c) return;
      const span = spans.get(p) as { r1: number; c1: number };
      const all = [p, ...(extra.get(p) ?? [])];
      const runs = all.flatMap((q) => q.piece.segments.flatMap((s) => s.runs));
      const { text, raw, lines } = cellText(runs, page);
      const cell: Cell = {
        page,
        bbox: roundBox(bboxUnion(all.map((q) => pieceBBox(q.piece))) as BBox),
        ref: null,
        row: r,
        col: c,
        rowSpan: span.r1 - r + 1,
        colSpan: span.c1 - c + 1,
        text,
        lines,
      };
      if (raw !== undefined) cell.raw = raw;
      cells.push(cell);
    });
  });
  const bbox = bboxUnion(cells.filter((c) => c.text !== '').map((c) => c.bbox as BBox)) as BBox;
  return { page, bbox: roundBox(bbox), ref: null, rowCount: rows.length, colCount: columns.length, cells };
}

/**
 * Column edges, left to right: the region's sides and the middle between neighbouring columns
 * (where a ruled table would have its rules).
 */
export function columnEdges(columns: readonly ColumnSpan[]): number[] {
  const edges = [(columns[0] as ColumnSpan).x0];
  for (let i = 1; i < columns.length; i++) edges.push(((columns[i - 1] as ColumnSpan).x1 + (columns[i] as ColumnSpan).x0) / 2);
  edges.push((columns[columns.length - 1] as ColumnSpan).x1);
  return edges;
}

const NUMERIC = /^[-+(]?[\d,.\s]+%?\)?$/u;

/**
 * Mark header cells: the leading rows that hold no number while the rows below them do (a grouped
 * header takes two rows: one with spans, one with the sub-headings).
 */
function markHeaderRows(table: Table): void {
  const numericRow = (r: number): boolean => table.cells.some((c) => c.row === r && NUMERIC.test(c.text));
  const bodyHasNumbers = Array.from({ length: table.rowCount }, (_, r) => r).some((r) => r > 0 && numericRow(r));
  if (!bodyHasNumbers) return;
  let rows = 0;
  while (rows < Math.min(3, table.rowCount - 1) && !numericRow(rows) && table.cells.some((c) => c.row === rows && c.text !== '')) rows++;
  for (const c of table.cells) if (c.row < rows && c.text !== '') c.header = true;
}

/** The columns a region's text shows: gutters from alignment, completed or given by a header row. */
export interface StreamColumns {
  columns: ColumnSpan[];
  gutters: Gutter[];
  /** True when a header row gave the columns (they may be carried to a continuation). */
  headed: boolean;
  /** The first line below the header row (0 when there is none, or on a continuation). */
  bodyFrom: number;
}

function regionColumns(region: readonly SegmentLine[], crossers: ReadonlySet<Segment>): StreamColumns | null {
  // A header row names the columns: its cells anchor them where alignment alone is unclear.
  const header = leadingHeader(region);
  const aligned = linesToGutters(region, crossers);
  const gutters = header ? withHeaderGutters(aligned, header, region.slice(header.end + 1)) : aligned;
  if (gutters.length === 0) return null;
  return { columns: guttersToColumns(region, gutters), gutters, headed: header !== null, bodyFrom: header ? header.end + 1 : 0 };
}

/**
 * A region's rows: split at the first column when no two lines are further apart than a wrapped
 * line (tight); line by line when the body is single-spaced but gaps or rules show elsewhere
 * (stream-line-rows); otherwise from the gaps between rows, stacking the lines of wrapped cells.
 */
function regionToBands(region: readonly SegmentLine[], layout: StreamColumns, crossers: ReadonlySet<Segment>, rules: readonly Edge[]): { bands: Band[]; spanning: Array<{ piece: Piece; bands: Band[] }> } {
  const { columns, gutters } = layout;
  const fontSize = median(region.map((l) => l.fontSize));
  if (isTightRegion(region, fontSize)) return { bands: linesToTightBands(region, columns, gutters, crossers), spanning: [] };
  const placed = region.map((l) => placeLine(l, columns, gutters, crossers));
  const header = headerLineCount(placed, rules, fontSize);
  const keys = keyColumns(placed.slice(header), columns.length);
  if (isSingleSpaced(placed.slice(header), keys, fontSize)) return { bands: placedLinesToBands(placed, keys, fontSize, rules, header), spanning: [] };
  return piecesToBands(linesToPieces(region, columns, gutters, crossers, fontSize));
}

function regionToGrid(lines: readonly SegmentLine[], layout: StreamColumns, crossers: ReadonlySet<Segment>, page: number | null, rules: readonly Edge[] = []): Table | null {
  const { columns, gutters } = layout;
  const region = layout.headed ? splitWideRunsAtGutters(lines, gutters, layout.bodyFrom) : lines;
  const { bands, spanning } = regionToBands(region, layout, crossers, rules);
  const { rows, placed } = bandsToPlacedPieces(bands, spanning);
  if (rows.length === 0) return null;
  const table = gridToTable(rows, columns, placed, page);
  if (!looksLikeTable(table)) return null;
  markHeaderRows(table);
  return table;
}

/** An unruled table with what stitching needs to carry its columns to the next page. */
export interface StreamTable {
  table: Table;
  layout: StreamColumns;
  /** The words of the block of lines the table came from (shared by tables of one block). */
  blockWords: TextRun[];
}

/**
 * Words outside ruled tables → unruled tables with their columns, top to bottom. Prose,
 * headings and captions yield no table.
 */
export function wordsToStreamTables(words: readonly TextRun[], options: StreamOptions): StreamTable[] {
  const page = options.page ?? null;
  const free = words.filter((w) => !insideAny(options.exclude, w));
  const lines = wordsToSegmentLines(free);
  const tables: StreamTable[] = [];
  // Text columns side by side (a two-column page, a sidebar) are blocks of their own.
  const runs = splitByGaps(lines, options.exclude).flatMap((run) => splitAtRivers(run).flatMap((side) => splitByGaps(side, options.exclude)));
  for (const run of runs) {
    const blockWords = run.flatMap((l) => l.segments.flatMap((s) => s.runs));
    for (const region of runToRegions(run)) {
      const crossers = findCrossers(region);
      const layout = regionColumns(region, crossers);
      const table = layout ? regionToGrid(region, layout, crossers, page, options.rules ?? []) : null;
      if (table && layout) tables.push({ table, layout, blockWords });
    }
  }
  return tables;
}

/**
 * A block of words continuing a table from the previous page, laid out in that table's columns
 * (a continuation rarely repeats the header that gave them). Null when no table comes out.
 */
export function wordsToTableInColumns(words: readonly TextRun[], layout: StreamColumns, page: number | null): Table | null {
  const lines = wordsToSegmentLines(words);
  // Notes and signature lines below the table's end are not rows of it.
  const size = median(lines.map((l) => l.fontSize));
  while (lines.length > 1 && isEdgeCaption(lines[lines.length - 1] as SegmentLine, layout.gutters, findCrossers(lines), size, 'bottom')) lines.pop();
  if (lines.length === 0) return null;
  return regionToGrid(lines, layout, findCrossers(lines), page);
}

/**
 * Words outside ruled tables → unruled tables, top to bottom. Prose, headings and captions
 * yield no table.
 */
export function wordsToTables(words: readonly TextRun[], options: StreamOptions): Table[] {
  return wordsToStreamTables(words, options).map((t) => t.table);
}
