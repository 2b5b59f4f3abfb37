/**
 * Stream tables: a header row as column anchors. When a table's rows are packed so tightly that
 * text alignment alone leaves no clear gutter (wrapped prose running up to the next column, a
 * score tucked between two lines of its neighbour), the header row still names every column:
 * each header cell sits inside its column. A header row is found generically: a line of four
 * short, non-numeric cells spread across the region, with the wrapped header lines above and
 * below it. Column boundaries are then chosen in the space between consecutive header cells,
 * where the rows below cover the least.
 */
import type { TextRun } from '../lines.js';
import type { Gutter } from './stream-columns.js';
import { isNumber, runsToSegment, type Segment, type SegmentLine } from './stream-lines.js';

/** Lines of one wrapped header cell are at most this many font sizes apart (as in stream-rows). */
const WRAP_GAP_EM = 0.5;
/** A header row needs this many cells on its fullest line. */
const MIN_HEADER_CELLS = 4;
/** A header cell holds at most this many characters on one line. */
const MAX_HEADER_CHARS = 12;
/** A wrapped header line (above or below the fullest one) may hold a little more. */
const MAX_WRAPPED_HEADER_CHARS = 16;
/** The header's fullest line spreads over at least this share of the region's width. */
const HEADER_WIDTH_SHARE = 0.6;

export interface HeaderBlock {
  /** First and last line (inclusive) of the header row. */
  start: number;
  end: number;
  /** X-ranges of the header cells, left to right. */
  anchors: Array<{ x0: number; x1: number }>;
}

const segmentText = (s: Segment): string => s.runs.map((r) => r.text).join('').replace(/\s+/gu, '');

function isHeaderText(text: string, max: number): boolean {
  return text !== '' && [...text].length <= max && !isNumber(text) && !/\d{2,}/u.test(text) && !/[。；;]/u.test(text);
}

function isCoreHeaderLine(line: SegmentLine, width: number): boolean {
  return (
    line.segments.length >= MIN_HEADER_CELLS &&
    line.segments.every((s) => isHeaderText(segmentText(s), MAX_HEADER_CHARS)) &&
    line.bbox[2] - line.bbox[0] >= HEADER_WIDTH_SHARE * width
  );
}

function isWrappedHeaderLine(line: SegmentLine): boolean {
  return line.segments.every((s) => isHeaderText(segmentText(s), MAX_WRAPPED_HEADER_CHARS));
}

/** The header row whose fullest line is `core`: wrapped header lines around it join it. */
function blockAround(lines: readonly SegmentLine[], core: number): HeaderBlock {
  const line = lines[core] as SegmentLine;
  const gapLimit = WRAP_GAP_EM * line.fontSize;
  let start = core;
  while (start > 0) {
    const above = lines[start - 1] as SegmentLine;
    if ((lines[start] as SegmentLine).bbox[1] - above.bbox[3] > gapLimit || !isWrappedHeaderLine(above)) break;
    start--;
  }
  let end = core;
  while (end < lines.length - 1) {
    const below = lines[end + 1] as SegmentLine;
    if (below.bbox[1] - (lines[end] as SegmentLine).bbox[3] > gapLimit || !isWrappedHeaderLine(below)) break;
    end++;
  }
  const anchors = line.segments.map((s) => ({ x0: s.bbox[0], x1: s.bbox[2] }));
  for (let i = start; i <= end; i++) {
    if (i === core) continue;
    for (const s of (lines[i] as SegmentLine).segments) {
      const hit = anchors.filter((a) => a.x0 < s.bbox[2] && a.x1 > s.bbox[0]);
      // A heading over two cells of the fullest line groups them: it is not a column of its own.
      if (hit.length > 1) continue;
      const a = hit[0];
      if (a) {
        a.x0 = Math.min(a.x0, s.bbox[0]);
        a.x1 = Math.max(a.x1, s.bbox[2]);
      } else anchors.push({ x0: s.bbox[0], x1: s.bbox[2] });
    }
  }
  anchors.sort((a, b) => a.x0 - b.x0);
  // Anchors grown from wrapped lines may touch: keep them apart.
  const merged: Array<{ x0: number; x1: number }> = [];
  for (const a of anchors) {
    const last = merged[merged.length - 1];
    if (last && a.x0 < last.x1) last.x1 = Math.max(last.x1, a.x1);
    else merged.push({ ...a });
  }
  return { start, end, anchors: merged };
}

/** The header row at line `at` (its fullest line), or null. */
function headerAt(lines: readonly SegmentLine[], at: number, width: number): HeaderBlock | null {
  const line = lines[at] as SegmentLine;
  if (!isCoreHeaderLine(line, width)) return null;
  const block = blockAround(lines, at);
  return block.anchors.length >= MIN_HEADER_CELLS && block.end < lines.length - 1 ? block : null;
}

function widthOf(lines: readonly SegmentLine[]): number {
  return Math.max(...lines.map((l) => l.bbox[2])) - Math.min(...lines.map((l) => l.bbox[0]));
}

/** The header row that starts the region (its first line is part of it), or null. */
export function leadingHeader(lines: readonly SegmentLine[]): HeaderBlock | null {
  const width = widthOf(lines);
  for (let i = 0; i < Math.min(lines.length, 4); i++) {
    const block = headerAt(lines, i, width);
    if (block) return block.start === 0 ? block : null;
  }
  return null;
}

/**
 * Where a header row starts a new table below another one (two lines or more): a header row
 * a row gap below the line above it, or right below a line holding numbers. 0 when there is none.
 */
export function headerCut(lines: readonly SegmentLine[]): number {
  const width = widthOf(lines);
  for (let i = 1; i < lines.length - 1; i++) {
    const block = headerAt(lines, i, width);
    // Two lines at least above it: a lone line of years above is a grouped header, not a table.
    if (!block || block.start < 2) continue;
    const above = lines[block.start - 1] as SegmentLine;
    const first = lines[block.start] as SegmentLine;
    // A row gap above the header (or a row of numbers right above it) ends the table above.
    const rowGap = first.bbox[1] - above.bbox[3] > WRAP_GAP_EM * first.fontSize;
    if (rowGap || above.segments.some((s) => isNumber(segmentText(s)))) return block.start;
  }
  return 0;
}

/** Free x-ranges of the rows below a header, as [x0, x1, depth]: how many runs cover each stretch. */
function coverage(runs: readonly TextRun[], x0: number, x1: number): Array<{ x0: number; x1: number; depth: number }> {
  // A run's ends are blurred by half a point: text that touches a boundary does not cross it.
  const spans = runs.map((r) => [r.bbox[0] + 0.5, r.bbox[2] - 0.5] as const).filter((s) => s[1] > x0 && s[0] < x1);
  const xs = [...new Set([x0, x1, ...spans.flatMap((s) => [s[0], s[1]]).filter((x) => x > x0 && x < x1)])].sort((a, b) => a - b);
  const out: Array<{ x0: number; x1: number; depth: number }> = [];
  for (let i = 1; i < xs.length; i++) {
    const a = xs[i - 1] as number;
    const b = xs[i] as number;
    const depth = spans.filter((s) => s[0] < b && s[1] > a).length;
    const last = out[out.length - 1];
    if (last && last.depth === depth && last.x1 === a) last.x1 = b;
    else out.push({ x0: a, x1: b, depth });
  }
  return out;
}

/**
 * Gutters between consecutive header cells: in the space between them, the widest stretch the
 * body rows cover least (none, in a well-formed table).
 */
export function headerGutters(header: HeaderBlock, body: readonly SegmentLine[]): Gutter[] {
  const runs = body.flatMap((l) => l.segments.flatMap((s) => s.runs));
  const gutters: Gutter[] = [];
  for (let i = 1; i < header.anchors.length; i++) {
    const left = header.anchors[i - 1] as { x0: number; x1: number };
    const right = header.anchors[i] as { x0: number; x1: number };
    const stretches = coverage(runs, left.x1, right.x0);
    if (stretches.length === 0) {
      gutters.push({ x0: left.x1, x1: Math.max(left.x1, right.x0) });
      continue;
    }
    const least = Math.min(...stretches.map((s) => s.depth));
    const best = stretches.filter((s) => s.depth === least).sort((a, b) => b.x1 - b.x0 - (a.x1 - a.x0))[0] as { x0: number; x1: number };
    gutters.push({ x0: best.x0, x1: best.x1 });
  }
  return gutters;
}

/**
 * The region's gutters given its header. A header naming at least as many columns as the text
 * shows gives the columns. A header naming fewer is partial (a grouped heading on a line above
 * the region): the text's gutters stay, and the header only adds one between two header cells
 * where the text left no clear gutter.
 */
export function withHeaderGutters(aligned: readonly Gutter[], header: HeaderBlock, body: readonly SegmentLine[]): Gutter[] {
  if (header.anchors.length >= aligned.length + 1) return headerGutters(header, body);
  const out = [...aligned];
  headerGutters(header, body).forEach((g, i) => {
    const left = header.anchors[i] as { x1: number };
    const right = header.anchors[i + 1] as { x0: number };
    if (!aligned.some((a) => a.x1 > left.x1 && a.x0 < right.x0)) out.push(g);
  });
  return out.sort((a, b) => a.x0 - b.x0);
}

/** Each part of a split run holds this many characters (a short label over two columns stays whole). */
const MIN_PART_CHARS = 3;
/** Full-width characters (CJK, full-width punctuation): all one em wide, so positions can be estimated. */
const WIDE = /^[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+$/u;

/**
 * Under a header's columns, a run of full-width text crossing exactly one gutter is two cells'
 * text drawn as one run (a cell's last line running up to its neighbour's first): split it at
 * the character boundary nearest the gutter, when one falls inside it.
 */
function splitWideRun(run: TextRun, gutters: readonly Gutter[]): TextRun[] {
  const crossed = gutters.filter((g) => run.bbox[0] < g.x0 && run.bbox[2] > g.x1);
  const chars = [...run.text];
  if (crossed.length !== 1 || !WIDE.test(run.text) || chars.length < 2) return [run];
  const g = crossed[0] as Gutter;
  const step = (run.bbox[2] - run.bbox[0]) / chars.length;
  const k = Math.round(((g.x0 + g.x1) / 2 - run.bbox[0]) / step);
  const x = run.bbox[0] + k * step;
  if (k < MIN_PART_CHARS || k > chars.length - MIN_PART_CHARS || x < g.x0 - 0.5 || x > g.x1 + 0.5) return [run];
  return [
    { ...run, text: chars.slice(0, k).join(''), bbox: [run.bbox[0], run.bbox[1], Math.min(x, g.x0), run.bbox[3]] },
    { ...run, text: chars.slice(k).join(''), bbox: [Math.max(x, g.x1), run.bbox[1], run.bbox[2], run.bbox[3]] },
  ];
}

/** Lines (from line `from` on, below the header) with their full-width runs split at the header's gutters (see splitWideRun). */
export function splitWideRunsAtGutters(lines: readonly SegmentLine[], gutters: readonly Gutter[], from: number): SegmentLine[] {
  return lines.map((line, i) => {
    if (i < from) return line;
    let changed = false;
    const segments = line.segments.map((seg) => {
      const runs = seg.runs.flatMap((r) => splitWideRun(r, gutters));
      if (runs.length === seg.runs.length) return seg;
      changed = true;
      return runsToSegment(runs);
    });
    return changed ? { ...line, segments } : line;
  });
}
