import { describe, expect, it } from 'vitest';
import type { BBox } from '../../../src/layout/model.js';
import { makeEdge, type Edge } from '../../../src/layout/table/edges.js';
import { findPageTables } from '../../../src/layout/table/index.js';
import { stitchTables, type StitchPage } from '../../../src/layout/table/stitch.js';

/** Rules of a grid with columns `xs` and rows `ys`; `missing` lists `y:column` rule pieces left out. */
function ruled(xs: number[], ys: number[], missing: string[] = []): Edge[] {
  const edges: Edge[] = [];
  ys.forEach((y) => xs.slice(1).forEach((x, i) => {
    if (!missing.includes(`${y}:${i}`)) edges.push(makeEdge('h', y, xs[i] as number, x));
  }));
  for (const x of xs) edges.push(makeEdge('v', x, ys[0] as number, ys[ys.length - 1] as number));
  return edges;
}

/** A word centred in the box [x0, y0, x1, y1]. */
function word(text: string, [x0, y0, x1, y1]: BBox) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { text, bbox: [cx - 10, cy - 5, cx + 10, cy + 5] as BBox, fontSize: 10 };
}

const XS = [0, 100, 300, 400];
const header = (y: number) => [word('一级指标', [0, y, 100, y + 20]), word('三级指标', [100, y, 300, y + 20]), word('得分', [300, y, 400, y + 20])];

function page(number: number, edges: Edge[], words: ReturnType<typeof word>[], lineBoxes: BBox[] = []): StitchPage {
  return { tables: findPageTables({ width: 420, height: 600, words, edges, page: number }, { stream: false }), lineBoxes };
}

describe('stitchTables', () => {
  // Page 1: the 一级 cell has no bottom rule (it goes on); page 2 repeats the header (Chromium).
  const page1 = page(1, ruled(XS, [400, 420, 480, 580], ['480:0', '580:0']), [
    ...header(400),
    word('履职效能', [0, 420, 100, 580]),
    word('甲', [100, 420, 300, 480]),
    word('1', [300, 420, 400, 480]),
    word('乙', [100, 480, 300, 580]),
    word('2', [300, 480, 400, 580]),
  ]);
  const page2 = page(2, ruled(XS, [40, 60, 120, 180], ['120:0']), [
    ...header(40),
    word('丙', [100, 60, 300, 120]),
    word('3', [300, 60, 400, 120]),
    word('丁', [100, 120, 300, 180]),
    word('4', [300, 120, 400, 180]),
  ]);

  it('joins a continued table into one on the first page, dropping the repeated header', () => {
    const [first, second] = stitchTables([page1, page2]);
    expect(second).toEqual([]);
    expect(first).toHaveLength(1);
    const table = first?.[0];
    expect(table?.pages).toEqual([1, 2]);
    expect(table?.rowCount).toBe(5);
    expect(table?.cells.filter((c) => c.text === '一级指标')).toHaveLength(1);
    expect(table?.cells.filter((c) => c.header).map((c) => c.text)).toEqual(['一级指标', '三级指标', '得分']);
    expect(table?.cells.find((c) => c.text === '丁')).toMatchObject({ row: 4, col: 1, page: 2 });
  });

  it('continues the merged cell cut by the page break: combined rowSpan and both parts', () => {
    const table = stitchTables([page1, page2])[0]?.[0];
    const cell = table?.cells.find((c) => c.col === 0 && c.row === 1);
    expect(cell?.text).toBe('履职效能');
    expect(cell?.rowSpan).toBe(4);
    expect(cell?.parts?.map((p) => p.page)).toEqual([1, 2]);
    expect(cell?.page).toBe(1);
  });

  it('takes the text of a cut cell from the part that holds it (the label printed on page 2 only)', () => {
    const p1 = page(1, ruled(XS, [400, 420, 580], ['580:0']), [...header(400), word('甲', [100, 420, 300, 580]), word('1', [300, 420, 400, 580])]);
    const p2 = page(2, ruled(XS, [40, 60, 180]), [...header(40), word('管理效率', [0, 60, 100, 180]), word('丙', [100, 60, 300, 180])]);
    const cell = stitchTables([p1, p2])[0]?.[0]?.cells.find((c) => c.col === 0 && c.row === 1);
    expect(cell).toMatchObject({ text: '管理效率', page: 2, rowSpan: 2, bbox: [0, 60, 100, 180] });
    expect(cell?.parts?.map((p) => p.page)).toEqual([1, 2]);
  });

  it('continues a merged cell when both parts are closed by rules but only one holds the label (LibreOffice)', () => {
    const p1 = page(1, ruled(XS, [400, 420, 480, 580], ['480:0']), [
      ...header(400),
      word('履职效能', [0, 420, 100, 580]),
      word('甲', [100, 420, 300, 480]),
      word('乙', [100, 480, 300, 580]),
    ]);
    const p2 = page(2, ruled(XS, [40, 100, 160], ['100:0']), [word('丙', [100, 40, 300, 100]), word('丁', [100, 100, 300, 160])]);
    const table = stitchTables([p1, p2])[0]?.[0];
    expect(table?.cells.find((c) => c.text === '履职效能')?.rowSpan).toBe(4);
    // Cells of other columns are not merged: 丙 keeps its own row.
    expect(table?.cells.find((c) => c.text === '丙')).toMatchObject({ row: 3, rowSpan: 1 });
    expect(table?.cells.filter((c) => c.col === 2 && c.row >= 3)).toHaveLength(2);
  });

  // No rule anywhere along the break (neither page closes or opens its part): the text decides.
  const open1 = ['580:0', '580:1', '580:2'];
  const open2 = ['40:0', '40:1', '40:2'];

  it('without any rule along the break, a new row starts on the next page; the label above an empty cell goes on', () => {
    const p1 = page(1, ruled(XS, [400, 420, 480, 580], ['480:0', ...open1]), [
      ...header(400),
      word('履职效能', [0, 420, 100, 580]),
      word('甲', [100, 420, 300, 480]),
      word('1', [300, 420, 400, 480]),
      word('乙', [100, 480, 300, 580]),
      word('2', [300, 480, 400, 580]),
    ]);
    const p2 = page(2, ruled(XS, [40, 100, 160], ['100:0', ...open2]), [word('丙', [100, 40, 300, 100]), word('3', [300, 40, 400, 100]), word('丁', [100, 100, 300, 160]), word('4', [300, 100, 400, 160])]);
    const table = stitchTables([p1, p2])[0]?.[0];
    expect(table?.rowCount).toBe(5);
    expect(table?.cells.find((c) => c.text === '履职效能')).toMatchObject({ row: 1, rowSpan: 4 });
    expect(table?.cells.find((c) => c.text === '乙')).toMatchObject({ row: 2, rowSpan: 1 });
    expect(table?.cells.find((c) => c.text === '丙')).toMatchObject({ row: 3, rowSpan: 1, page: 2 });
    expect(table?.cells.find((c) => c.text === '3')).toMatchObject({ row: 3, col: 2 });
  });

  it('without any rule along the break, a row whose sentence runs on into an otherwise empty first row is one row', () => {
    const xs = [0, 100, 200, 300, 400];
    const at = (text: string, bbox: BBox) => ({ text, bbox, fontSize: 10 });
    const p1 = page(1, ruled(xs, [400, 420, 580], ['580:0', '580:1', '580:2', '580:3']), [
      at('指标', [30, 405, 70, 415]), at('分值', [130, 405, 170, 415]), at('得分', [230, 405, 270, 415]), at('原因', [330, 405, 370, 415]),
      at('甲', [40, 425, 50, 435]), at('5', [140, 425, 145, 435]), at('3', [240, 425, 245, 435]),
      at('受降雨影响', [305, 425, 395, 435]), at('土建施工延后', [305, 566, 395, 576]),
    ]);
    const p2 = page(2, ruled(xs, [40, 60, 100], ['40:0', '40:1', '40:2', '40:3']), [
      at('，已调整工期。', [305, 44, 395, 54]),
      at('乙', [40, 70, 50, 80]), at('2', [140, 70, 145, 80]), at('2', [240, 70, 245, 80]),
    ]);
    const table = stitchTables([p1, p2])[0]?.[0];
    expect(table?.rowCount).toBe(3);
    expect(table?.cells.find((c) => c.text.startsWith('受降雨'))).toMatchObject({ row: 1, text: '受降雨影响土建施工延后，已调整工期。' });
    expect(table?.cells.find((c) => c.text === '甲')).toMatchObject({ row: 1, rowSpan: 1 });
    expect(table?.cells.find((c) => c.text === '乙')).toMatchObject({ row: 2, page: 2 });
  });

  it('recognises the repeated header written with other-width punctuation and spaces (another producer, OCR)', () => {
    const head = (y: number, texts: string[]) => texts.map((t, i) => word(t, [XS[i] as number, y, XS[i + 1] as number, y + 20]));
    const p1 = page(1, ruled(XS, [400, 420, 480, 580]), [...head(400, ['一级指标（分）', '三级指标：名称', '得分']), word('甲', [100, 420, 300, 480]), word('乙', [100, 480, 300, 580])]);
    const p2 = page(2, ruled(XS, [40, 60, 120]), [...head(40, ['一级指标 (分)', '三级指标:名称', '得 分']), word('丙', [100, 60, 300, 120])]);
    const table = stitchTables([p1, p2])[0]?.[0];
    expect(table?.rowCount).toBe(4);
    expect(table?.cells.filter((c) => c.row === 3).map((c) => c.text)).toEqual(['', '丙', '']);
    expect(table?.cells.filter((c) => c.header).map((c) => c.text)).toEqual(['一级指标（分）', '三级指标：名称', '得分']);
  });

  it('does not join tables with different columns', () => {
    const other = page(2, ruled([0, 150, 400], [40, 60, 120]), [word('其他', [0, 40, 150, 60]), word('表格', [150, 40, 400, 60])]);
    const [first, second] = stitchTables([page1, other]);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(first?.[0]?.pages).toBeUndefined();
  });

  it('does not join a table that starts low on the next page', () => {
    const low = { ...page(2, ruled(XS, [340, 360, 420]), [...header(340), word('丙', [100, 360, 300, 420])]), height: 600 };
    const [first, second] = stitchTables([{ ...page1, height: 600 }, low]);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
  });

  it('does not join across body text between the tables', () => {
    const withHeading = { ...page2, lineBoxes: [[0, 10, 200, 30] as BBox] };
    const [first, second] = stitchTables([page1, withHeading]);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
  });
});
