import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../../src/layout/lines.js';
import type { BBox } from '../../../src/layout/model.js';
import { makeEdge, openSidesToEdges, type Edge } from '../../../src/layout/table/edges.js';
import { cellsToGrid, type GridTable } from '../../../src/layout/table/grid.js';
import { findTables } from '../../../src/layout/table/index.js';
import { gridsToStripeEdges } from '../../../src/layout/table/lattice-extend.js';
import { refineGridByText, rowSplits, textColumnBounds } from '../../../src/layout/table/lattice-text.js';
import { isGraphicWord, isTextGrid, ticksToGraphics } from '../../../src/layout/table/lattice.js';
import { tableToRows } from '../../../src/output/tables.js';

const h = (y: number, x0: number, x1: number): Edge => makeEdge('h', y, x0, x1);
const v = (x: number, y0: number, y1: number): Edge => makeEdge('v', x, y0, y1);

/** A word with its top-left corner at (x, y), 0.5 em per character, 10 pt. */
function word(text: string, x: number, y: number, size = 10): TextRun {
  return { text, bbox: [x, y, x + text.length * size * 0.5, y + size], fontSize: size };
}

const sorted = (edges: Edge[]): Edge[] => [...edges].sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0);

const rowsOf = (words: TextRun[], edges: Edge[]): string[][][] => findTables({ width: 600, height: 800, words, edges }).map(tableToRows);

describe('openSidesToEdges', () => {
  it('closes a grid whose row rules run past its outermost column rules', () => {
    // Rules between rows from x 0 to 300; column rules only at 100 and 200.
    const edges = [h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), v(100, 0, 40), v(200, 0, 40)];
    expect(openSidesToEdges(edges, 3)).toEqual([v(0, 0, 40), v(300, 0, 40)]);
  });

  it('does not join two tables one above the other, nor close a stack of separators', () => {
    const twoTables = [h(0, 0, 300), h(20, 0, 300), v(100, 0, 20), h(200, 0, 300), h(220, 0, 300), v(100, 200, 220)];
    expect(sorted(openSidesToEdges(twoTables, 3))).toEqual(sorted([v(0, 0, 20), v(300, 0, 20), v(0, 200, 220), v(300, 200, 220)]));
    expect(openSidesToEdges([h(0, 0, 300), h(20, 0, 300), h(40, 0, 300)], 3)).toEqual([]);
  });

  it('lets a table without left and right borders keep its outer columns', () => {
    const edges = [h(100, 50, 350), h(120, 50, 350), h(140, 50, 350), v(150, 100, 140), v(250, 100, 140)];
    const words = [word('Branch', 55, 105), word('Loans', 155, 105), word('Hours', 255, 105), word('Central', 55, 125), word('182', 155, 125), word('9-20', 255, 125)];
    expect(rowsOf(words, edges)).toEqual([
      [
        ['Branch', 'Loans', 'Hours'],
        ['Central', '182', '9-20'],
      ],
    ]);
  });
});

describe('gridsToStripeEdges', () => {
  // A header ruled in columns (x 0, 100, 200, 300), then row rules only.
  const header = cellsToGrid([
    [0, 0, 100, 20],
    [100, 0, 200, 20],
    [200, 0, 300, 20],
  ]);
  const rules = [h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), h(60, 0, 300)];

  it('carries the column rules through ruled stripes whose words sit in the columns', () => {
    const words = [word('a', 10, 25), word('1', 110, 25), word('2', 210, 25), word('b', 10, 45), word('3', 110, 45), word('4', 210, 45)];
    expect(sorted(gridsToStripeEdges([header], rules, words))).toEqual(sorted([0, 100, 200, 300].flatMap((x) => [v(x, 20, 40), v(x, 40, 60)])));
  });

  it('stops at a stripe with a word across a column boundary, and carries only the sides through a section heading', () => {
    const words = [word('Section', 10, 25), word('a note that runs across the columns', 10, 45)];
    expect(gridsToStripeEdges([header], rules, words)).toEqual([v(0, 20, 40), v(300, 20, 40)]);
  });
});

describe('refineGridByText', () => {
  const grid = (boxes: BBox[]): GridTable => cellsToGrid(boxes);

  it('gives a frame without column rules the columns of its text', () => {
    // Frame [0,0,300,60], a rule under the header at y 20.
    const frame = grid([
      [0, 0, 300, 20],
      [0, 20, 300, 70],
    ]);
    const words = [
      word('Grade', 5, 5), word('Full', 150, 5), word('Part', 250, 5),
      word('Librarian', 5, 24), word('14', 150, 24), word('6', 250, 24),
      word('Driver', 5, 38), word('3', 150, 38), word('1', 250, 38),
      word('Manager', 5, 52), word('6', 150, 52), word('0', 250, 52),
    ];
    expect(textColumnBounds(frame, words)).toHaveLength(2);
    const refined = refineGridByText(frame, words);
    expect([refined.rowBounds.length - 1, refined.colBounds.length - 1]).toEqual([4, 3]);
  });

  it('splits a column-ruled band into one row per line, a line with one cell continuing the row above', () => {
    const columns = grid([
      [0, 0, 100, 20],
      [100, 0, 200, 20],
      [0, 20, 100, 100],
      [100, 20, 200, 100],
    ]);
    const words = [
      word('Road', 5, 5), word('Cost', 105, 5),
      word('A61', 5, 25), word('1,480', 105, 25),
      word('A629', 5, 37), word('920', 105, 37),
      word('B6144', 5, 49), word('610', 105, 49),
      word('and more', 5, 61),
    ];
    expect(rowSplits(columns, words)).toHaveLength(2);
    const refined = refineGridByText(columns, words);
    expect(refined.rowBounds.length - 1).toBe(4);
  });

  it('keeps a ruled table whose long cells wrap as it is', () => {
    const ruled = grid([
      [0, 0, 100, 50],
      [100, 0, 300, 50],
      [0, 50, 100, 100],
      [100, 50, 300, 100],
    ]);
    const words = [word('Name', 5, 5), word('a long text that', 105, 5), word('wraps onto', 105, 17), word('three lines', 105, 29), word('Other', 5, 55), word('more text here', 105, 55)];
    expect(refineGridByText(ruled, words)).toBe(ruled);
  });
});

describe('isTextGrid and ticksToGraphics', () => {
  it('takes a chart grid with a few labels in many cells for a graphic, not a table', () => {
    const boxes: BBox[] = [];
    for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) boxes.push([c * 50, r * 40, c * 50 + 50, r * 40 + 40]);
    const chart = cellsToGrid(boxes);
    expect(isTextGrid(chart, [word('40.1', 10, 10), word('46.2', 60, 50)])).toBe(false);
    expect(isTextGrid(cellsToGrid(boxes.slice(0, 4)), [word('a', 10, 10), word('b', 60, 10), word('c', 110, 10)])).toBe(true);
  });

  it('finds a chart by the numbers printed at the ends of its gridlines, and its labels near it', () => {
    const gridlines = [h(20, 60, 460), h(65, 60, 460), h(110, 60, 460), h(155, 60, 460), h(200, 60, 460), v(60, 20, 200)];
    // Tick labels right-aligned just left of the axis, centred on their gridlines.
    const ticks = ['80', '60', '40', '20', '0'].map((t, i) => word(t, 52 - t.length * 5, 15 + i * 45));
    const areas = ticksToGraphics(gridlines, ticks);
    expect(areas).toHaveLength(1);
    expect(isGraphicWord(word('Schools', 110, 205), areas)).toBe(true);
    expect(isGraphicWord(word('Table 3', 110, 260), areas)).toBe(false);
    // Numbers between rules (a table's cells) are no ticks.
    expect(ticksToGraphics(gridlines, ['1', '2', '3'].map((t, i) => word(t, 30, 35 + i * 45)))).toEqual([]);
  });

  it('reports no table for a bar chart drawn with gridlines, bar outlines and a legend', () => {
    const edges = [h(20, 60, 460), h(110, 60, 460), h(200, 60, 460), v(60, 20, 200), v(80, 110, 200), v(110, 110, 200), h(110, 80, 110), v(200, 60, 200), v(230, 60, 200), h(60, 200, 230)];
    const words = [word('100', 35, 15), word('50', 40, 105), word('0', 45, 195), word('40.1', 85, 100), word('72.0', 205, 50), word('Roads', 80, 205), word('Schools', 195, 205)];
    expect(rowsOf(words, edges)).toEqual([]);
  });
});
