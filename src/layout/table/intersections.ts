/**
 * Second lattice stage: where horizontal and vertical rules cross (pdfplumber
 * edges_to_intersections). Each intersection remembers which rules pass through it, so that the
 * next stage can tell whether two corners are joined by one rule.
 */
import type { Edge } from './edges.js';

export interface Intersection {
  /** PDF points, top-left origin (the vertical rule's x, the horizontal rule's y). */
  x: number;
  y: number;
  /** Indexes (into the edges given) of the horizontal rules through this point. */
  h: number[];
  /** Indexes of the vertical rules through this point. */
  v: number[];
}

export function pointKey(x: number, y: number): string {
  return `${x.toFixed(2)},${y.toFixed(2)}`;
}

/**
 * Every crossing of a vertical and a horizontal edge, allowing `tolerance` points of overshoot or
 * shortfall at the ends (rules drawn a hair short of the border still meet it).
 */
export function edgesToIntersections(edges: readonly Edge[], tolerance: number): Intersection[] {
  const points = new Map<string, Intersection>();
  const hs: number[] = [];
  const vs: number[] = [];
  edges.forEach((e, i) => (e.orientation === 'h' ? hs : vs).push(i));
  // Sorting verticals by x lets each horizontal visit only those within its span.
  vs.sort((a, b) => (edges[a] as Edge).x0 - (edges[b] as Edge).x0);
  for (const hi of hs) {
    const h = edges[hi] as Edge;
    for (const vi of vs) {
      const v = edges[vi] as Edge;
      if (v.x0 < h.x0 - tolerance) continue;
      if (v.x0 > h.x1 + tolerance) break;
      if (v.y0 > h.y0 + tolerance || v.y1 < h.y0 - tolerance) continue;
      const key = pointKey(v.x0, h.y0);
      const point = points.get(key);
      if (point) {
        if (!point.h.includes(hi)) point.h.push(hi);
        if (!point.v.includes(vi)) point.v.push(vi);
      } else {
        points.set(key, { x: v.x0, y: h.y0, h: [hi], v: [vi] });
      }
    }
  }
  return [...points.values()].sort((a, b) => a.y - b.y || a.x - b.x);
}
