import { describe, expect, it } from 'vitest';
import type { BBox } from '../../../src/layout/model.js';
import { makeEdge } from '../../../src/layout/table/edges.js';
import { cellsToGrid, cellsToTables } from '../../../src/layout/table/grid.js';
import { findTables } from '../../../src/layout/table/index.js';

const h = (y: number, x0: number, x1: number) => makeEdge('h', y, x0, x1);
const v = (x: number, y0: number, y1: number) => makeEdge('v', x, y0, y1);

describe('cellsToGrid', () => {
  it('places a merged cell with its spans', () => {
    const grid = cellsToGrid([
      [0, 0, 10, 20],
      [10, 0, 30, 10],
      [10, 10, 20, 20],
      [20, 10, 30, 20],
    ]);
    expect(grid.rowBounds).toEqual([0, 10, 20]);
    expect(grid.colBounds).toEqual([0, 10, 20, 30]);
    expect(grid.cells.map(({ row, col, rowSpan, colSpan }) => [row, col, rowSpan, colSpan])).toEqual([
      [0, 0, 2, 1],
      [0, 1, 1, 2],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
    ]);
  });
});

describe('cellsToTables', () => {
  it('keeps tables that share no corner apart, top to bottom', () => {
    const lower: BBox[] = [[0, 100, 10, 110], [10, 100, 20, 110]];
    const upper: BBox[] = [[0, 0, 10, 10], [10, 0, 20, 10], [0, 10, 20, 20]];
    const tables = cellsToTables([...lower, ...upper]);
    expect(tables.map((t) => [t.bbox, t.cells.length])).toEqual([
      [[0, 0, 20, 20], 3],
      [[0, 100, 20, 110], 2],
    ]);
  });

  it('drops a lone cell (a box around a paragraph is not a table)', () => {
    expect(cellsToTables([[0, 0, 100, 50]])).toEqual([]);
  });
});

describe('findTables', () => {
  it('gives each word to the cell holding its centre and joins wrapped lines by script', () => {
    const edges = [h(0, 0, 200), h(30, 0, 200), h(60, 100, 200), h(90, 0, 200), v(0, 0, 90), v(100, 0, 90), v(200, 0, 90)];
    const word = (text: string, bbox: BBox) => ({ text, bbox, fontSize: 10 });
    const words = [
      word('部门整体绩效目标', [5, 5, 85, 15]),
      word('产出指标', [5, 16, 45, 26]),
      word('得分', [105, 10, 125, 20]),
      word('履职效能', [5, 50, 45, 60]),
      word('91,470.79', [105, 40, 150, 50]),
      word('Annual', [105, 65, 135, 75]),
      word('target', [105, 76, 135, 86]),
    ];
    const [table] = findTables({ width: 300, height: 200, words, edges, page: 3 }, { stream: false });
    expect(table).toBeDefined();
    expect(table?.page).toBe(3);
    expect([table?.rowCount, table?.colCount]).toEqual([3, 2]);
    expect(table?.cells.map((c) => [c.row, c.col, c.rowSpan, c.text])).toEqual([
      [0, 0, 1, '部门整体绩效目标产出指标'],
      [0, 1, 1, '得分'],
      [1, 0, 2, '履职效能'],
      [1, 1, 1, '91,470.79'],
      [2, 1, 1, 'Annual target'],
    ]);
    expect(table?.cells[0]?.lines?.map((l) => l.text)).toEqual(['部门整体绩效目标', '产出指标']);
    expect(table?.cells[2]?.bbox).toEqual([0, 30, 100, 90]);
  });
});

describe('splitTouchingTables', () => {
  it('splits two tables drawn touching where their columns have nothing in common', async () => {
    const { splitTouchingTables } = await import('../../../src/layout/table/grid.js');
    const upper: BBox[] = [[0, 0, 300, 10], [0, 10, 100, 20], [100, 10, 300, 20]];
    const lower: BBox[] = [[0, 20, 150, 30], [150, 20, 300, 30], [0, 30, 150, 40], [150, 30, 300, 40]];
    expect(splitTouchingTables([...upper, ...lower])).toEqual([upper, lower]);
  });

  it('keeps a title row of one wide cell and sub-columns under a spanning cell together', async () => {
    const { splitTouchingTables } = await import('../../../src/layout/table/grid.js');
    const cells: BBox[] = [[0, 0, 300, 10], [0, 10, 100, 20], [100, 10, 300, 20], [0, 20, 100, 30], [100, 20, 200, 30], [200, 20, 300, 30]];
    expect(splitTouchingTables(cells)).toEqual([cells]);
  });
});
