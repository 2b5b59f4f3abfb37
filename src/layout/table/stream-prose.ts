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

/** List markers: bullets and dashes, numbers and letters with a dot or bracket, numbered headings (6.4), circled numbers, 一、 and （一）. */
const MARKER =
  /^(?:[•·▪■□○●◆◇►▶‣⁃∙◦*–—-]|[(（]?\d{1,3}[.)）、．]?|\d{1,3}(?:\.\d{1,3})+\.?|[(（]?[a-zA-Z][.)）]|[(（]?[ivxlIVXL]{1,5}[.)）]|[①-⑳]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])$/u;

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

/** A list: the first column holds only markers, and the text beside them runs on (two columns). */
export function isList(table: Table, filled: readonly Cell[]): boolean {
  const first = filled.filter((c) => c.col === 0);
  const rest = filled.filter((c) => c.col > 0);
  if (first.length === 0 || rest.length === 0 || table.colCount > 3) return false;
  if (!first.every((c) => isListMarker(c.text))) return false;
  // Items as one row each (a marker beside a long line), or lines of one item continuing.
  const running = rest.filter((c) => isRunningText(c.text) || (c.lines?.length ?? 1) >= 2).length;
  return running * 2 >= rest.length;
}

/**
 * True when a grid of text found without rules is a table: two rows or more with text in two cells
 * or more, columns aligned, and not paragraphs side by side or a list.
 */
export function looksLikeTable(table: Table): boolean {
  if (table.colCount < 2 || table.rowCount < 2) return false;
  const filled = table.cells.filter((c) => c.text !== '');
  const perRow = new Map<number, number>();
  for (const c of filled) perRow.set(c.row, (perRow.get(c.row) ?? 0) + 1);
  if ([...perRow.values()].filter((n) => n >= 2).length < MIN_FULL_ROWS) return false;
  if (isTwoColumnProse(table, filled) || isList(table, filled)) return false;
  for (let c = 0; c < table.colCount; c++) {
    if (!isAlignedColumn(filled.filter((cell) => cell.col === c && cell.colSpan === 1))) return false;
  }
  return true;
}
