import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { linesOf, readPath, tablesOf } from '../helpers/layout.js';
import type { Cell, LayoutDocument, Table } from '../../src/layout/model.js';
import { htmlReader } from '../../src/readers/html/index.js';
import { formatNumber } from '../../src/readers/xlsx/number-format.js';
import { xlsxReader } from '../../src/readers/xlsx/index.js';

const read = readPath;
const tables = tablesOf;
const lines = linesOf;

function cellByRef(table: Table, ref: string): Cell {
  const cell = table.cells.find((c) => c.ref === ref);
  if (!cell) throw new Error(`no cell ${ref}`);
  return cell;
}

describe('xlsx reader on zengcheng-2022-table.xlsx', () => {
  it('turns the leading single-cell rows into lines and the rest into one 36×22 table', async () => {
    const doc = await read('samples/zengcheng-2022-table.xlsx');
    expect(doc.format).toBe('xlsx');
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]).toMatchObject({ number: null, width: null, height: null });
    expect(lines(doc).map((l) => [l.ref, l.text])).toEqual([
      ['Sheet1!A1', '2022年度广州市增城区科技工业商务和信息化局(增城开发区工业商务和信息化局)部门整体支出绩效自评表'],
      ['Sheet1!A2', '部门基本情况'],
    ]);
    const [table] = tables(doc);
    expect(table).toMatchObject({ ref: 'Sheet1', rowCount: 36, colCount: 22, page: null, bbox: null });
  });

  it('maps mergeCells to spans: 管理效率 is A14:A36 (23 rows), 部门名称 is A3:C3', async () => {
    const [table] = tables(await read('samples/zengcheng-2022-table.xlsx'));
    expect(cellByRef(table!, 'Sheet1!A14')).toMatchObject({ text: '管理效率', row: 11, col: 0, rowSpan: 23, colSpan: 1 });
    expect(cellByRef(table!, 'Sheet1!B14')).toMatchObject({ text: '50', rowSpan: 23, colSpan: 3 });
    expect(cellByRef(table!, 'Sheet1!A3')).toMatchObject({ text: '部门名称', row: 0, col: 0, colSpan: 3 });
    // Covered positions are not cells; every other grid position is, empty or not.
    expect(table!.cells.some((c) => c.ref === 'Sheet1!A15')).toBe(false);
    const area = table!.cells.reduce((sum, c) => sum + c.rowSpan * c.colSpan, 0);
    expect(area).toBe(36 * 22);
  });

  it('shows numbers as the sheet does: these cells are General, so 91470.79 and 10 (the HTML says 91,470.79 and 10.00)', async () => {
    const [table] = tables(await read('samples/zengcheng-2022-table.xlsx'));
    expect(cellByRef(table!, 'Sheet1!C7').text).toBe('91470.79');
    expect(cellByRef(table!, 'Sheet1!P9').text).toBe('6.28');
    expect(cellByRef(table!, 'Sheet1!P10').text).toBe('10');
    expect(cellByRef(table!, 'Sheet1!P37').text).toBe('91.41');
  });
});

describe('xlsx reader on liwan-2023-table.xlsx', () => {
  it('gives the same non-empty cell texts and row spans, in reading order, as the HTML twin', async () => {
    const sequence = (doc: LayoutDocument): string[] =>
      doc.pages.flatMap((p) =>
        p.blocks.flatMap((b) =>
          b.type === 'line'
            ? [b.line.text]
            : [...b.table.cells].sort((x, y) => x.row - y.row || x.col - y.col).filter((c) => c.text !== '').map((c) => `${c.text} ×${c.rowSpan}`),
        ),
      );
    const xlsx = await read('samples/liwan-2023-table.xlsx');
    const html = await htmlReader.read(new Uint8Array(await readFile('samples/liwan-2023-table.html')));
    const got = sequence(xlsx);
    expect(got.length).toBe(210);
    expect(got).toEqual(sequence(html));
    expect(got).toContain('管理效率 ×23');
  });
});

describe('xlsx reader on hand-written SpreadsheetML (test/fixtures/office/formats.xlsx)', () => {
  it('applies number formats, drops hidden rows and columns, shrinks spans, reads every value type', async () => {
    const doc = await read('test/fixtures/office/formats.xlsx');
    expect(lines(doc).map((l) => [l.ref, l.text])).toEqual([['自评表!A1', '2022年度部门整体支出绩效自评表']]);
    const [table] = tables(doc);
    expect(table).toMatchObject({ ref: '自评表', rowCount: 6, colCount: 4 });
    const grid = table!.cells.map((c) => `${c.ref} ${c.row},${c.col} ${c.rowSpan}x${c.colSpan} ${c.text}`);
    expect(grid).toEqual([
      '自评表!A2 0,0 1x1 项目', '自评表!B2 0,1 1x1 年度预算数', '自评表!C2 0,2 1x1 执行率', '自评表!D2 0,3 1x1 得分',
      '自评表!A3 1,0 1x1 部门预算', '自评表!B3 1,1 1x1 91,470.79', '自评表!C3 1,2 1x1 92.97%', '自评表!D3 1,3 1x1 6.28',
      '自评表!A5 2,0 1x1 合计', '自评表!B5 2,1 1x2 100.00分', '自评表!D5 2,3 1x1 手写',
      // A6:A8 spans three rows; row 7 is hidden, so two remain.
      '自评表!A6 3,0 2x1 管理效率', '自评表!B6 3,1 1x1 预算执行', '自评表!C6 3,2 1x1 TRUE', '自评表!D6 3,3 1x1 4.65',
      '自评表!B8 4,1 1x1 日期', '自评表!C8 4,2 1x1 2023/3/15', '自评表!D8 4,3 1x1 -1,234.50',
      '自评表!A9 5,0 1x1 第一行第二行', '自评表!B9 5,1 1x1 公式文本', '自评表!C9 5,2 1x1 A & B', '自评表!D9 5,3 1x1 #DIV/0!',
    ]);
    expect(cellByRef(table!, '自评表!A9').lines?.map((l) => l.text)).toEqual(['第一行', '第二行']);
    const text = JSON.stringify(doc);
    for (const hidden of ['隐藏行', '隐藏列', '结转结余率', '不应读取', 'ピン']) expect(text).not.toContain(hidden);
    expect(doc.warnings.map((w) => w.code)).toEqual(['XLSX_HIDDEN_SHEET_SKIPPED']);
  });

  it('is detected by its bytes (zip + xl/workbook.xml)', async () => {
    expect(xlsxReader.sniff(new Uint8Array(await readFile('test/fixtures/office/formats.xlsx')))).toBe(true);
    expect(xlsxReader.sniff(new Uint8Array(await readFile('samples/zengcheng-2022-table.docx')))).toBe(false);
  });
});

describe('formatNumber', () => {
  it.each([
    [91470.79, '#,##0.00', '91,470.79'],
    [0.9297, '0.00%', '92.97%'],
    [6.28, '0.00', '6.28'],
    [4.7, '0.00', '4.70'],
    [1.005, '0.00', '1.01'],
    [1616, '#,##0', '1,616'],
    [-0.4581, '0.00%', '-45.81%'],
    [1234567, '#,##0,"千"', '1,235千'],
    [12345.678, '0.00"万元"', '12345.68万元'],
    [-1234.5, '#,##0.00_);(#,##0.00)', '(1,234.50)'],
    [0, '#,##0.00;-#,##0.00;"-"', '-'],
    [0.5, '#.##', '.5'],
    [123456, '0.00E+00', '1.23E+05'],
    [45000, 'yyyy"年"m"月"d"日"', '2023年3月15日'],
    [45000.5, 'yyyy-mm-dd hh:mm', '2023-03-15 12:00'],
    [4.650000000000001, 'General', '4.65'],
    [91470.79, 'General', '91470.79'],
    [100, 'General', '100'],
    [0.1 + 0.2, 'General', '0.3'],
    [1e-7, 'General', '1E-07'],
    [5, '@', '5'],
    [1234.5, '[$¥-804]#,##0.00', '¥1,234.50'],
    [12, '"第"0"名"', '第12名'],
    [0.75, 'h:mm AM/PM', '6:00 PM'],
    [1.5, '[h]:mm', '36:00'],
    [45000, 'dd/mm/yyyy hh:mm:ss', '15/03/2023 00:00:00'],
  ])('%s with %s → %s', (value, code, expected) => {
    expect(formatNumber(value, code)).toBe(expected);
  });
});
