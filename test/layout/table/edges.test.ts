import { describe, expect, it } from 'vitest';
import { isRuledAcross, joinEdges, makeEdge, mergeEdges, openEndsToEdges, snapEdges } from '../../../src/layout/table/edges.js';

const h = (y: number, x0: number, x1: number) => makeEdge('h', y, x0, x1);
const v = (x: number, y0: number, y1: number) => makeEdge('v', x, y0, y1);

describe('snapEdges', () => {
  it('moves rules within the tolerance to their mean position, per orientation', () => {
    const out = snapEdges([h(10, 0, 50), h(11.5, 60, 100), h(30, 0, 100), v(10.5, 0, 30)], 3);
    const ys = out.filter((e) => e.orientation === 'h').map((e) => e.y0).sort((a, b) => a - b);
    expect(ys).toEqual([10.75, 10.75, 30]);
    expect(out.find((e) => e.orientation === 'v')).toEqual(v(10.5, 0, 30));
  });
});

describe('joinEdges', () => {
  it('joins touching and overlapping pieces of one rule and keeps separate runs apart', () => {
    const out = joinEdges([h(10, 51, 100), h(10, 0, 50), h(10, 200, 250), h(10, 90, 120)], 3);
    expect(out.map((e) => [e.x0, e.x1])).toEqual([[0, 120], [200, 250]]);
  });

  it('works the same way for vertical rules', () => {
    const out = joinEdges([v(5, 0, 40), v(5, 42, 80), v(6, 0, 80)], 3);
    expect(out).toHaveLength(2);
    expect(out.find((e) => e.x0 === 5)).toEqual(v(5, 0, 80));
  });
});

describe('mergeEdges', () => {
  it('snaps, joins and drops rules shorter than the minimum', () => {
    // Chromium draws each cell side as its own 1-pt rectangle, slightly offset.
    const out = mergeEdges([h(100.1, 40, 93), h(99.9, 93, 801), h(300, 10, 12), v(40, 100, 300)], {
      snapTolerance: 3,
      joinTolerance: 3,
      edgeMinLength: 3,
    });
    expect(out.filter((e) => e.orientation === 'h')).toEqual([h(100, 40, 801)]);
    expect(out).toHaveLength(2);
  });
});

describe('isRuledAcross', () => {
  it('measures how much of a span the horizontal rules cover', () => {
    const edges = [h(50, 0, 30), h(50, 60, 100)];
    expect(isRuledAcross(edges, 50, 0, 100, 1)).toBe(true); // 70% covered
    expect(isRuledAcross(edges, 50, 30, 60, 1)).toBe(false); // the gap
    expect(isRuledAcross(edges, 52, 0, 30, 1)).toBe(false); // other height
  });
});

describe('openEndsToEdges', () => {
  it('closes a table whose first column has no bottom rule (a cell going on across the page break)', () => {
    const edges = [h(0, 0, 100), h(100, 50, 100), v(0, 0, 100), v(50, 0, 100), v(100, 0, 100)];
    expect(openEndsToEdges(edges, 2)).toEqual([h(100, 0, 100)]);
  });

  it('adds nothing to a closed table', () => {
    const edges = [h(0, 0, 100), h(100, 0, 100), v(0, 0, 100), v(100, 0, 100)];
    expect(openEndsToEdges(edges, 2)).toEqual([]);
  });
});
