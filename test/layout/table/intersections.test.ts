import { describe, expect, it } from 'vitest';
import { makeEdge } from '../../../src/layout/table/edges.js';
import { edgesToIntersections } from '../../../src/layout/table/intersections.js';

const h = (y: number, x0: number, x1: number) => makeEdge('h', y, x0, x1);
const v = (x: number, y0: number, y1: number) => makeEdge('v', x, y0, y1);

describe('edgesToIntersections', () => {
  it('finds every crossing of a 2 × 2 grid, sorted top to bottom, left to right', () => {
    const edges = [h(0, 0, 20), h(10, 0, 20), h(20, 0, 20), v(0, 0, 20), v(10, 0, 20), v(20, 0, 20)];
    const points = edgesToIntersections(edges, 1);
    expect(points.map((p) => [p.x, p.y])).toEqual([
      [0, 0], [10, 0], [20, 0],
      [0, 10], [10, 10], [20, 10],
      [0, 20], [10, 20], [20, 20],
    ]);
    // The centre point lies on the middle rules only.
    expect(points[4]).toMatchObject({ h: [1], v: [4] });
  });

  it('lets a rule drawn a hair short still meet the border, within the tolerance only', () => {
    const edges = [h(20, 0, 100), v(50, 0, 18.5), v(70, 0, 15)];
    const points = edgesToIntersections(edges, 2);
    expect(points.map((p) => [p.x, p.y])).toEqual([[50, 20]]);
  });

  it('does not cross rules that miss each other', () => {
    expect(edgesToIntersections([h(10, 0, 40), v(60, 0, 20)], 3)).toEqual([]);
  });
});
