import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { linesOf, readPath, tablesOf } from '../helpers/layout.js';
import type { Cell, Table } from '../../src/layout/model.js';
import { docxReader } from '../../src/readers/docx/index.js';
import { htmlReader } from '../../src/readers/html/index.js';
import { detectFormat } from '../../src/readers/index.js';

const read = readPath;
const tables = tablesOf;
const lines = linesOf;

function cellAt(table: Table, row: number, col: number): Cell {
  const cell = table.cells.find((c) => c.row === row && c.col === col);
  if (!cell) throw new Error(`no cell at ${row},${col} in ${table.ref}`);
  return cell;
}

function findCell(table: Table, text: string): Cell {
  const cell = table.cells.find((c) => c.text === text);
  if (!cell) throw new Error(`no cell "${text}" in ${table.ref}`);
  return cell;
}

describe('docx reader on zengcheng-2022-table.docx', () => {
  it('reads the title, producer and the block order: heading line, then three tables', async () => {
    const doc = await read('samples/zengcheng-2022-table.docx');
    expect(doc.format).toBe('docx');
    expect(doc.title).toBe('2022年度广州市增城区科技工业商务和信息化局(增城开发区工业商务和信息化局)部门整体支出绩效自评表');
    expect(doc.producer).toBe('LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2 15.0000');
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]).toMatchObject({ number: null, width: null, height: null });
    expect(doc.pages[0]!.blocks.map((b) => (b.type === 'line' ? b.line.ref : b.table.ref))).toEqual(['paragraph 1', 'table 1', 'table 2', 'table 3']);
  });

  it('spans 管理效率 (一级指标) over 23 rows with a vMerge restart and 22 continue cells', async () => {
    const grid = tables(await read('samples/zengcheng-2022-table.docx'))[2]!;
    expect(grid).toMatchObject({ rowCount: 31, colCount: 10, ref: 'table 3' });
    const cell = findCell(grid, '管理效率');
    expect(cell).toMatchObject({ row: 6, col: 0, rowSpan: 23, colSpan: 1, ref: 'table 3 row 7 cell 1', page: null, bbox: null });
    expect(cellAt(grid, 6, 1)).toMatchObject({ text: '50', rowSpan: 23 });
    expect(findCell(grid, '履职效能')).toMatchObject({ row: 1, rowSpan: 5 });
    // The row after the merge starts: its first cells are continue cells, so the 二级指标 is its first cell.
    expect(cellAt(grid, 7, 2)).toMatchObject({ text: '预算执行', rowSpan: 2, ref: 'table 3 row 8 cell 3' });
  });

  it('reads gridSpan header cells and the repeated header row (w:tblHeader)', async () => {
    const [basic, budget, grid] = tables(await read('samples/zengcheng-2022-table.docx'));
    expect(cellAt(basic!, 0, 0)).toMatchObject({ text: '部门基本情况', colSpan: 6 });
    expect(cellAt(budget!, 0, 2)).toMatchObject({ text: '部门预算', colSpan: 2 });
    expect(cellAt(budget!, 0, 0)).toMatchObject({ text: '部门整体支出预算（万元）', rowSpan: 3 });
    expect(cellAt(budget!, 2, 1).text).toBe('91,470.79');
    const header = grid!.cells.filter((c) => c.row === 0);
    expect(header.map((c) => c.text)).toEqual(['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '指标解释', '得分/自评分', '未达标原因', '改进措施']);
    expect(header.every((c) => c.header === true)).toBe(true);
    expect(grid!.cells.filter((c) => c.header).length).toBe(10);
    expect(cellAt(grid!, 1, 7)).toMatchObject({ text: '6.28', ref: 'table 3 row 2 cell 8' });
  });
});

describe('docx reader on the other corpus files', () => {
  it('liwan-2023-table: 管理效率 spans 23 rows too, and 新增预算项目事前绩效评估 has an empty score', async () => {
    const grid = tables(await read('samples/liwan-2023-table.docx'))[1]!;
    expect(findCell(grid, '管理效率')).toMatchObject({ row: 4, col: 0, rowSpan: 23 });
    const row = findCell(grid, '新增预算项目事前绩效评估').row;
    expect(cellAt(grid, row, 5).text).toBe('3');
    expect(cellAt(grid, row, 6).text).toBe('');
    expect(cellAt(grid, row, 7).text).toBe('2023年度无新增项目');
  });

  it('reads report prose as one line per paragraph', async () => {
    const doc = await read('samples/baiyun-2023-report.docx');
    expect(tables(doc)).toHaveLength(0);
    const all = lines(doc);
    expect(all).toHaveLength(139);
    expect(all.some((l) => l.text.includes('全区外贸进出口增长'))).toBe(true);
    expect(all[0]!.ref).toBe('paragraph 1');
  });

  it.each(['zengcheng-2022-table', 'liwan-2023-table', 'zengcheng-2022-report', 'baiyun-2023-report', 'panyu-2024-table-explanation'])(
    '%s.docx gives the same tables (texts, spans) and lines as its HTML twin',
    async (name) => {
      const docx = await read(`samples/${name}.docx`);
      const html = await htmlReader.read(new Uint8Array(await readFile(`samples/${name}.html`)));
      const shape = (t: Table): string[] => t.cells.map((c) => `${c.row},${c.col} ${c.rowSpan}x${c.colSpan} ${c.text}`);
      expect(tables(docx).map(shape)).toEqual(tables(html).map(shape));
      expect(lines(docx).map((l) => l.text)).toEqual(lines(html).map((l) => l.text));
    },
  );
});

describe('docx reader on hand-written WordprocessingML (test/fixtures/office/features.docx)', () => {
  it('keeps inserted text, drops deleted text, keeps tabs, splits lines at w:br, counts empty paragraphs', async () => {
    const doc = await read('test/fixtures/office/features.docx');
    expect(doc.title).toBe('特性 & 样例');
    expect(doc.producer).toBe('Microsoft Office Word 16.0000');
    const all = lines(doc);
    expect(all.map((l) => [l.ref, l.text])).toEqual([
      ['paragraph 1', '一、部门概况'],
      ['paragraph 2', '保留 插入的文字\t91.41'],
      ['paragraph 2', '第二行'],
      ['paragraph 4', '☑优☐良'],
      ['paragraph 5', '内容控件中的段落'],
      ['paragraph 6', '7'],
      ['paragraph 7', '工作目标'],
    ]);
    // Look-alike Kangxi radicals are normalised once, here, and the text as found is kept.
    expect(all[6]!.raw).toBe('\u2F2F作\u2F6C标');
    expect(all[0]!.raw).toBeUndefined();
    const text = JSON.stringify(doc);
    for (const absent of ['删除的文字', '第 1 页', '脚注文字', '批注文字', 'PAGE']) expect(text).not.toContain(absent);
  });

  it('honours gridBefore, vMerge without a val, hMerge, and emits a nested table after its parent', async () => {
    const doc = await read('test/fixtures/office/features.docx');
    const [outer, inner] = tables(doc);
    expect(outer).toMatchObject({ ref: 'table 1', rowCount: 4, colCount: 4 });
    expect(outer!.cells.filter((c) => c.row === 3).map((c) => `${c.col} ${c.colSpan} ${c.text}`)).toEqual(['0 2 合计', '2 1 8', '3 1 7.5']);
    expect(cellAt(outer!, 0, 0)).toMatchObject({ text: '指标', colSpan: 2, header: true });
    expect(cellAt(outer!, 1, 1)).toMatchObject({ text: '预算执行', rowSpan: 2, ref: 'table 1 row 2 cell 1' });
    expect(outer!.cells.some((c) => c.col === 0 && c.row > 0 && c.row < 3)).toBe(false);
    expect(cellAt(outer!, 2, 3)).toMatchObject({ text: '含嵌套表', ref: 'table 1 row 3 cell 3' });
    expect(cellAt(outer!, 1, 2).header).toBeUndefined();
    expect(inner).toMatchObject({ ref: 'table 2', rowCount: 1, colCount: 2 });
    expect(inner!.cells.map((c) => c.text)).toEqual(['内1', '内2']);
    const refs = doc.pages[0]!.blocks.map((b) => (b.type === 'line' ? b.line.ref : b.table.ref));
    expect(refs.indexOf('table 2')).toBe(refs.indexOf('table 1') + 1);
  });

  it('writes automatic list labels (numbering.xml) in front of their paragraphs, as LibreOffice renders them', async () => {
    const doc = await read('test/fixtures/office/numbered.docx');
    // The labels are those of `soffice --convert-to txt` on the same file (which also prints hidden text).
    expect(lines(doc).map((l) => l.text)).toEqual([
      '一、部门概况', '（一）部门职能', '（二）机构设置', '1.人员情况', '2.资产情况', '(1)房屋', '①车辆', '二、预算情况',
      '（一）收入', '（二）支出', '（三）结余', '不编号的段落', '取消编号', '三、绩效情况', '一、重新编号', '•要点', '二、可见文字',
    ]);
  });

  it('is detected by its bytes (zip + word/document.xml) even without an extension', async () => {
    const bytes = new Uint8Array(await readFile('samples/zengcheng-2022-table.docx'));
    expect(docxReader.sniff(bytes)).toBe(true);
    expect(docxReader.sniff(new Uint8Array(await readFile('samples/liwan-2023-table.xlsx')))).toBe(false);
    expect(await detectFormat(bytes, 'download')).toBe('docx');
  });
});

describe('list number formats', () => {
  it.each([
    [1, 'chineseCounting', '一'],
    [10, 'chineseCounting', '十'],
    [12, 'chineseCounting', '十二'],
    [20, 'chineseCountingThousand', '二十'],
    [105, 'chineseCounting', '一百零五'],
    [3, 'chineseLegalSimplified', '叁'],
    [2, 'ideographTraditional', '乙'],
    [23, 'decimalEnclosedCircle', '㉓'],
    [4, 'upperRoman', 'IV'],
    [28, 'lowerLetter', 'bb'],
    [7, 'decimalZero', '07'],
  ])('%s as %s → %s', async (n, format, expected) => {
    const { formatListNumber } = await import('../../src/readers/docx/numbering.js');
    expect(formatListNumber(n, format)).toBe(expected);
  });
});
