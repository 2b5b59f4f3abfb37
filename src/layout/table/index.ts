/**
 * Table finding on one page: the lattice chain on the page's rules (edges → intersections →
 * cells → grid), text given to cells by glyph centre, then the stream finder on the words left
 * outside ruled tables. The one entry point readers call.
 */
import { bboxContainsCenter, bboxContainsPoint, roundBBox } from '../bbox.js';
import { runsToLines, type TextRun } from '../lines.js';
import type { BBox, Cell, Line, Table } from '../model.js';
import { readingOrder } from '../reading-order.js';
import { joinCellLines } from '../text.js';
import type { GridTable } from './grid.js';
import type { Edge } from './edges.js';
import { edgesToLattice, isGraphicWord } from './lattice.js';
import { resolveTableSettings, type TableSettingsInput } from './settings.js';
import { wordsToStreamTables, type StreamColumns } from './stream.js';

/** A table found on one page, with the cell sides (by cell index) that have no rule. */
export interface PageTable {
  table: Table;
  openTop: boolean[];
  openBottom: boolean[];
  /** Unruled tables: their columns and the words of their block (to carry columns across a page break). */
  stream?: { layout: StreamColumns; blockWords: TextRun[] };
}

export interface TableFindingInput {
  /** Page size in PDF points. */
  width: number;
  height: number;
  words: readonly TextRun[];
  edges: readonly Edge[];
  /** 1-based page number to put on tables, cells and lines (null when unknown). */
  page?: number | null;
}

/** Rules → ruled-table grids (no text yet, so nothing is set aside as a graphic). */
export function edgesToGridTables(edges: readonly Edge[], settings?: TableSettingsInput): GridTable[] {
  return edgesToLattice(edges, resolveTableSettings(settings)).grids;
}

/** The words of one cell → its lines (in order) and its text, wrapped lines joined by script. */
export function runsToCellText(runs: readonly TextRun[], page: number | null): { text: string; raw?: string; lines: Line[] } {
  const lines = runsToLines(runs, { maxGapEm: Number.POSITIVE_INFINITY }).map((l): Line => {
    const line: Line = { page, bbox: roundBBox(l.bbox), ref: null, text: l.text, fontSize: Math.round(l.fontSize * 100) / 100 };
    if (l.raw !== undefined) line.raw = l.raw;
    return line;
  });
  const text = joinCellLines(lines.map((l) => l.text));
  const raw = joinCellLines(lines.map((l) => l.raw ?? l.text));
  return raw === text ? { text, lines } : { text, raw, lines };
}

/** Give each word to the cell holding its centre; a grid becomes a layout Table. */
export function gridToTable(grid: GridTable, words: readonly TextRun[], page: number | null): Table {
  const cells = grid.cells.map((g): Cell => {
    const inside = words.filter((w) => bboxContainsCenter(g.bbox, w.bbox));
    const { text, raw, lines } = runsToCellText(inside, page);
    const cell: Cell = {
      page,
      bbox: roundBBox(g.bbox),
      ref: null,
      row: g.row,
      col: g.col,
      rowSpan: g.rowSpan,
      colSpan: g.colSpan,
      text,
      lines,
    };
    if (raw !== undefined) cell.raw = raw;
    return cell;
  });
  return {
    page,
    bbox: roundBBox(grid.bbox),
    ref: null,
    rowCount: grid.rowBounds.length - 1,
    colCount: grid.colBounds.length - 1,
    cells,
  };
}

function insideAny(boxes: readonly BBox[], word: TextRun): boolean {
  const cx = (word.bbox[0] + word.bbox[2]) / 2;
  const cy = (word.bbox[1] + word.bbox[3]) / 2;
  return boxes.some((b) => bboxContainsPoint(b, cx, cy));
}

/**
 * All tables of one page, top to bottom, each with the sides of its cells that have no rule
 * (what stitching across page breaks needs): ruled tables first, then unruled ones among the
 * words outside them.
 */
export function findPageTables(content: TableFindingInput, settings?: TableSettingsInput): PageTable[] {
  const s = resolveTableSettings(settings);
  const page = content.page ?? null;
  const { merged, grids, graphics } = edgesToLattice(content.edges, s, content.words);
  const tables: PageTable[] = grids.map((grid) => ({
    table: gridToTable(grid, content.words, page),
    openTop: grid.cells.map((c) => c.openTop === true),
    openBottom: grid.cells.map((c) => c.openBottom === true),
  }));
  if (s.stream) {
    const exclude = grids.map((g) => g.bbox);
    // Words of ruled tables, and the labels of charts and other graphics, are not unruled tables.
    const rest = content.words.filter((w) => !insideAny(exclude, w) && !isGraphicWord(w, graphics));
    // Rules outside ruled tables (under a header, above a total) still separate rows.
    const rules = merged.filter((e) => e.orientation === 'h' && !exclude.some((b) => bboxContainsPoint(b, (e.x0 + e.x1) / 2, e.y0, 1)));
    // The page goes in, so that every cell and line of an unruled table carries it too.
    for (const { table, layout, blockWords } of wordsToStreamTables(rest, { width: content.width, height: content.height, exclude, page, rules })) {
      tables.push({ table, openTop: table.cells.map(() => false), openBottom: table.cells.map(() => false), stream: { layout, blockWords } });
    }
  }
  return inReadingOrder(tables, content.words);
}

/** Lines split where a gap this many font sizes wide runs between words (two columns' lines apart). */
const LINE_SPLIT_EM = 1.5;

/**
 * Tables in the page's reading order (XY-cut over the tables and the lines outside them): top to
 * bottom, and column by column on a page set in columns.
 */
export function inReadingOrder(tables: readonly PageTable[], words: readonly TextRun[]): PageTable[] {
  const boxes = tables.map((t) => t.table.bbox ?? ([0, 0, 0, 0] as BBox));
  const free = words.filter((w) => !insideAny(boxes, w));
  const lines = runsToLines(free, { maxGapEm: LINE_SPLIT_EM });
  const sizes = [...words.map((w) => w.fontSize)].sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)] ?? 10;
  const order = readingOrder([...boxes, ...lines.map((l) => l.bbox)], { minGapY: 1.2 * size, minGapX: 1.5 * size });
  return order.filter((i) => i < tables.length).map((i) => tables[i] as PageTable);
}

/** All tables of one page, top to bottom (ruled, then unruled among the remaining words). */
export function findTables(content: TableFindingInput, settings?: TableSettingsInput): Table[] {
  return findPageTables(content, settings).map((t) => t.table);
}

export type { GridTable } from './grid.js';
