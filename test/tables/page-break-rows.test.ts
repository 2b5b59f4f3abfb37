/**
 * Ruled tables printed by Chromium, which draws no rule at the top of a continuation page: a page
 * break is a row boundary there (the last row on the page above is closed by its rule), while the
 * group labels cut by the break (printed once, on the first page) go on. Fixtures:
 * test/fixtures/tables/classes/src/break-{rows,labels,split}-zh.html (scripts/fixtures/make-table-fixtures.sh).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tablesForFile } from '../../src/cli/commands/tables.js';
import type { Table } from '../../src/layout/model.js';
import { tableToRows } from '../../src/output/tables.js';

const CLASSES = join(import.meta.dirname, '../fixtures/tables/classes');

async function onlyTable(file: string): Promise<Table> {
  const { tables } = await tablesForFile(join(CLASSES, file));
  expect(tables).toHaveLength(1);
  return tables[0] as Table;
}

function span(table: Table, text: string): [number, number, number, number] | undefined {
  const c = table.cells.find((cell) => cell.text === text);
  return c ? [c.row, c.col, c.rowSpan, c.colSpan] : undefined;
}

// Both fixtures hold the same rows (from one model); only the row heights, and so the breaks, differ.
const HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
const ROWS = [
  HEADER,
  ['产出指标（60分）', '数量指标', '培训人次', '≥800人次', '912人次', '6', '6', ''],
  ['', '', '检查企业数', '≥120家', '126家', '6', '6', ''],
  ['', '', '发放宣传资料', '≥5000份', '4600份', '4', '3.68', '部分活动改为线上开展'],
  ['', '', '新建监测站点', '≥8个', '8个', '4', '4', ''],
  ['', '', '维修设施', '≥36处', '40处', '4', '4', ''],
  ['', '', '巡查次数', '≥240次', '251次', '4', '4', ''],
  ['', '质量指标', '培训合格率', '≥95%', '97.2%', '6', '6', ''],
  ['', '', '检查问题整改率', '100%', '96.8%', '6', '5.81', '3家企业整改尚在进行'],
  ['', '', '资料发放准确率', '≥98%', '99.1%', '4', '4', ''],
  ['', '时效指标', '培训按期完成率', '100%', '100%', '4', '4', ''],
  ['', '', '检查任务完成时间', '11月底前', '12月10日', '4', '3', '人员调配不足'],
  ['', '成本指标', '人均培训成本', '≤300元', '286元', '4', '4', ''],
  ['', '', '单次检查成本', '≤1500元', '1420元', '4', '4', ''],
  ['效益指标（30分）', '经济效益指标', '直接经济损失减少', '≥10%', '12.4%', '4', '4', ''],
  ['', '社会效益指标', '企业安全意识提升', '明显提升', '明显提升', '4', '4', ''],
  ['', '', '安全事故发生率', '同比下降', '同比下降12%', '4', '4', ''],
  ['', '', '群众投诉办结率', '≥95%', '93.5%', '4', '3.9', '个别投诉涉及跨部门协调'],
  ['', '', '培训覆盖乡镇', '11个', '11个', '4', '4', ''],
  ['', '生态效益指标', '/', '/', '/', '', '', ''],
  ['', '可持续影响指标', '长效机制建立', '建立', '已建立', '10', '8', '部分乡镇落实不到位'],
  ['满意度指标（10分）', '服务对象满意度指标', '参训企业满意度', '≥90%', '94.6%', '10', '9', ''],
  ['总分', '', '', '', '', '100', '94.49', ''],
];

describe('page breaks without a rule on the continuation page (Chromium)', { timeout: 60_000 }, () => {
  it('a new 二级 group under a continued 一级 label, and a new 一级 group, start new rows (23 × 8)', async () => {
    const table = await onlyTable('break-rows-zh.chromium.pdf');
    expect(table.pages).toEqual([1, 2, 3]);
    // Page 2 starts with 成本指标, page 3 with 满意度指标 (each cell on the page where it is printed).
    expect(table.cells.find((c) => c.text === '人均培训成本')?.page).toBe(2);
    expect(table.cells.find((c) => c.text === '参训企业满意度')?.page).toBe(3);
    expect(tableToRows(table)).toEqual(ROWS);
    expect(span(table, '产出指标（60分）')).toEqual([1, 0, 13, 1]);
    expect(span(table, '时效指标')).toEqual([10, 1, 2, 1]);
    expect(span(table, '成本指标')).toEqual([12, 1, 2, 1]);
    expect(span(table, '效益指标（30分）')).toEqual([14, 0, 7, 1]);
    expect(span(table, '满意度指标（10分）')).toEqual([21, 0, 1, 1]);
  });

  it('labels printed once go on over the break; a row with empty scores above a new group stays a row (23 × 8)', async () => {
    const table = await onlyTable('break-labels-zh.chromium.pdf');
    expect(table.pages).toEqual([1, 2, 3]);
    expect(table.cells.find((c) => c.text === '单次检查成本')?.page).toBe(2);
    expect(table.cells.find((c) => c.text === '长效机制建立')?.page).toBe(3);
    expect(tableToRows(table)).toEqual(ROWS);
    // 成本指标 is printed on page 1 only and spans its row on page 2.
    expect(span(table, '成本指标')).toEqual([12, 1, 2, 1]);
    expect(table.cells.find((c) => c.text === '成本指标')?.parts?.map((p) => p.page)).toEqual([1, 2]);
    expect(span(table, '效益指标（30分）')).toEqual([14, 0, 7, 1]);
    expect(span(table, '生态效益指标')).toEqual([19, 1, 1, 1]);
    expect(span(table, '可持续影响指标')).toEqual([20, 1, 1, 1]);
  });

  it('a row whose long reason runs over the foot of the page, no rule on either side of the break, stays one row (23 × 8)', async () => {
    const table = await onlyTable('break-split-zh.chromium.pdf');
    const sentence = '由于第四季度集中检查任务较多，人员调配不足，部分检查顺延至十二月上旬完成；下一步将提前制定检查计划，合理调配人员，确保按期完成全部检查任务，并将检查结果纳入年度考核，同时加强与乡镇的协调配合，及时通报检查发现的问题。';
    const rows = ROWS.map((r) => (r[2] === '检查任务完成时间' ? [...r.slice(0, 7), sentence + sentence] : r));
    expect(tableToRows(table)).toEqual(rows);
    const reason = table.cells.find((c) => c.text === sentence + sentence);
    expect(reason).toMatchObject({ row: 11, rowSpan: 1 });
    expect(reason?.parts?.map((p) => p.page)).toEqual([1, 2]);
    expect(table.cells.find((c) => c.text === '检查任务完成时间')).toMatchObject({ row: 11, rowSpan: 1, page: 1 });
  });
});
