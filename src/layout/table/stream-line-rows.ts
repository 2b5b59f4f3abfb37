/**
 * Stream tables: rows of single-spaced tables. When body lines are as close as the lines of a
 * wrapped cell (normal single spacing), gaps cannot tell rows apart, and stacking close lines
 * into cells would join every row of a column into one cell. A line is then a row of its own
 * unless something shows it continues the row above: it lacks text in most of the columns that
 * nearly every line fills (the rest of a wrapped cell). A rule drawn between two lines, or a gap
 * wider than a wrapped line, always separates rows. The header lines above the body are one row
 * when no heading among them spans columns (a header wrapped or bottom-aligned over several lines).
 */
import type { BBox } from '../model.js';
import type { Edge } from './edges.js';
import type { ColumnSpan, Gutter } from './stream-columns.js';
import { isNumber, median, type Segment, type SegmentLine } from './stream-lines.js';
import { segmentColumns, splitAtGutters, WRAP_GAP_EM, type Band, type Piece } from './stream-rows.js';

/** A line's segments put in columns. */
export interface PlacedLine {
  line: SegmentLine;
  pieces: Piece[];
}

/** A column is a key column when this share of the lines has text in it. */
const KEY_SHARE = 0.75;
/** The header block is looked for among this many leading lines. */
const MAX_HEADER_LINES = 6;
/** A rule separates rows when it covers this share of the table's width. */
const RULE_WIDTH_SHARE = 0.5;

/** One line's segments, split where they run across a gutter, each placed in its columns. */
export function placeLine(line: SegmentLine, columns: readonly ColumnSpan[], gutters: readonly Gutter[], crossers: ReadonlySet<Segment>): PlacedLine {
  const pieces = line.segments
    .flatMap((s) => splitAtGutters(s, gutters, crossers))
    .map((seg): Piece => {
      const [c0, c1] = segmentColumns(seg, columns, gutters);
      return { c0, c1, segments: [seg], y0: seg.bbox[1], y1: seg.bbox[3] };
    });
  return { line, pieces };
}

function covers(p: PlacedLine, c: number): boolean {
  return p.pieces.some((q) => q.c0 <= c && q.c1 >= c);
}

/** Columns that nearly every line has text in (at least the fullest one). */
export function keyColumns(lines: readonly PlacedLine[], colCount: number): number[] {
  const counts = Array.from({ length: colCount }, (_, c) => lines.filter((l) => covers(l, c)).length);
  const keys = counts.flatMap((n, c) => (n >= KEY_SHARE * lines.length ? [c] : []));
  if (keys.length > 0) return keys;
  const most = Math.max(...counts);
  return [counts.indexOf(most)];
}

/** A line with text in two columns or more, among them more than half of the key columns: a row's first line, not the rest of a wrapped cell. */
export function isFullLine(line: PlacedLine, keys: readonly number[]): boolean {
  const present = keys.filter((c) => covers(line, c)).length;
  return present * 2 > keys.length && new Set(line.pieces.map((p) => p.c0)).size >= 2;
}

function verticalGap(upper: PlacedLine, lower: PlacedLine): number {
  return lower.line.bbox[1] - upper.line.bbox[3];
}

/** Full lines are at least this share of a single-spaced body (the rest continue wrapped cells). */
const FULL_LINE_SHARE = 0.6;

/**
 * True when the body (lines below the header) is single-spaced: most of its lines are full lines,
 * and consecutive full lines are mostly no further apart than the lines of one wrapped cell. (A
 * table whose long cells wrap over many lines has few full lines: its rows are told by gaps.)
 */
export function isSingleSpaced(body: readonly PlacedLine[], keys: readonly number[], fontSize: number): boolean {
  const full = body.map((l) => isFullLine(l, keys));
  if (body.length < 3 || full.filter(Boolean).length < FULL_LINE_SHARE * body.length) return false;
  const gaps: number[] = [];
  for (let i = 1; i < body.length; i++) {
    if (full[i - 1] && full[i]) gaps.push(verticalGap(body[i - 1] as PlacedLine, body[i] as PlacedLine));
  }
  return gaps.length >= 2 && median(gaps) <= WRAP_GAP_EM * fontSize;
}

/** A horizontal rule between two boxes (one above the other) across most of the table's width [x0, x1]. */
export function ruleBetween(rules: readonly Edge[], upper: BBox, lower: BBox, x0: number, x1: number): boolean {
  const width = x1 - x0;
  return rules.some(
    (r) =>
      r.orientation === 'h' &&
      r.y0 >= upper[3] - 1 &&
      r.y0 <= lower[1] + 1 &&
      Math.min(r.x1, x1) - Math.max(r.x0, x0) >= RULE_WIDTH_SHARE * width,
  );
}

const hasNumber = (p: PlacedLine): boolean => p.pieces.some((q) => q.segments.some((s) => isNumber(s.runs.map((r) => r.text).join(' '))));

/**
 * How many leading lines form the header: the lines above a rule drawn under them, or, when the
 * body holds numbers, the stacked lines above the first line with a number. 0 when neither shows.
 */
export function headerLineCount(lines: readonly PlacedLine[], rules: readonly Edge[], fontSize: number): number {
  const x0 = Math.min(...lines.map((l) => l.line.bbox[0]));
  const x1 = Math.max(...lines.map((l) => l.line.bbox[2]));
  const limit = Math.min(MAX_HEADER_LINES, lines.length - 2);
  for (let k = 1; k <= limit; k++) {
    const above = lines[k - 1] as PlacedLine;
    if (hasNumber(above)) break;
    if (ruleBetween(rules, above.line.bbox, (lines[k] as PlacedLine).line.bbox, x0, x1)) return k;
  }
  const first = lines.findIndex(hasNumber);
  if (first < 1 || first > limit) return 0;
  for (let i = 1; i < first; i++) {
    if (verticalGap(lines[i - 1] as PlacedLine, lines[i] as PlacedLine) > WRAP_GAP_EM * fontSize) return 0;
  }
  return first;
}

function addToBand(band: Band, line: PlacedLine): void {
  for (const p of line.pieces) {
    const same = band.pieces.find((q) => q.c0 === p.c0 && q.c1 === p.c1);
    if (same) {
      same.segments.push(...p.segments);
      same.y1 = Math.max(same.y1, p.y1);
    } else band.pieces.push({ ...p, segments: [...p.segments] });
  }
  band.y0 = Math.min(band.y0, line.line.bbox[1]);
  band.y1 = Math.max(band.y1, line.line.bbox[3]);
}

function newBand(line: PlacedLine): Band {
  const band: Band = { y0: line.line.bbox[1], y1: line.line.bbox[3], pieces: [] };
  addToBand(band, line);
  return band;
}

/**
 * Placed lines (top to bottom) → rows. The header block (lines [0, header)) is one row unless a
 * heading in it spans columns; below it, a line starts a row when it is a full line, or a rule or
 * a gap wider than a wrapped line lies above it; any other line continues the row above.
 */
export function placedLinesToBands(lines: readonly PlacedLine[], keys: readonly number[], fontSize: number, rules: readonly Edge[], header: number): Band[] {
  const bands: Band[] = [];
  const x0 = Math.min(...lines.map((l) => l.line.bbox[0]));
  const x1 = Math.max(...lines.map((l) => l.line.bbox[2]));
  const headerWhole = header >= 2 && lines.slice(0, header).every((l) => l.pieces.every((p) => p.c0 === p.c1));
  lines.forEach((line, i) => {
    const band = bands[bands.length - 1];
    const above = lines[i - 1];
    if (!band || !above) {
      bands.push(newBand(line));
      return;
    }
    if (i < header) {
      if (headerWhole) addToBand(band, line);
      else bands.push(newBand(line));
      return;
    }
    const apart = verticalGap(above, line) > WRAP_GAP_EM * fontSize || ruleBetween(rules, above.line.bbox, line.line.bbox, x0, x1);
    if (i === header || apart || isFullLine(line, keys)) bands.push(newBand(line));
    else addToBand(band, line);
  });
  return bands;
}
