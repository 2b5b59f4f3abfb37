/**
 * Stream tables, stage 2: which lines form a table, and where its columns are.
 *
 * Columns come from gutters: x-ranges that no line's text covers (pdfplumber's text strategy and
 * Camelot's stream look for text alignments; we look for the empty space the alignments leave).
 * A segment that fully covers the gap between two segments of at least two other lines is a
 * "crosser": a cell spanning columns, a caption, or prose. Crossers do not hide gutters. A
 * one-segment line that crosses gutters splits the region when it is wide (prose) and is dropped
 * at the region's top or bottom (a title or a note), so tables next to prose stand alone.
 */
import type { BBox } from '../model.js';
import type { TextRun } from '../lines.js';
import { headerCut } from './stream-header.js';
import { isNumber, median, NUMBER_GAP_EM, type Segment, type SegmentLine } from './stream-lines.js';

/** Free x-range between two columns, PDF points. */
export interface Gutter {
  x0: number;
  x1: number;
}

/** A column's x-range, PDF points. */
export interface ColumnSpan {
  x0: number;
  x1: number;
}

/** Lines further apart than this many font sizes are not one table. */
export const MAX_LINE_GAP_EM = 2.5;
/** A gutter narrower than this (points) is a coincidence of text ends, not a column gap. */
const MIN_GUTTER_WIDTH = 1.5;
/** A crossing line that covers at least this share of a region's width is prose, not a cell. */
const PROSE_WIDTH_SHARE = 0.5;

/** Gaps between consecutive segments of a line. */
function lineGaps(line: SegmentLine): Gutter[] {
  const gaps: Gutter[] = [];
  for (let i = 1; i < line.segments.length; i++) {
    const left = line.segments[i - 1] as Segment;
    const right = line.segments[i] as Segment;
    gaps.push({ x0: left.bbox[2], x1: right.bbox[0] });
  }
  return gaps;
}

/** Segments that fully cover a gap shown by at least two other lines. */
export function findCrossers(lines: readonly SegmentLine[]): Set<Segment> {
  const gapsPerLine = lines.map(lineGaps);
  const crossers = new Set<Segment>();
  lines.forEach((line, i) => {
    for (const seg of line.segments) {
      let witnesses = 0;
      gapsPerLine.forEach((gaps, j) => {
        if (j !== i && gaps.some((g) => seg.bbox[0] < g.x0 + 1 && seg.bbox[2] > g.x1 - 1)) witnesses++;
      });
      if (witnesses >= 2) crossers.add(seg);
    }
  });
  return crossers;
}

/** A gap between two runs this many font sizes wide may be a column gap in a dense form. */
const FINE_GAP_EM = 0.3;

/**
 * The x-ranges a segment covers: its runs, joined across gaps narrower than FINE_GAP_EM. Dense
 * forms leave less than half an em between a cell's last character and the next cell.
 */
function segmentSpans(seg: Segment): Array<readonly [number, number]> {
  const spans: Array<[number, number]> = [];
  let prev: TextRun | null = null;
  for (const run of [...seg.runs].sort((a, b) => a.bbox[0] - b.bbox[0])) {
    const last = spans[spans.length - 1];
    // Two numbers a space apart are two cells (see splitNumberRun); words a space apart are text.
    const limit = prev && isNumber(prev.text) && isNumber(run.text) ? NUMBER_GAP_EM : FINE_GAP_EM;
    if (last && run.bbox[0] - last[1] < limit * seg.fontSize) last[1] = Math.max(last[1], run.bbox[2]);
    else spans.push([run.bbox[0], run.bbox[2]]);
    prev = run;
  }
  return spans;
}

/**
 * Free x-ranges between spans. A range covered by a single span that runs across it on both
 * sides still counts: a cell's text and its neighbour's run together in one text run sometimes
 * (a wrapped line drawn up to the cell edge), and only one line shows it.
 */
function spansToGutters(spans: ReadonlyArray<readonly [number, number]>): Gutter[] {
  const xs = [...new Set(spans.flatMap((s) => [s[0], s[1]]))].sort((a, b) => a - b);
  type Piece = { x0: number; x1: number; cover: readonly [number, number] | null };
  const gutters: Gutter[] = [];
  let group: Piece[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const x0 = (group[0] as Piece).x0;
    const x1 = (group[group.length - 1] as Piece).x1;
    const covers = group.map((p) => p.cover).filter((c): c is readonly [number, number] => c !== null);
    if (covers.every((c) => c[0] < x0 && c[1] > x1)) gutters.push({ x0, x1 });
    else {
      // Only the uncovered stretches are gutters (a lone cell in a sparse column is a column).
      let run: Gutter | null = null;
      for (const p of group) {
        if (p.cover === null) {
          if (run && run.x1 === p.x0) run.x1 = p.x1;
          else {
            if (run) gutters.push(run);
            run = { x0: p.x0, x1: p.x1 };
          }
        }
      }
      if (run) gutters.push(run);
    }
    group = [];
  };
  for (let i = 1; i < xs.length; i++) {
    const a = xs[i - 1] as number;
    const b = xs[i] as number;
    const cover = spans.filter((s) => s[0] < b && s[1] > a);
    if (cover.length > 1) {
      flush();
      continue;
    }
    const c = cover[0] ?? null;
    const prevCover = group.find((p) => p.cover !== null)?.cover ?? null;
    if (c !== null && prevCover !== null && c !== prevCover) flush();
    group.push({ x0: a, x1: b, cover: c });
  }
  flush();
  return gutters;
}

/** Gutters: x-ranges covered by no non-crossing segment, with text on both sides. */
export function linesToGutters(lines: readonly SegmentLine[], crossers: ReadonlySet<Segment>): Gutter[] {
  const size = median(lines.map((l) => l.fontSize));
  const spans = lines
    .flatMap((l) => l.segments)
    .filter((s) => !crossers.has(s))
    .flatMap(segmentSpans)
    .sort((a, b) => a[0] - b[0]);
  const gutters = spansToGutters(spans).filter((g) => g.x1 - g.x0 >= MIN_GUTTER_WIDTH);
  // A gutter needs one line with text on both sides, and two lines with text on each side (a
  // label alone on its line, vertically centred beside a group of rows, still counts for its side).
  return gutters.filter((g) => {
    let both = 0;
    let left = 0;
    let right = 0;
    for (const line of lines) {
      const segs = line.segments.filter((s) => !crossers.has(s));
      const spansOfLine = segs.flatMap(segmentSpans);
      const l = spansOfLine.some((s) => s[1] <= g.x0 + 0.01);
      const r = spansOfLine.some((s) => s[0] >= g.x1 - 0.01);
      if (l) left++;
      if (r) right++;
      if (l && r) both++;
    }
    // A wide gutter beside a lone label (a row label on a line of its own) needs no line with both.
    return (both >= 1 && left >= 2 && right >= 2) || (left >= 1 && right >= 2 && g.x1 - g.x0 >= size);
  });
}

export function guttersCrossed(seg: Segment, gutters: readonly Gutter[]): number {
  return gutters.filter((g) => seg.bbox[0] < g.x0 && seg.bbox[2] > g.x1).length;
}

function regionWidth(lines: readonly SegmentLine[]): number {
  const x0 = Math.min(...lines.map((l) => l.bbox[0]));
  const x1 = Math.max(...lines.map((l) => l.bbox[2]));
  return x1 - x0;
}

function isTabular(line: SegmentLine): boolean {
  return line.segments.length >= 2;
}

/**
 * Split lines (top to bottom) into runs of lines close enough to be one table: a vertical gap over
 * MAX_LINE_GAP_EM, or a ruled table lying between two lines, ends a run.
 */
export function splitByGaps(lines: readonly SegmentLine[], exclude: readonly BBox[]): SegmentLine[][] {
  const runs: SegmentLine[][] = [];
  let current: SegmentLine[] = [];
  let bottom = Number.NEGATIVE_INFINITY;
  for (const line of lines) {
    const gap = line.bbox[1] - bottom;
    const ruledBetween = exclude.some((b) => b[1] >= bottom - 1 && b[3] <= line.bbox[1] + 1);
    if (current.length > 0 && (gap > MAX_LINE_GAP_EM * line.fontSize || ruledBetween)) {
      runs.push(current);
      current = [];
      bottom = Number.NEGATIVE_INFINITY;
    }
    current.push(line);
    bottom = Math.max(bottom, line.bbox[3]);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/** A font size this share larger (a title) or different (a note) from the table's is not the table's. */
const CAPTION_SIZE_SHARE = 0.12;
/** …or, for a top line of two segments with one running across two gutters or more (a title), any larger size. */
const TITLE_SIZE_SHARE = 0.05;

/**
 * A line at a region's edge that is a title or a note rather than a row: one segment crossing a
 * gutter or set in another size, or every segment set larger (a title above) or in another size (a
 * note below) than the table's text.
 */
export function isEdgeCaption(line: SegmentLine, gutters: readonly Gutter[], crossers: ReadonlySet<Segment>, size: number, edge: 'top' | 'bottom'): boolean {
  const off = (s: Segment): boolean => (edge === 'top' ? s.fontSize > (1 + CAPTION_SIZE_SHARE) * size : Math.abs(s.fontSize - size) > CAPTION_SIZE_SHARE * size);
  const titleLike =
    edge === 'top' && line.segments.length === 2 && line.segments.some((s) => guttersCrossed(s, gutters) >= 2) && line.segments.every((s) => s.fontSize > (1 + TITLE_SIZE_SHARE) * size);
  // A title set with spaces between its characters (目　录): every segment a single character.
  const spaced = edge === 'top' && line.segments.length >= 2 && line.segments.every((s) => /^[\u3400-\u9fff]$/u.test(s.runs.map((r) => r.text).join('').trim()));
  if (titleLike || spaced) return true;
  if (line.segments.length > 1) return line.segments.every(off);
  const seg = line.segments[0] as Segment;
  return crossers.has(seg) || guttersCrossed(seg, gutters) > 0 || Math.abs(seg.fontSize - size) > 0.1 * size;
}

/** A gap this many times the region's usual gap between lines (and at least a font size) sets a line apart. */
const APART_GAP_SHARE = 2;

/**
 * The first or last line (index `i`) is one segment set apart from the rest by a wide gap: a
 * heading or a note, not a row (a row set apart, such as a total, has several cells).
 */
function isSetApart(lines: readonly SegmentLine[], i: number): boolean {
  const line = lines[i] as SegmentLine;
  if (line.segments.length !== 1 || lines.length < 4) return false;
  const gaps = lines.slice(1).map((l, k) => l.bbox[1] - (lines[k] as SegmentLine).bbox[3]);
  const gap = i === 0 ? (gaps[0] as number) : (gaps[gaps.length - 1] as number);
  const usual = median(i === 0 ? gaps.slice(1) : gaps.slice(0, -1));
  return gap >= line.fontSize && gap >= APART_GAP_SHARE * Math.max(usual, 0);
}

/**
 * One run of lines → the regions that may be tables: prose lines split it, titles and notes at its
 * edges are dropped. Repeats until no line is removed, since gutters change as lines go.
 */
export function runToRegions(run: readonly SegmentLine[]): SegmentLine[][] {
  const pending: SegmentLine[][] = [[...run]];
  const regions: SegmentLine[][] = [];
  while (pending.length > 0) {
    const lines = pending.pop() as SegmentLine[];
    if (lines.filter(isTabular).length < 1) continue;
    const crossers = findCrossers(lines);
    const gutters = linesToGutters(lines, crossers);
    if (gutters.length === 0) continue;
    // A header row right below a row of numbers starts the next table.
    const atHeader = headerCut(lines);
    if (atHeader > 0) {
      pending.push(lines.slice(0, atHeader), lines.slice(atHeader));
      continue;
    }
    const width = regionWidth(lines);
    const left = Math.min(...lines.map((l) => l.bbox[0]));
    // Prose starts at the left margin; a paragraph indented into a column is a long cell.
    const breakAt = lines.findIndex(
      (l) =>
        l.segments.length === 1 &&
        guttersCrossed(l.segments[0] as Segment, gutters) >= 2 &&
        l.bbox[2] - l.bbox[0] >= PROSE_WIDTH_SHARE * width &&
        l.bbox[0] - left < 2 * l.fontSize,
    );
    if (breakAt >= 0) {
      pending.push(lines.slice(0, breakAt), lines.slice(breakAt + 1));
      continue;
    }
    const size = median(lines.map((l) => l.fontSize));
    const first = lines[0] as SegmentLine;
    const last = lines[lines.length - 1] as SegmentLine;
    if (isEdgeCaption(first, gutters, crossers, size, 'top') || isSetApart(lines, 0)) {
      pending.push(lines.slice(1));
      continue;
    }
    if (isEdgeCaption(last, gutters, crossers, size, 'bottom') || isSetApart(lines, lines.length - 1)) {
      pending.push(lines.slice(0, -1));
      continue;
    }
    // Two tables with different columns stacked together (a key-value block above a budget grid).
    const cut = structureCut(lines, crossers.size);
    if (cut > 0) {
      pending.push(lines.slice(0, cut), lines.slice(cut));
      continue;
    }
    regions.push(lines);
  }
  return regions.sort((a, b) => (a[0]?.bbox[1] ?? 0) - (b[0]?.bbox[1] ?? 0));
}

/** Crossers a table may hold before we look for two tables with different columns stacked together. */
const CROSSER_SHARE = 0.1;
/** Regions longer than this are not searched for a structure cut (quadratic cost). */
const MAX_CUT_LINES = 160;

/**
 * Where two stacked tables with different columns meet (a budget block above an indicator grid):
 * the cut between lines that leaves the fewest crossers in the two parts, when that at least
 * halves them. 0 when the region has few crossers or no cut helps.
 */
function structureCut(lines: readonly SegmentLine[], crosserCount: number): number {
  const segments = lines.reduce((n, l) => n + l.segments.length, 0);
  // Each cut tried costs two crosser searches: leave very long regions whole.
  if (crosserCount <= Math.max(2, CROSSER_SHARE * segments) || lines.length > MAX_CUT_LINES) return 0;
  let best = 0;
  let bestScore = crosserCount * 0.5;
  for (let k = 2; k <= lines.length - 2; k++) {
    const top = lines.slice(0, k);
    const bottom = lines.slice(k);
    if (top.filter(isTabular).length < 1 || bottom.filter(isTabular).length < 1 || top.length < 2 || bottom.length < 2) continue;
    const score = findCrossers(top).size + findCrossers(bottom).size;
    if (score <= bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}

/** Columns between the gutters, from the region's left edge to its right edge. */
export function guttersToColumns(lines: readonly SegmentLine[], gutters: readonly Gutter[]): ColumnSpan[] {
  const left = Math.min(...lines.map((l) => l.bbox[0]));
  const right = Math.max(...lines.map((l) => l.bbox[2]));
  const columns: ColumnSpan[] = [];
  let x0 = left;
  for (const g of [...gutters].sort((a, b) => a.x0 - b.x0)) {
    columns.push({ x0, x1: g.x0 });
    x0 = g.x1;
  }
  columns.push({ x0, x1: right });
  return columns;
}
