/**
 * Stream tables: what text laid out in a grid shape but not a table looks like, so that it yields
 * no table. Prose whose word gaps line up by chance (justified text, monospace text with two
 * spaces after full stops) gives "columns" whose cells start and end anywhere; a real table's
 * columns are aligned (left, right or centre). Two columns of prose side by side stack many lines
 * in every cell or fill their columns line by line. A list (bullets, numbers, numbered headings,
 * footnote marks at the margin with text beside them) is a column of markers beside running text.
 */
import type { Cell, Table } from '../model.js';

/** A table needs this many rows with text in two cells or more. */
const MIN_FULL_ROWS = 2;
/** Cell edges this many font sizes apart are on one alignment line. */
const ALIGN_TOLERANCE_EM = 0.4;
/** A column is aligned when this share of its cells shares a left edge, a right edge or a centre. */
const ALIGNED_SHARE = 0.5;
/** Columns with fewer cells than this say nothing about alignment. */
const MIN_ALIGN_CELLS = 4;

/** List markers: bullets and dashes, numbers and letters with a dot or bracket, numbered headings (6.4), circled numbers, 一、 （一） and 第一部分. */
const MARKER =
  /^(?:[•·▪■□○●◆◇►▶‣⁃∙◦*–—-]|[(（]?\d{1,3}[.)）、．]?|\d{1,3}(?:\.\d{1,3})+\.?|[(（]?[a-zA-Z][.)）]|[(（]?[ivxlIVXL]{1,5}[.)）]|[①-⑳]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十百\d]{1,4}[部分章节条篇]{1,2})$/u;

export function isListMarker(text: string): boolean {
  return MARKER.test(text.trim());
}

/** Text long enough to be running text: five words or more, or twelve CJK characters or more. */
function isRunningText(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => w !== '').length;
  const cjk = [...text].filter((ch) => /[\u3400-\u9fff]/u.test(ch)).length;
  return words >= 5 || cjk >= 12;
}

function fontSizeOf(cell: Cell): number {
  return cell.lines?.[0]?.fontSize ?? (cell.bbox ? cell.bbox[3] - cell.bbox[1] : 10);
}

/** The largest share of values within `tolerance` of one another (sorted sweep). */
function largestClusterShare(values: readonly number[], tolerance: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) > tolerance) start++;
    best = Math.max(best, end - start + 1);
  }
  return sorted.length > 0 ? best / sorted.length : 0;
}

/** True when the cells of a column share a left edge, a right edge or a centre (most of them). */
export function isAlignedColumn(cells: readonly Cell[]): boolean {
  const boxes = cells.flatMap((c) => (c.bbox ? [c.bbox] : []));
  if (boxes.length < MIN_ALIGN_CELLS) return true;
  const sizes = cells.map(fontSizeOf).sort((a, b) => a - b);
  const tolerance = ALIGN_TOLERANCE_EM * (sizes[Math.floor(sizes.length / 2)] ?? 10);
  const share = Math.max(
    largestClusterShare(boxes.map((b) => b[0]), tolerance),
    largestClusterShare(boxes.map((b) => b[2]), tolerance),
    largestClusterShare(boxes.map((b) => (b[0] + b[2]) / 2), tolerance),
  );
  return share >= ALIGNED_SHARE;
}

/** Side-by-side paragraphs: two columns whose cells stack many lines, or whose lines all fill their column (justified). */
function isTwoColumnProse(table: Table, filled: readonly Cell[]): boolean {
  if (table.colCount !== 2) return false;
  const multiLine = filled.filter((c) => (c.lines?.length ?? 1) >= 3).length;
  if (multiLine >= (2 / 3) * filled.length) return true;
  if (table.rowCount < 5) return false;
  const lines = filled.flatMap((c) => (c.lines ?? []).map((l) => ({ col: c.col, width: (l.bbox?.[2] ?? 0) - (l.bbox?.[0] ?? 0) })));
  return [0, 1].every((col) => {
    const widths = lines.filter((l) => l.col === col).map((l) => l.width);
    const max = Math.max(...widths);
    return widths.filter((w) => w >= 0.9 * max).length >= 0.8 * widths.length;
  });
}

/** Bullets and dashes (markers that are no number): a column of them is always a list's. */
const BULLET = /^[•·▪■□○●◆◇►▶‣⁃∙◦*–—-]+$/u;
/** Numbered parts and chapters (第一部分, 第三章): headings of a contents list, whatever follows them. */
const ORDINAL_HEADING = /^第[一二三四五六七八九十百\d]{1,4}[部分章节条篇]{1,2}$/u;
/** Markers in at least this share of the first column's cells (a lead-in line above the items may have none). */
const MARKER_SHARE = 0.75;

/**
 * A list: the first column holds markers (bullets, or numbers with running text beside them),
 * beside one or two columns of text.
 */
export function isList(table: Table, filled: readonly Cell[]): boolean {
  const first = filled.filter((c) => c.col === 0);
  const rest = filled.filter((c) => c.col > 0);
  if (first.length < 2 || rest.length === 0 || table.colCount > 3) return false;
  const markers = first.filter((c) => isListMarker(c.text) || BULLET.test(c.text.replace(/\s+/gu, '')));
  if (markers.length < MARKER_SHARE * first.length) return false;
  if (markers.every((c) => BULLET.test(c.text.replace(/\s+/gu, '')) || ORDINAL_HEADING.test(c.text.trim()))) return true;
  // Numbered items as one row each (a marker beside a long line), or lines of one item continuing.
  const running = rest.filter((c) => isRunningText(c.text) || (c.lines?.length ?? 1) >= 2).length;
  return running * 2 >= rest.length;
}

/** Leader dots (a contents page, an index): four dots or more in a row, spaced or not. */
const LEADER = /(?:\.\s?){4,}|…{2,}|·{4,}/u;
/** A table needs rows with text in two cells or more to be at least this share of its rows. */
const MIN_FULL_ROW_SHARE = 0.5;
const NUMERIC_CELL = /^[-+−(]?[\d,.]+%?\)?$/u;

/** A contents page or an index: leader dots in a third of the rows or more. */
function isContents(table: Table, filled: readonly Cell[]): boolean {
  const rows = new Set(filled.filter((c) => LEADER.test(c.text)).map((c) => c.row));
  return rows.size >= 2 && rows.size * 3 >= table.rowCount;
}

/**
 * A definition list or two columns of text: two columns, no number anywhere, and running text on
 * the right (an option and its description, a term and its meaning).
 */
function isDefinitionList(table: Table, filled: readonly Cell[]): boolean {
  if (table.colCount !== 2 || filled.some((c) => NUMERIC_CELL.test(c.text.trim()))) return false;
  const right = filled.filter((c) => c.col === 1);
  const words = right.reduce((n, c) => n + c.text.split(/\s+/u).filter((w) => w !== '').length, 0);
  const cjk = right.reduce((n, c) => n + [...c.text].filter((ch) => /[\u3400-\u9fff]/u.test(ch)).length, 0);
  return right.length > 0 && (words >= 3 * right.length || cjk >= 8 * right.length);
}

/** A table this short must show its columns by alignment too. */
const SMALL_TABLE_ROWS = 2;

/** True when the cells of a short column share a left edge, a right edge or a centre (all of them). */
function isAlignedShortColumn(cells: readonly Cell[]): boolean {
  const boxes = cells.flatMap((c) => (c.bbox ? [c.bbox] : []));
  if (boxes.length < 2) return true;
  const tolerance = ALIGN_TOLERANCE_EM * fontSizeOf(cells[0] as Cell);
  const agree = (f: (b: readonly number[]) => number): boolean => Math.max(...boxes.map(f)) - Math.min(...boxes.map(f)) <= tolerance;
  return agree((b) => b[0] as number) || agree((b) => b[2] as number) || agree((b) => ((b[0] as number) + (b[2] as number)) / 2);
}

/**
 * A table of two rows is a header and a row of values: it has a number, and two columns or more
 * filled in both rows, most of them aligned (labels scattered around a chart are not).
 */
function isTooSmall(table: Table, filled: readonly Cell[]): boolean {
  if (table.rowCount > SMALL_TABLE_ROWS) return false;
  if (!filled.some((c) => NUMERIC_CELL.test(c.text.trim()))) return true;
  const columns = Array.from({ length: table.colCount }, (_, c) => filled.filter((cell) => cell.col === c && cell.colSpan === 1)).filter((cells) => cells.length >= 2);
  return columns.length < 2 || columns.filter(isAlignedShortColumn).length * 2 < columns.length;
}

/**
 * True when a grid of text found without rules is a table: rows with text in two cells or more
 * (two at least, and half of the rows), columns aligned, and not paragraphs side by side, a list,
 * a definition list or a contents page.
 */
export function looksLikeTable(table: Table): boolean {
  if (table.colCount < 2 || table.rowCount < 2) return false;
  const filled = table.cells.filter((c) => c.text !== '');
  const perRow = new Map<number, number>();
  for (const c of filled) perRow.set(c.row, (perRow.get(c.row) ?? 0) + 1);
  const full = [...perRow.values()].filter((n) => n >= 2).length;
  if (full < MIN_FULL_ROWS || full < MIN_FULL_ROW_SHARE * table.rowCount) return false;
  if (isTwoColumnProse(table, filled) || isList(table, filled) || isContents(table, filled) || isDefinitionList(table, filled) || isTooSmall(table, filled)) return false;
  for (let c = 0; c < table.colCount; c++) {
    if (!isAlignedColumn(filled.filter((cell) => cell.col === c && cell.colSpan === 1))) return false;
  }
  return true;
}
