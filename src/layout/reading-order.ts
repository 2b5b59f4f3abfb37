/**
 * Reading order of blocks on a page by recursive XY-cut: a page is cut across where a horizontal
 * band of white space runs the full width (top part first), else down where a vertical band runs
 * the full height (left part first), and each part is cut again. A horizontal cut must be at least
 * `minGapY` tall (more than the space between the lines of a paragraph), a vertical one at least
 * `minGapX` wide (a column gutter), so that a two-column page is read column by column while the
 * blocks above and below the columns keep their place.
 */
import type { BBox } from './model.js';

export interface CutOptions {
  /** Least height of a horizontal cut, points. */
  minGapY: number;
  /** Least width of a vertical cut, points. */
  minGapX: number;
}

/** Positions where the intervals (by index) leave a gap of at least `min`: the index lists on each side, in order. */
function cutAlong(indexes: readonly number[], start: (i: number) => number, end: (i: number) => number, min: number): number[][] | null {
  const sorted = [...indexes].sort((a, b) => start(a) - start(b) || end(a) - end(b));
  const parts: number[][] = [];
  let current: number[] = [];
  let reach = Number.NEGATIVE_INFINITY;
  for (const i of sorted) {
    if (current.length > 0 && start(i) - reach >= min) {
      parts.push(current);
      current = [];
    }
    current.push(i);
    reach = Math.max(reach, end(i));
  }
  if (current.length > 0) parts.push(current);
  return parts.length > 1 ? parts : null;
}

function order(boxes: readonly BBox[], indexes: readonly number[], options: CutOptions, out: number[]): void {
  if (indexes.length <= 1) {
    out.push(...indexes);
    return;
  }
  const byY = cutAlong(indexes, (i) => (boxes[i] as BBox)[1], (i) => (boxes[i] as BBox)[3], options.minGapY);
  const parts = byY ?? cutAlong(indexes, (i) => (boxes[i] as BBox)[0], (i) => (boxes[i] as BBox)[2], options.minGapX);
  if (!parts) {
    // No cut: top to bottom, then left to right.
    out.push(...[...indexes].sort((a, b) => (boxes[a] as BBox)[1] - (boxes[b] as BBox)[1] || (boxes[a] as BBox)[0] - (boxes[b] as BBox)[0]));
    return;
  }
  for (const part of parts) order(boxes, part, options, out);
}

/** The indexes of `boxes` in reading order. */
export function readingOrder(boxes: readonly BBox[], options: CutOptions): number[] {
  const out: number[] = [];
  order(boxes, boxes.map((_, i) => i), options, out);
  return out;
}
