/**
 * Third lattice stage: the smallest closed rectangles whose four corners are intersections joined
 * by rules (pdfplumber intersections_to_cells). A merged cell comes out as one larger rectangle,
 * because the inner rule that would split it is missing.
 */
import type { BBox } from '../model.js';
import { pointKey, type Intersection } from './intersections.js';

function shares(a: readonly number[], b: readonly number[]): boolean {
  return a.some((i) => b.includes(i));
}

/** True when one rule runs from `a` to `b` (same x: a vertical rule; same y: a horizontal one). */
function connected(a: Intersection, b: Intersection): boolean {
  if (a.x === b.x && shares(a.v, b.v)) return true;
  if (a.y === b.y && shares(a.h, b.h)) return true;
  return false;
}

export function intersectionsToCells(intersections: readonly Intersection[]): BBox[] {
  const byKey = new Map<string, Intersection>();
  const byX = new Map<number, Intersection[]>();
  const byY = new Map<number, Intersection[]>();
  for (const p of intersections) {
    byKey.set(pointKey(p.x, p.y), p);
    (byX.get(p.x) ?? byX.set(p.x, []).get(p.x))?.push(p);
    (byY.get(p.y) ?? byY.set(p.y, []).get(p.y))?.push(p);
  }
  for (const list of byX.values()) list.sort((a, b) => a.y - b.y);
  for (const list of byY.values()) list.sort((a, b) => a.x - b.x);

  const cells: BBox[] = [];
  for (const p of intersections) {
    const below = (byX.get(p.x) ?? []).filter((q) => q.y > p.y);
    const right = (byY.get(p.y) ?? []).filter((q) => q.x > p.x);
    let found = false;
    for (const b of below) {
      if (!connected(p, b)) continue;
      for (const r of right) {
        if (!connected(p, r)) continue;
        const corner = byKey.get(pointKey(r.x, b.y));
        if (corner && connected(corner, r) && connected(corner, b)) {
          cells.push([p.x, p.y, corner.x, corner.y]);
          found = true;
          break;
        }
      }
      if (found) break;
    }
  }
  return cells;
}
