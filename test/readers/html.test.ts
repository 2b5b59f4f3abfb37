import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableToGrid } from '../../src/layout/grid.js';
import type { Table } from '../../src/layout/model.js';
import { readLayout } from '../../src/readers/index.js';
import { SAMPLES } from '../helpers/samples.js';

async function read(file: string) {
  return readLayout(new Uint8Array(readFileSync(join(SAMPLES, file))), { fileName: file });
}

function tables(layout: Awaited<ReturnType<typeof read>>): Table[] {
  return layout.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : [])));
}

describe('html reader', () => {
  it('expands rowspan/colspan into the grid exactly (zengcheng-2022-table)', async () => {
    const layout = await read('zengcheng-2022-table.html');
    expect(layout.format).toBe('html');
    expect(layout.title).toContain('部门整体支出绩效自评表');
    const [header, budget, grid] = tables(layout);
    expect(header?.colCount).toBe(6);
    expect(budget?.cells.find((c) => c.text === '部门预算')).toMatchObject({ row: 0, col: 2, colSpan: 2, rowSpan: 1 });
    expect(budget?.cells.find((c) => c.text === '91,470.79')).toMatchObject({ row: 2, col: 1 });
    expect(grid?.rowCount).toBe(31);
    const management = grid?.cells.find((c) => c.text === '管理效率');
    expect(management).toMatchObject({ row: 6, col: 0, rowSpan: 23, colSpan: 1, header: false });
    // A row under the merged cells: its 三级指标 sits in column 4 and its score in column 7.
    const dense = tableToGrid(grid as Table);
    expect(dense[16]?.[4]?.text).toBe('采购内控制度建设');
    expect(dense[16]?.[7]?.text).toBe('0.80');
    expect(dense[16]?.[0]?.text).toBe('管理效率');
  });

  it('keeps checkboxes as ☐/☑ and the header row as header cells', async () => {
    const layout = await read('zengcheng-2022-table.html');
    const grid = tables(layout)[2] as Table;
    expect(grid.cells.find((c) => c.text.startsWith('☐优'))).toBeTruthy();
    expect(grid.cells.filter((c) => c.row === 0).every((c) => c.header)).toBe(true);
  });

  it('joins prose paragraphs without spaces between CJK and maps lines to DOM paths', async () => {
    const layout = await read('baiyun-2023-report.html');
    const lines = layout.pages[0]?.blocks.flatMap((b) => (b.type === 'line' ? [b.line] : [])) ?? [];
    expect(lines.some((l) => l.text.startsWith('年度目标值：4 场以上。年度实际值：举办科技活动周'))).toBe(true);
    expect(lines.every((l) => l.page === null && l.bbox === null && l.ref !== null)).toBe(true);
  });
});

describe('text reader', () => {
  it('turns tab-separated rows into table cells at their field positions', async () => {
    const layout = await read('zengcheng-2022-table.txt');
    const all = tables(layout);
    const cells = all.flatMap((t) => t.cells);
    const shifted = cells.find((c) => c.text === '专项资金支出率');
    // The export shifted this row left: the name is in the first field.
    expect(shifted).toMatchObject({ col: 0, rowSpan: 1, colSpan: 1, page: null, bbox: null });
    expect(shifted?.ref).toMatch(/^line \d+ field 1$/u);
    expect(cells.find((c) => c.text === '91,470.79')?.col).toBe(1);
  });

  it('keeps hard-wrapped prose as lines (joined later by the extractors)', async () => {
    const layout = await read('zengcheng-2022-report.txt');
    const lines = layout.pages[0]?.blocks.flatMap((b) => (b.type === 'line' ? [b.line.text] : [])) ?? [];
    expect(lines).toContain('2022 年年初预算 138,179.36 万元，总预算 91,470.79');
    expect(lines[0]).toBe('附件 2');
  });

  it('drops list bullets and reads GB 18030 files', async () => {
    const layout = await read('panyu-2024-table-explanation.txt');
    const lines = layout.pages[0]?.blocks.flatMap((b) => (b.type === 'line' ? [b.line.text] : [])) ?? [];
    expect(lines.some((l) => l.startsWith('1. 推动工业经济稳步提速'))).toBe(true);
    const gb = new Uint8Array([0xb2, 0xbf, 0xc3, 0xc5, 0xc3, 0xfb, 0xb3, 0xc6]); // 部门名称 in GBK
    const decoded = await readLayout(gb, { fileName: 'x.txt' });
    expect(decoded.pages[0]?.blocks[0]).toMatchObject({ type: 'line', line: { text: '部门名称' } });
  });
});
