/**
 * Tables across page breaks. When the first table of a page continues the last table of the
 * previous page (same outer edges, compatible column boundaries, no body text between them), the
 * two are joined into one table placed on the first page: the continuation's repeated header rows
 * are dropped, and a merged cell cut by the break (no rule between its two parts) becomes one cell
 * with the combined rowSpan and `parts` listing each page part. The break itself is a row boundary
 * unless the text shows the row goes on (see isSplitRow). An unruled table whose columns
 * came from its header row lends them to its continuation, which is laid out again from its
 * words in those columns (see carryColumns).
 */
import { clusterMeans } from '../cluster.js';
import type { Anchor, BBox, Cell, Table } from '../model.js';
import { joinCellWrap } from '../text.js';
import type { PageTable } from './index.js';
import { DEFAULT_STITCH_COLUMN_TOLERANCE } from './settings.js';
import { columnEdges, wordsToTableInColumns, type StreamColumns } from './stream.js';

export interface StitchPage {
  tables: PageTable[];
  /** Boxes of the page's body lines outside tables (page furniture already removed). */
  lineBoxes: BBox[];
  /**
   * Page height in points: when given, a continuation must start in the upper half of its page.
   * (Where a table ends on its page says little: a row too tall to fit moves whole to the next page.)
   */
  height?: number;
}

interface Working {
  table: Table;
  open: Map<Cell, { top: boolean; bottom: boolean }>;
  /** Unruled tables: the columns (carried to a continuation when a header row gave them). */
  stream?: PageTable['stream'];
  /** True once the cells' sides were moved to their column edges. */
  edged?: boolean;
}

function columnBounds(table: Table): number[] {
  return clusterMeans(table.cells.flatMap((c) => (c.bbox ? [c.bbox[0], c.bbox[2]] : [])), 1);
}

/** Every boundary of the shorter list has a partner in the longer one, and the outer sides agree. */
function columnsMatch(a: readonly number[], b: readonly number[], tolerance: number): boolean {
  if (a.length < 2 || b.length < 2) return false;
  const near = (x: number, list: readonly number[]): boolean => list.some((y) => Math.abs(x - y) <= tolerance);
  if (Math.abs((a[0] as number) - (b[0] as number)) > tolerance) return false;
  if (Math.abs((a[a.length - 1] as number) - (b[b.length - 1] as number)) > tolerance) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((x) => near(x, long));
}

/** Texts of the cells starting in rows [from, to), in grid order. */
function rowBlockTexts(table: Table, from: number, to: number): string[] {
  return table.cells.filter((c) => c.row >= from && c.row < to).sort((x, y) => x.row - y.row || x.col - y.col).map((c) => c.text);
}

/** Rows 0..k-1 form a clean block when no cell starting in them reaches below row k-1. */
function isCleanTopBlock(table: Table, k: number): boolean {
  return table.cells.every((c) => c.row >= k || c.row + c.rowSpan <= k);
}

/**
 * A header cell's text for comparison: NFKC (full- and half-width punctuation and brackets, as
 * producers and OCR mix them) without spaces.
 */
function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** How many leading rows of `next` repeat a header block of `prev`, and the row where that block starts there. */
function repeatedHeaderRows(prev: Table, next: Table): { rows: number; at: number } {
  for (let k = Math.min(3, next.rowCount - 1); k >= 1; k--) {
    if (!isCleanTopBlock(next, k)) continue;
    const head = rowBlockTexts(next, 0, k).map(headerKey);
    if (head.filter((t) => t !== '').length < 2) continue;
    for (let r = 0; r + k <= prev.rowCount; r++) {
      const block = rowBlockTexts(prev, r, r + k).map(headerKey);
      if (block.length === head.length && block.every((t, i) => t === head[i])) return { rows: k, at: r };
    }
  }
  return { rows: 0, at: -1 };
}

function anchorOf(cell: Cell): Anchor {
  return { page: cell.page, bbox: cell.bbox, ref: cell.ref };
}

/**
 * Continue `upper` (bottom part) with `lower` (top part on the next page): one cell, parts listed.
 * `extraRows` is how many rows the cell grows by.
 */
function continueCell(upper: Cell, lower: Cell, extraRows: number): void {
  const parts = [...(upper.parts ?? [anchorOf(upper)]), ...(lower.parts ?? [anchorOf(lower)])];
  if (upper.text === '' && lower.text !== '') {
    upper.page = lower.page;
    upper.bbox = lower.bbox;
    upper.ref = lower.ref;
  }
  const hadRaw = upper.raw !== undefined || lower.raw !== undefined;
  const raw = joinCellWrap(upper.raw ?? upper.text, lower.raw ?? lower.text);
  upper.text = joinCellWrap(upper.text, lower.text);
  if (hadRaw) upper.raw = raw;
  if (upper.lines || lower.lines) upper.lines = [...(upper.lines ?? []), ...(lower.lines ?? [])];
  upper.rowSpan += extraRows;
  upper.parts = parts;
}

function nearestIndex(bounds: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < bounds.length; i++) {
    if (Math.abs((bounds[i] as number) - value) < Math.abs((bounds[best] as number) - value)) best = i;
  }
  return best;
}

interface Pair {
  lower: Cell;
  index: number;
  upper: Cell | undefined;
}

/**
 * Without a missing rule to show it, a merged cell is cut by the break when its label is printed
 * in one part only while one of the parts spans several rows; with no rule evidence at all
 * along the break, a label above an empty cell goes on too (a merged label prints once).
 */
function isCutCell(pair: Pair, ruled: boolean): boolean {
  const { upper, lower } = pair;
  if (!upper) return false;
  if ((upper.text === '') !== (lower.text === '') && Math.max(upper.rowSpan, lower.rowSpan) > 1) return true;
  return !ruled && upper.text !== '' && lower.text === '';
}

/**
 * Which pairs have no rule between their parts. A side of the break drawn without any rule
 * (Chromium draws no top rule on a continuation page; some producers none at a page's bottom)
 * says nothing about where rows end: only the other side is read then. `ruled` is false when
 * neither side has a rule anywhere, and the text alone must decide.
 */
function rulelessPairs(pairs: readonly Pair[], work: Working, next: PageTable): { ruleless: boolean[]; ruled: boolean } {
  const below = pairs.map((p) => p.upper !== undefined && work.open.get(p.upper)?.bottom === true);
  const above = pairs.map((p) => next.openTop[p.index] === true);
  const upperSilent = below.every(Boolean);
  const lowerSilent = above.every(Boolean);
  if (upperSilent && lowerSilent) return { ruleless: pairs.map(() => false), ruled: pairs.length === 0 };
  const ruleless = pairs.map((p, i) => p.upper !== undefined && ((!upperSilent && below[i] === true) || (!lowerSilent && above[i] === true)));
  return { ruleless, ruled: true };
}

/** Text that stops mid-sentence (no closing punctuation, not a bare number) was cut by the break. */
function endsMidSentence(text: string): boolean {
  return text !== '' && !/[。；;！？!?：:]$/u.test(text) && !/^[\d.,%\s-]+$/u.test(text);
}

/** The upper part's text runs down to its cell's bottom and the lower part's starts at its top. */
function textRunsOver(upper: Cell, lower: Cell): boolean {
  const last = upper.lines?.[upper.lines.length - 1];
  const first = lower.lines?.[0];
  if (!last?.bbox || !first?.bbox || !upper.bbox || !lower.bbox) return false;
  const size = last.fontSize ?? last.bbox[3] - last.bbox[1];
  return upper.bbox[3] - last.bbox[3] <= 1.5 * size && first.bbox[1] - lower.bbox[1] <= 1.5 * size;
}

/**
 * The first row of the continuation is the rest of the upper page's last row (a row split by
 * the break): every cell has a partner above, and the few cells with text go on with a sentence
 * that ran down to the bottom of the page. A page break is a row boundary otherwise; without
 * any rule along the break, the continuation's first row cell must be empty too.
 */
function isSplitRow(pairs: readonly Pair[], cut: readonly boolean[], ruled: boolean): boolean {
  if (pairs.length === 0 || pairs.some((p) => !p.upper)) return false;
  if (ruled && cut.every(Boolean)) return true;
  const filled = pairs.filter((p) => p.lower.text !== '');
  if (filled.length === 0 || filled.length * 2 > pairs.length) return false;
  const firstRowCell = pairs.find((p) => p.upper?.rowSpan === 1);
  if (!ruled && firstRowCell !== undefined && firstRowCell.lower.text !== '') return false;
  return filled.every((p) => p.upper !== undefined && endsMidSentence(p.upper.text) && textRunsOver(p.upper, p.lower));
}

/**
 * Unruled group labels cut by the break: a label spanning rows down to the page's end whose cell
 * goes on into the next page keeps going while its column stays empty there (no rule shows
 * where a group ends; the next label's group starts at the next label). The empty lower cells,
 * mapped to the upper label they extend (the upper cell through its pair).
 */
function emptyBelowLabels(next: Table, pairs: readonly Pair[], cut: readonly boolean[], collapse: number, drop: number, sameColumn: (a: Cell, b: Cell) => boolean): Map<Cell, Cell> {
  const out = new Map<Cell, Cell>();
  pairs.forEach((p, k) => {
    const upper = p.upper;
    if (!upper || upper.text === '' || upper.rowSpan < 2 || !(collapse === 1 || cut[k] === true) || p.lower.rowSpan !== 1) return;
    for (let r = drop + 1; r < next.rowCount; r++) {
      const below = next.cells.filter((c) => c.row <= r && c.row + c.rowSpan > r && sameColumn(upper, c));
      const only = below[0];
      if (below.length !== 1 || !only || only.row !== r || only.text !== '' || only.rowSpan !== 1) break;
      if (next.cells.some((c) => c !== only && c.row <= r && c.row + c.rowSpan > r && c.bbox && only.bbox && c.bbox[0] < only.bbox[2] - 1 && c.bbox[2] > only.bbox[0] + 1)) break;
      out.set(only, upper);
    }
  });
  return out;
}

/** Join `next` (a continuation) onto `work` in place. */
function appendContinuation(work: Working, next: PageTable, tolerance: number): void {
  const prev = work.table;
  const header = repeatedHeaderRows(prev, next.table);
  const drop = header.rows;
  // A block of rows that repeats on every page is the table's header row(s).
  for (const cell of prev.cells) if (drop > 0 && cell.row >= header.at && cell.row < header.at + drop) cell.header = true;
  const bounds = clusterMeans([...columnBounds(prev), ...columnBounds(next.table)], tolerance);
  const lastRow = prev.rowCount;
  const bottomCells = prev.cells.filter((c) => c.row + c.rowSpan === lastRow);
  const sameColumn = (a: Cell, b: Cell): boolean =>
    a.bbox !== null && b.bbox !== null && Math.abs(a.bbox[0] - b.bbox[0]) <= tolerance && Math.abs(a.bbox[2] - b.bbox[2]) <= tolerance;
  // Unruled cells may run together across a column (no rule keeps them apart): a cell spanning
  // the lower cell's column is its partner then.
  const covering = (a: Cell, b: Cell): boolean =>
    work.stream !== undefined && a.bbox !== null && b.bbox !== null && a.bbox[0] <= b.bbox[0] + tolerance && a.bbox[2] >= b.bbox[2] - tolerance;
  const pairs: Pair[] = [];
  next.table.cells.forEach((lower, index) => {
    if (lower.row === drop) pairs.push({ lower, index, upper: bottomCells.find((c) => sameColumn(c, lower)) ?? bottomCells.find((c) => covering(c, lower)) });
  });
  // Without the evidence of a missing rule, a cell only continues when every cell to its left
  // does too: the 三级 cell cannot go on across the break when its 二级 cell ends before it.
  pairs.sort((a, b) => a.lower.col - b.lower.col);
  const { ruleless, ruled } = rulelessPairs(pairs, work, next);
  const cut: boolean[] = [];
  pairs.forEach((p, i) => cut.push(ruleless[i] === true || (isCutCell(p, ruled) && cut.every(Boolean))));
  const collapse = isSplitRow(pairs, cut, ruled) ? 1 : 0;
  const offset = prev.rowCount - drop - collapse;
  const absorbed = work.stream ? emptyBelowLabels(next.table, pairs, cut, collapse, drop, sameColumn) : new Map<Cell, Cell>();
  for (const cell of prev.cells) {
    if (!cell.bbox) continue;
    cell.col = nearestIndex(bounds, cell.bbox[0]);
    cell.colSpan = Math.max(1, nearestIndex(bounds, cell.bbox[2]) - cell.col);
  }
  next.table.cells.forEach((source, i) => {
    if (source.row < drop || !source.bbox) return;
    const label = absorbed.get(source);
    if (label) {
      label.rowSpan += 1;
      return;
    }
    const cell: Cell = { ...source, row: source.row + offset };
    cell.col = nearestIndex(bounds, source.bbox[0]);
    cell.colSpan = Math.max(1, nearestIndex(bounds, source.bbox[2]) - cell.col);
    const open = { top: next.openTop[i] === true, bottom: next.openBottom[i] === true };
    const p = pairs.findIndex((pair) => pair.index === i);
    const pair = pairs[p];
    if (pair?.upper && (collapse === 1 || cut[p] === true)) {
      continueCell(pair.upper, cell, source.rowSpan - collapse);
      work.open.set(pair.upper, { top: work.open.get(pair.upper)?.top ?? false, bottom: open.bottom });
      return;
    }
    prev.cells.push(cell);
    work.open.set(cell, open);
  });
  prev.cells.sort((a, b) => a.row - b.row || a.col - b.col);
  prev.rowCount = offset + next.table.rowCount;
  prev.colCount = bounds.length - 1;
  const pages = prev.pages ?? (prev.page !== null ? [prev.page] : []);
  if (next.table.page !== null && !pages.includes(next.table.page)) pages.push(next.table.page);
  prev.pages = pages;
}

function hasTextBetween(boxes: readonly BBox[], test: (b: BBox) => boolean): boolean {
  return boxes.some(test);
}

/** Unruled cells take their columns' edges as sides (shared, like rules), so that parts with the same columns line up. */
function toColumnEdges(table: Table, layout: StreamColumns): void {
  const edges = columnEdges(layout.columns);
  for (const c of table.cells) {
    const x0 = edges[c.col];
    const x1 = edges[c.col + c.colSpan];
    if (c.bbox && x0 !== undefined && x1 !== undefined) c.bbox = [x0, c.bbox[1], x1, c.bbox[3]];
  }
}

/** Two unruled tables' columns agree: as many gutters, each overlapping its partner. */
function sameGutters(a: StreamColumns, b: StreamColumns): boolean {
  return a.gutters.length > 0 && a.gutters.length === b.gutters.length && a.gutters.every((g, i) => {
    const h = b.gutters[i];
    return h !== undefined && g.x0 <= h.x1 && h.x0 <= g.x1;
  });
}

/** The table on `page` may continue `prev` (last on the page before): near the page top, no body text between them. */
function mayContinue(prev: Table, prevPage: StitchPage, page: StitchPage, table: Table): boolean {
  if (!table.bbox || !prev.bbox) return false;
  const top = table.bbox[1];
  const bottom = (prevPage.tables[prevPage.tables.length - 1]?.table.bbox ?? prev.bbox)?.[3] ?? 0;
  const textAbove = hasTextBetween(page.lineBoxes, (b) => b[3] <= top + 1);
  const textBelow = hasTextBetween(prevPage.lineBoxes, (b) => b[1] >= bottom - 1);
  const nearBreak = page.height === undefined || top <= page.height / 2;
  return nearBreak && !textAbove && !textBelow;
}

/**
 * An unruled table whose columns came from its header row, continued at the top of the next
 * page without the header: that page's first block of words laid out in the same columns (its
 * own alignment may lose a column left empty on that page). The block's other tables go.
 */
function carryColumns(work: Working, prevPage: StitchPage, page: StitchPage): PageTable[] | null {
  const first = page.tables[0];
  if (!work.stream?.layout.headed || !first?.stream) return null;
  const block = first.stream.blockWords;
  const table = wordsToTableInColumns(block, { ...work.stream.layout, bodyFrom: 0 }, first.table.page);
  if (!table || !mayContinue(work.table, prevPage, page, table)) return null;
  const carried: PageTable = { table, openTop: table.cells.map(() => false), openBottom: table.cells.map(() => false), stream: { layout: work.stream.layout, blockWords: block } };
  return [carried, ...page.tables.slice(1).filter((t) => t.stream?.blockWords !== block)];
}

/**
 * Pages of tables → the same pages with continued tables joined into the table where they start.
 * Tables are copied, never changed in place.
 */
export function stitchTables(pages: readonly StitchPage[], tolerance = DEFAULT_STITCH_COLUMN_TOLERANCE): Table[][] {
  const out: Table[][] = pages.map(() => []);
  let open: { work: Working; pageIndex: number } | null = null;
  pages.forEach((page, p) => {
    const prevPage = pages[p - 1];
    const carried = open && prevPage && open.pageIndex === p - 1 ? carryColumns(open.work, prevPage, page) : null;
    const tables = carried ?? page.tables;
    tables.forEach((pt, t) => {
      const copy: PageTable = { ...pt, table: { ...pt.table, cells: pt.table.cells.map((c) => ({ ...c })) } };
      const isFirst = t === 0;
      if (carried && isFirst && open && copy.stream) {
        if (!open.work.edged && open.work.stream) toColumnEdges(open.work.table, open.work.stream.layout);
        open.work.edged = true;
        toColumnEdges(copy.table, copy.stream.layout);
      }
      if (open && isFirst && open.pageIndex === p - 1 && prevPage && mayContinue(open.work.table, prevPage, page, copy.table)) {
        // Two unruled parts with the same gutters (a long table whose continuation repeats the
        // header): their cells' sides go to the first part's column edges, as rules would.
        const upper = open.work.stream;
        if (!carried && upper && copy.stream && !columnsMatch(columnBounds(open.work.table), columnBounds(copy.table), tolerance) && sameGutters(upper.layout, copy.stream.layout)) {
          if (!open.work.edged) toColumnEdges(open.work.table, upper.layout);
          open.work.edged = true;
          toColumnEdges(copy.table, upper.layout);
        }
        if (columnsMatch(columnBounds(open.work.table), columnBounds(copy.table), tolerance)) {
          appendContinuation(open.work, copy, tolerance);
          open.pageIndex = p;
          return;
        }
      }
      const work: Working = { table: copy.table, open: new Map() };
      if (copy.stream) work.stream = copy.stream;
      copy.table.cells.forEach((c, i) => work.open.set(c, { top: copy.openTop[i] === true, bottom: copy.openBottom[i] === true }));
      out[p]?.push(copy.table);
      open = t === tables.length - 1 ? { work, pageIndex: p } : null;
    });
    if (tables.length === 0) open = null;
  });
  return out;
}
