/**
 * Stream tables: text columns side by side. A page set in two columns, or a table with a column
 * of running text beside it (a sidebar), gives lines whose words lie on both sides of a wide
 * vertical gap that no line crosses (a "river"). When both sides hold running text (paragraphs)
 * and the two sides do not share baselines (their lines are laid out independently), the sides
 * are separate blocks and are looked at one at a time. Cells of one table row share a baseline,
 * so a table with long text in some columns is not split.
 */
import { bboxUnion } from '../bbox.js';
import type { BBox } from '../model.js';
import { median, type Segment, type SegmentLine } from './stream-lines.js';

/** A gap between text at least this many font sizes wide may separate two text columns. */
const RIVER_EM = 1.5;
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

/** Free x-ranges at least `min` wide between the segments of the lines. */
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

/** The x of a river splitting the lines into two text columns, or null. */
export function findRiver(lines: readonly SegmentLine[]): number | null {
  if (lines.length < 2) return null;
  const size = median(lines.map((l) => l.fontSize));
  const gaps = coverageGaps(lines, RIVER_EM * size).sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
  for (const [g0, g1] of gaps) {
    const x = (g0 + g1) / 2;
    if (!hasProse(sideOfRiver(lines, x, 'left')) || !hasProse(sideOfRiver(lines, x, 'right'))) continue;
    if (rowsRunAcross(lines, x)) continue;
    return x;
  }
  return null;
}

/** A run of lines → its text columns (left to right), split at rivers until none is left. */
export function splitAtRivers(lines: readonly SegmentLine[]): SegmentLine[][] {
  const x = findRiver(lines);
  if (x === null) return [[...lines]];
  return [...splitAtRivers(sideOfRiver(lines, x, 'left')), ...splitAtRivers(sideOfRiver(lines, x, 'right'))];
}
