/**
 * Stream tables: text columns side by side. A page set in two columns, or a table with a column
 * of running text beside it (a sidebar), gives lines whose words lie on both sides of a wide
 * vertical gap that no line crosses (a "river"). When one side is a column of running text (one
 * segment per line, one left edge, paragraphs) and the two sides do not share baselines (their
 * lines are laid out independently), the sides are separate blocks and are looked at one at a time. The river may run beside some lines only
 * (a sidebar next to two paragraphs of a page). Cells of one table row share a baseline, so a
 * table with long text in some columns is not split.
 */
import { bboxUnion } from '../bbox.js';
import type { BBox } from '../model.js';
import { median, type Segment, type SegmentLine } from './stream-lines.js';

/** A gap between text at least this many font sizes wide may separate two text columns. */
const RIVER_EM = 1.2;
/** Segments on two sides whose vertical middles are this close (points) sit on one baseline. */
const BASELINE_TOLERANCE = 1;
/** Lines with text on both sides mostly on one baseline mean rows running across: no split. */
const ALIGNED_SHARE = 0.5;

const segmentText = (s: Segment): string => s.runs.map((r) => r.text).join(' ');

/** Running text: four words or more, or ten CJK characters or more. */
export function isProseText(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
  const cjk = [...text].filter((ch) => /[\u3400-\u9fff]/u.test(ch)).length;
  return words >= 4 || cjk >= 10;
}

function lineOf(segments: Segment[]): SegmentLine {
  return { segments, bbox: bboxUnion(segments.map((s) => s.bbox)) as BBox, fontSize: Math.max(...segments.map((s) => s.fontSize)) };
}

/** The lines' parts left (or right) of x, as lines of their own (lines with nothing there left out). */
export function sideOfRiver(lines: readonly SegmentLine[], x: number, side: 'left' | 'right'): SegmentLine[] {
  return lines.flatMap((l) => {
    const segs = l.segments.filter((s) => (side === 'left' ? s.bbox[2] <= x : s.bbox[0] >= x));
    return segs.length > 0 ? [lineOf(segs)] : [];
  });
}

/** Free x-ranges at least `min` wide between the segments of all the lines. */
function coverageGaps(lines: readonly SegmentLine[], min: number): Array<[number, number]> {
  const spans = lines.flatMap((l) => l.segments.map((s) => [s.bbox[0], s.bbox[2]] as const)).sort((a, b) => a[0] - b[0]);
  const gaps: Array<[number, number]> = [];
  let reach = Number.NEGATIVE_INFINITY;
  for (const [x0, x1] of spans) {
    if (Number.isFinite(reach) && x0 - reach >= min) gaps.push([reach, x0]);
    reach = Math.max(reach, x1);
  }
  return gaps;
}

const middle = (s: Segment): number => (s.bbox[1] + s.bbox[3]) / 2;

/** True when the lines with text on both sides of x mostly have a segment on each side on one baseline. */
function rowsRunAcross(lines: readonly SegmentLine[], x: number): boolean {
  const both = lines.filter((l) => l.segments.some((s) => s.bbox[2] <= x) && l.segments.some((s) => s.bbox[0] >= x));
  if (both.length === 0) return false;
  const aligned = both.filter((l) => {
    const left = l.segments.filter((s) => s.bbox[2] <= x);
    const right = l.segments.filter((s) => s.bbox[0] >= x);
    return left.some((a) => right.some((b) => Math.abs(middle(a) - middle(b)) <= BASELINE_TOLERANCE));
  }).length;
  return aligned >= ALIGNED_SHARE * both.length;
}

const hasProse = (lines: readonly SegmentLine[]): boolean => lines.some((l) => l.segments.length === 1 && isProseText(segmentText(l.segments[0] as Segment)));

/** A line of running text: one segment of prose (ending a river, it runs across it). */
function isProseLine(line: SegmentLine): boolean {
  const seg = line.segments[0];
  return line.segments.length === 1 && seg !== undefined && isProseText(segmentText(seg));
}

/** Lines of one text column: each a single segment, most starting at one left edge (within a font size). */
function isTextColumn(lines: readonly SegmentLine[], size: number): boolean {
  if (lines.length === 0 || lines.some((l) => l.segments.length !== 1)) return false;
  const lefts = lines.map((l) => l.bbox[0]).sort((a, b) => a - b);
  const common = lefts.filter((x) => Math.abs(x - (lefts[Math.floor(lefts.length / 2)] as number)) <= size).length;
  return common >= 0.8 * lines.length;
}

/** A river: the x it runs down, over lines [from, to] (inclusive) of the run. */
export interface River {
  x: number;
  from: number;
  to: number;
}

/** A river needs this many lines on each side. */
const MIN_RIVER_LINES = 3;

/** The free x-range around x on a line (between its segments), or null when a segment covers x. */
function freeAround(line: SegmentLine, x: number): [number, number] | null {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  for (const s of line.segments) {
    if (s.bbox[0] <= x && s.bbox[2] >= x) return null;
    if (s.bbox[2] < x) lo = Math.max(lo, s.bbox[2]);
    else hi = Math.min(hi, s.bbox[0]);
  }
  return [lo, hi];
}

/**
 * A river splitting some consecutive lines into two text columns, or null. Candidates are the
 * wide gaps inside lines; each is followed up and down as far as no line covers it (a paragraph
 * across the full width above or below a sidebar ends it), and kept when it stays wide, has
 * running text on both sides and no rows running across.
 */
export function findRiver(lines: readonly SegmentLine[]): River | null {
  if (lines.length < MIN_RIVER_LINES) return null;
  const size = median(lines.map((l) => l.fontSize));
  // Gaps free on every line (two columns whose lines never share a baseline), then gaps inside lines.
  const candidates = [
    ...coverageGaps(lines, RIVER_EM * size).map(([a, b]) => (a + b) / 2),
    ...lines.flatMap((l) =>
      l.segments.slice(1).flatMap((seg, i) => {
        const left = (l.segments[i] as Segment).bbox[2];
        return seg.bbox[0] - left >= RIVER_EM * size ? [(left + seg.bbox[0]) / 2] : [];
      }),
    ),
  ];
  const tried = new Set<number>();
  for (const x of candidates) {
    const key = Math.round(x);
    if (tried.has(key)) continue;
    tried.add(key);
    let from = 0;
    while (from < lines.length) {
      if (freeAround(lines[from] as SegmentLine, x) === null) {
        from++;
        continue;
      }
      let to = from;
      let lo = Number.NEGATIVE_INFINITY;
      let hi = Number.POSITIVE_INFINITY;
      while (to < lines.length) {
        const free = freeAround(lines[to] as SegmentLine, x);
        if (free === null) break;
        lo = Math.max(lo, free[0]);
        hi = Math.min(hi, free[1]);
        to++;
      }
      const run = lines.slice(from, to);
      const mid = (Math.max(lo, Math.min(...run.map((l) => l.bbox[0]))) + Math.min(hi, Math.max(...run.map((l) => l.bbox[2])))) / 2;
      // Followed again down its middle, the river may reach further up and down.
      let top = from;
      while (top > 0 && freeAround(lines[top - 1] as SegmentLine, mid) !== null) top--;
      let bottom = to - 1;
      while (bottom < lines.length - 1 && freeAround(lines[bottom + 1] as SegmentLine, mid) !== null) bottom++;
      const part = lines.slice(top, bottom + 1);
      const river: River = { x: mid, from: top, to: bottom };
      // A river beside some lines only is ended by running text across it (paragraphs above and
      // below a sidebar), not by a table row.
      const endsWell = (i: number): boolean => i < 0 || i >= lines.length || isProseLine(lines[i] as SegmentLine);
      const ok = endsWell(top - 1) && endsWell(bottom + 1) && part.length >= MIN_RIVER_LINES && hi - lo >= RIVER_EM * size;
      const left = sideOfRiver(part, mid, 'left');
      const right = sideOfRiver(part, mid, 'right');
      // One side is a column of running text (a paragraph, a sidebar); the other may be anything.
      const textColumn = (side: SegmentLine[]): boolean => isTextColumn(side, size) && hasProse(side);
      const column = left.length >= MIN_RIVER_LINES && right.length >= MIN_RIVER_LINES && (textColumn(left) || textColumn(right));
      if (ok && column && !rowsRunAcross(part, mid)) return river;
      from = Math.max(to, bottom + 1);
    }
  }
  return null;
}

/** A run of lines → blocks: the lines above and below a river, and its two sides (left, then right), until no river is left. */
export function splitAtRivers(lines: readonly SegmentLine[]): SegmentLine[][] {
  const river = findRiver(lines);
  if (!river) return [[...lines]];
  const part = lines.slice(river.from, river.to + 1);
  const blocks = [lines.slice(0, river.from), sideOfRiver(part, river.x, 'left'), sideOfRiver(part, river.x, 'right'), lines.slice(river.to + 1)];
  return blocks.filter((b) => b.length > 0).flatMap(splitAtRivers);
}
