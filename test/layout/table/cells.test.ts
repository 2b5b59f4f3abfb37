import { describe, expect, it } from 'vitest';
import { intersectionsToCells } from '../../../src/layout/table/cells.js';
import { makeEdge, type Edge } from '../../../src/layout/table/edges.js';
import { edgesToIntersections } from '../../../src/layout/table/intersections.js';

const h = (y: number, x0: number, x1: number) => makeEdge('h', y, x0, x1);
const v = (x: number, y0: number, y1: number) => makeEdge('v', x, y0, y1);
const cellsOf = (edges: Edge[]) => intersectionsToCells(edgesToIntersections(edges, 1));

describe('intersectionsToCells', () => {
  it('finds the four cells of a fully ruled 2 × 2 grid', () => {
    const edges = [h(0, 0, 20), h(10, 0, 20), h(20, 0, 20), v(0, 0, 20), v(10, 0, 20), v(20, 0, 20)];
    expect(cellsOf(edges)).toEqual([
      [0, 0, 10, 10],
      [10, 0, 20, 10],
      [0, 10, 10, 20],
      [10, 10, 20, 20],
    ]);
  });

  it('gives one tall cell where the inner rule of the first column is missing (a merged cell)', () => {
    const edges = [h(0, 0, 20), h(10, 10, 20), h(20, 0, 20), v(0, 0, 20), v(10, 0, 20), v(20, 0, 20)];
    expect(cellsOf(edges)).toEqual([
      [0, 0, 10, 20],
      [10, 0, 20, 10],
      [10, 10, 20, 20],
    ]);
  });

  it('gives one wide cell where an inner vertical rule is missing (a column span)', () => {
    const edges = [h(0, 0, 20), h(10, 0, 20), h(20, 0, 20), v(0, 0, 20), v(10, 10, 20), v(20, 0, 20)];
    expect(cellsOf(edges)).toEqual([
      [0, 0, 20, 10],
      [0, 10, 10, 20],
      [10, 10, 20, 20],
    ]);
  });

  it('finds no cell in an open frame', () => {
    expect(cellsOf([h(0, 0, 20), v(0, 0, 20), v(20, 0, 20)])).toEqual([]);
  });
});
