/**
 * Box geometry on `BBox` ([x0, y0, x1, y1], PDF points, top-left origin). Pure helpers in the
 * spirit of pdfplumber's utils/geometry.py.
 */
import type { BBox } from './model.js';

export function bboxWidth(b: BBox): number {
  return b[2] - b[0];
}

export function bboxHeight(b: BBox): number {
  return b[3] - b[1];
}

export function bboxCenter(b: BBox): [number, number] {
  return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}

/** The smallest box holding every box given (null for none). */
export function bboxUnion(boxes: readonly BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  let [x0, y0, x1, y1] = boxes[0] as BBox;
  for (const b of boxes) {
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]);
    y1 = Math.max(y1, b[3]);
  }
  return [x0, y0, x1, y1];
}

/** The overlap of two boxes, or null when they do not overlap. */
export function bboxIntersection(a: BBox, b: BBox): BBox | null {
  const x0 = Math.max(a[0], b[0]);
  const y0 = Math.max(a[1], b[1]);
  const x1 = Math.min(a[2], b[2]);
  const y1 = Math.min(a[3], b[3]);
  return x0 < x1 && y0 < y1 ? [x0, y0, x1, y1] : null;
}

/** True when the point lies inside the box, grown by `tolerance` on every side. */
export function bboxContainsPoint(b: BBox, x: number, y: number, tolerance = 0): boolean {
  return x >= b[0] - tolerance && x <= b[2] + tolerance && y >= b[1] - tolerance && y <= b[3] + tolerance;
}

/** True when the centre of `inner` lies inside `outer`: how a glyph is given to a cell. */
export function bboxContainsCenter(outer: BBox, inner: BBox, tolerance = 0): boolean {
  const [cx, cy] = bboxCenter(inner);
  return bboxContainsPoint(outer, cx, cy, tolerance);
}

/** Overlap area over the smaller box's area (0 … 1). */
export function bboxOverlapRatio(a: BBox, b: BBox): number {
  const i = bboxIntersection(a, b);
  if (!i) return 0;
  const area = (x: BBox): number => Math.max(0, bboxWidth(x)) * Math.max(0, bboxHeight(x));
  const smaller = Math.min(area(a), area(b));
  return smaller > 0 ? area(i) / smaller : 0;
}

/** Overlap of two 1-D intervals, as a length (0 when disjoint). */
export function intervalOverlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Round every coordinate to 2 decimals: stable output, no float noise. */
export function roundBBox(b: BBox): BBox {
  const r = (v: number): number => Math.round(v * 100) / 100;
  return [r(b[0]), r(b[1]), r(b[2]), r(b[3])];
}
