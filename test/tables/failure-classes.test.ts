/**
 * The eleven failure classes of issue 12, one small PDF (or more) each, with the grid expected by
 * hand from the fixture's source (test/fixtures/tables/classes/src/; rebuilt by
 * scripts/fixtures/make-table-fixtures.sh). Producers: Chromium, LibreOffice, groff/Ghostscript,
 * matplotlib and a hand-written PDF.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tablesForFile } from '../../src/cli/commands/tables.js';
import type { Table } from '../../src/layout/model.js';
import { tableToRows } from '../../src/output/tables.js';

const CLASSES = join(import.meta.dirname, '../fixtures/tables/classes');

async function tablesOf(file: string): Promise<Table[]> {
  return (await tablesForFile(join(CLASSES, file))).tables;
}

const rowsOf = (tables: readonly Table[]): string[][][] => tables.map(tableToRows);

function span(table: Table | undefined, text: string): [number, number, number, number] | undefined {
  const c = table?.cells.find((cell) => cell.text === text);
  return c ? [c.row, c.col, c.rowSpan, c.colSpan] : undefined;
}

describe('issue 12 failure classes', { timeout: 60_000 }, () => {
  it('1. a single-spaced unruled table with a rule under the header keeps one row per line (21 × 5)', async () => {
    const [table, ...rest] = await tablesOf('single-spaced-en.chromium.pdf');
    expect(rest).toEqual([]);
    expect(tableToRows(table as Table)).toEqual([
      ['District', 'Beds', 'Admissions', 'Mean stay (days)', 'Occupancy (%)'],
      ['Abbotsford', '412', '18,204', '5.1', '84.2'],
      ['Bellmont', '298', '12,930', '4.8', '79.5'],
      ['Carrick Vale', '156', '6,417', '5.6', '88.0'],
      ['Dunmore', '640', '29,881', '4.4', '81.7'],
      ['Easton', '221', '9,102', '5.0', '76.3'],
      ['Fairholme', '187', '7,755', '6.2', '90.1'],
      ['Glenrothes', '344', '15,028', '4.9', '82.4'],
      ['Harlow Bridge', '129', '5,310', '5.8', '85.9'],
      ['Inverbay', '275', '11,642', '5.3', '80.0'],
      ['Jarrow Fields', '198', '8,264', '4.7', '77.8'],
      ['Kelso', '88', '3,519', '6.5', '91.3'],
      ['Lanark', '102', '4,233', '6.0', '87.2'],
      ['Melrose', '76', '2,980', '6.8', '89.4'],
      ['Newbury', '131', '5,412', '5.5', '83.6'],
      ['Oakhampton', '95', '3,870', '6.1', '86.5'],
      ['Peebles', '64', '2,455', '7.0', '92.0'],
      ['Queensferry', '118', '4,906', '5.4', '84.8'],
      ['Rothbury', '57', '2,106', '7.3', '93.1'],
      ['Selkirk', '83', '3,311', '6.4', '88.9'],
      ['Thornhill', '71', '2,797', '6.6', '90.7'],
    ]);
    expect(table?.cells.filter((c) => c.header).map((c) => c.text)).toEqual(['District', 'Beds', 'Admissions', 'Mean stay (days)', 'Occupancy (%)']);
  });

  it('1. a single-spaced Chinese table: the wrapped note joins its row, the title is not a row (11 × 5)', async () => {
    expect(rowsOf(await tablesOf('single-spaced-zh.chromium.pdf'))).toEqual([
      [
        ['项目名称', '年初预算', '调整预算', '执行数', '备注'],
        ['信息化运维', '320.00', '305.50', '298.74', '按合同支付'],
        ['办公场地租赁', '186.40', '186.40', '186.40', ''],
        ['业务培训', '42.00', '38.00', '31.26', '部分培训改为线上举办，费用相应减少'],
        ['专项调研', '65.00', '60.00', '57.80', ''],
        ['宣传经费', '28.50', '28.50', '26.12', ''],
        ['设备购置', '150.00', '172.30', '170.95', '追加预算'],
        ['档案数字化', '80.00', '80.00', '64.40', '项目跨年实施'],
        ['安全生产检查', '35.00', '35.00', '34.10', ''],
        ['法律顾问服务', '18.00', '18.00', '18.00', ''],
        ['合计', '924.90', '923.70', '887.77', ''],
      ],
    ]);
  });

  it('2. bullets, numbered lists, numbered headings, hanging-indent items and footnotes are not tables', async () => {
    expect(await tablesOf('lists-footnotes-en.chromium.pdf')).toEqual([]);
    expect(await tablesOf('lists-zh.libreoffice.pdf')).toEqual([]);
  });

  it('3. charts (gridlines, bar outlines, value labels, legends, axis ticks) and empty boxes are not tables', async () => {
    expect(await tablesOf('charts-en.chromium.pdf')).toEqual([]);
    expect(await tablesOf('charts-matplotlib.matplotlib.pdf')).toEqual([]);
  });

  it('4. two justified prose columns with super/subscripts, and monospace prose, are not tables', async () => {
    expect(await tablesOf('prose-columns-en.chromium.pdf')).toEqual([]);
    expect(await tablesOf('prose-mono-en.handwritten.pdf')).toEqual([]);
  });

  it('5. a ruled table without left and right borders keeps its outer columns; a frame with a header rule gets its columns from the text', async () => {
    const tables = await tablesOf('open-sides-en.chromium.pdf');
    expect(rowsOf(tables)).toEqual([
      [
        ['Branch', 'Loans', 'Visits', 'Members', 'Opening hours'],
        ['Central', '182,400', '301,250', '21,904', 'Mon–Sat 9–20'],
        ['Harbourside', '64,210', '98,030', '7,512', 'Mon–Fri 10–18'],
        ['Mill Lane', '31,877', '45,600', '3,980', 'Tue–Sat 10–17'],
        ['Northfield', '52,045', '80,112', '6,020', 'Mon–Sat 9–18'],
        ['Westgate', '27,390', '39,844', '3,101', 'Wed–Sat 10–16'],
        ['All branches', '357,922', '564,836', '42,517', ''],
      ],
      [
        ['Grade', 'Full time', 'Part time', 'Vacancies'],
        ['Librarian', '14', '6', '2'],
        ['Assistant', '38', '21', '5'],
        ['Driver', '3', '1', '0'],
        ['Manager', '6', '0', '1'],
      ],
    ]);
  });

  it('6. column rules without row rules: one row per line (Chromium and groff tbl)', async () => {
    expect(rowsOf(await tablesOf('column-rules-en.chromium.pdf'))).toEqual([
      [
        ['Road', 'Section', 'Length (km)', 'Cost (thousands)'],
        ['A61', 'Ring road to Low Moor', '3.2', '1,480'],
        ['A629', 'Station Road bridge', '0.4', '920'],
        ['B6144', 'Thornton village', '1.8', '610'],
        ['B6145', 'Allerton to Sandy Lane', '2.6', '745'],
        ['C219', 'Moor Top Road', '4.1', '388'],
        ['C305', 'Back Lane', '0.9', '122'],
        ['U1182', 'Church Street', '0.6', '95'],
        ['Total', '', '13.6', '4,360'],
      ],
    ]);
    expect(rowsOf(await tablesOf('column-rules-groff.groff.pdf'))).toEqual([
      [
        ['Site', 'Operator', 'Samples', 'Failures', 'Class'],
        ['Abbey Sands', 'North Water', '20', '0', 'Excellent'],
        ['Barrow Point', 'North Water', '20', '1', 'Good'],
        ['Castle Cove', 'Coastal Ltd', '18', '0', 'Excellent'],
        ['Dune End', 'Coastal Ltd', '20', '3', 'Sufficient'],
        ['Elm Bay', 'Estuary Trust', '16', '2', 'Good'],
        ['Fisher’s Steps', 'Estuary Trust', '20', '0', 'Excellent'],
        ['Gull Rock', 'North Water', '12', '5', 'Poor'],
        ['Harbour Beach', 'Coastal Ltd', '20', '1', 'Good'],
      ],
    ]);
  });

  it('7. a rule under every row, column rules in the header only: body rows in the header’s columns (11 × 5)', async () => {
    expect(rowsOf(await tablesOf('row-rules-en.chromium.pdf'))).toEqual([
      [
        ['Area', 'Schools', 'Places', 'Pupils', 'Surplus (%)'],
        ['Ashby', '12', '3,420', '3,288', '3.9'],
        ['Brampton', '8', '2,010', '1,902', '5.4'],
        ['Castleford', '15', '4,680', '4,655', '0.5'],
        ['Denby Dale', '6', '1,260', '1,101', '12.6'],
        ['Elland', '9', '2,340', '2,297', '1.8'],
        ['Flockton', '4', '840', '792', '5.7'],
        ['Golcar', '7', '1,715', '1,650', '3.8'],
        ['Holmfirth', '11', '2,805', '2,610', '7.0'],
        ['Ilkley', '10', '2,600', '2,598', '0.1'],
        ['All areas', '82', '21,670', '20,893', '3.6'],
      ],
    ]);
  });

  it('8. header cells wrapped over several lines, bottom- or top-aligned, are one header row', async () => {
    const [en] = await tablesOf('multiline-header-en.chromium.pdf');
    expect(tableToRows(en as Table)).toEqual([
      ['Collection authority', 'Household waste (tonnes)', 'Recycled or composted (tonnes)', 'Sent to landfill', 'Recycling rate (%)', 'Change on previous year (percentage points)'],
      ['Amber Valley', '52,310', '24,120', '6,904', '46.1', '+1.2'],
      ['Bassetlaw', '48,775', '19,830', '9,112', '40.7', '-0.8'],
      ['Charnwood', '71,402', '33,260', '5,518', '46.6', '+0.3'],
      ['Derwentside', '39,900', '15,402', '8,230', '38.6', '+2.4'],
      ['Erewash', '44,118', '18,967', '4,870', '43.0', '0.0'],
      ['Fenland', '40,627', '21,004', '3,305', '51.7', '+0.9'],
    ]);
    expect(rowsOf(await tablesOf('multiline-header-zh.libreoffice.pdf'))).toEqual([
      [
        ['镇街', '常住人口（万人）', '教育支出（万元）', '卫生健康支出（万元）', '人均支出（元）', '支出增长率（%）'],
        ['石滩镇', '18.2', '12,450', '6,318', '1,031', '4.2'],
        ['中新镇', '12.6', '8,902', '4,117', '1,033', '3.8'],
        ['派潭镇', '9.4', '6,215', '3,380', '1,021', '-1.5'],
        ['小楼镇', '6.1', '3,980', '2,204', '1,014', '2.0'],
        ['正果镇', '5.3', '3,402', '1,987', '1,017', '0.6'],
      ],
    ]);
  });

  it('9. the table region leaves out its caption, its notes and the text column beside it', async () => {
    expect(rowsOf(await tablesOf('region-en.chromium.pdf'))).toEqual([
      [
        ['Tenure', '2021', '2022', '2023'],
        ['Private sale', '1,204', '1,318', '1,150'],
        ['Social rent', '286', '341', '402'],
        ['Shared ownership', '97', '120', '133'],
        ['Private rent', '158', '202', '245'],
        ['All tenures', '1,745', '1,981', '1,930'],
      ],
    ]);
  });

  it('9. one table stays one: a header set apart from the body, a total row set apart, a ruled grid broken at section rows', async () => {
    const tables = await tablesOf('split-en.chromium.pdf');
    expect(rowsOf(tables)).toEqual([
      [
        ['Band', 'Property value', 'Ratio', 'Annual charge'],
        ['A', 'up to 40,000', '6/9', '1,402.10'],
        ['B', '40,001 to 52,000', '7/9', '1,635.78'],
        ['C', '52,001 to 68,000', '8/9', '1,869.47'],
        ['D', '68,001 to 88,000', '9/9', '2,103.15'],
      ],
      [
        ['Item', 'Budget', 'Outturn', 'Variance'],
        ['Council tax', '88.4', '88.9', '0.5'],
        ['Business rates', '41.2', '40.6', '-0.6'],
        ['Grants', '63.0', '64.8', '1.8'],
        ['Fees and charges', '19.7', '18.1', '-1.6'],
        ['Total income', '212.3', '212.4', '0.1'],
      ],
      [
        ['Scheme', 'Budget', 'Spent', 'Status'],
        ['Schools', '', '', ''],
        ['Hillside Primary extension', '4.2', '3.9', 'Complete'],
        ["St Anne's roof", '0.8', '0.2', 'On site'],
        ['Highways', '', '', ''],
        ['Market Street resurfacing', '1.5', '1.5', 'Complete'],
        ['Canal bridge repairs', '2.7', '0.9', 'Design'],
      ],
    ]);
    // A section heading spans the table, as in the source.
    expect(span(tables[2], 'Schools')).toEqual([1, 0, 1, 4]);
    expect(span(tables[2], 'Highways')).toEqual([4, 0, 1, 4]);
  });

  it('10. tables come in reading order with their boxes: a page in two columns is read column by column', async () => {
    const tables = await tablesOf('order-en.chromium.pdf');
    expect(tables.map((t) => tableToRows(t)[0])).toEqual([
      ['Quarter', 'Calls', 'Wait (min)'],
      ['Team', 'Staff', 'Vacancies'],
      ['Heading', 'Budget', 'Actual', 'Difference'],
    ]);
    const [left, right, below] = tables.map((t) => t.bbox ?? [0, 0, 0, 0]) as Array<[number, number, number, number]>;
    // The right column's table starts higher on the page than the left column's, and comes second.
    expect(right?.[1]).toBeLessThan(left?.[1] ?? 0);
    expect(right?.[0]).toBeGreaterThan(left?.[2] ?? 0);
    expect(below?.[1]).toBeGreaterThan(left?.[3] ?? 0);
  });

  it('11. our own form, unruled, continued across pages: one table, the row cut by the break whole, group labels spanning', async () => {
    const tables = await tablesOf('continued-zh.libreoffice.pdf');
    expect(tables).toHaveLength(1);
    const table = tables[0] as Table;
    expect(table.pages).toEqual([1, 2]);
    expect(tableToRows(table)).toEqual([
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '培训人次', '≥800 人次', '912 人次', '6', '6', ''],
      ['', '', '检查企业数', '≥120 家', '126 家', '6', '6', ''],
      ['', '', '发放宣传资料', '≥5000份', '4600 份', '4', '3.68', '部分活动改为线上开展，纸质资料印制减少'],
      ['', '质量指标', '培训合格率', '≥95%', '97.2%', '6', '6', ''],
      ['', '', '检查问题整改率', '100%', '96.8%', '6', '5.81', '3 家企业整改尚在进行，已列入下一年度复查计划'],
      ['', '', '资料发放准确率', '≥98%', '99.1%', '4', '4', ''],
      ['', '时效指标', '培训按期完成率', '100%', '100%', '4', '4', ''],
      ['', '', '检查任务完成时间', '11 月底前', '12 月 10日', '4', '3', '第四季度集中检查任务较多，人员调配不足，部分检查顺延至12 月上旬完成'],
      ['', '成本指标', '人均培训成本', '≤300 元', '286 元', '5', '5', ''],
      ['', '', '单次检查成本', '≤1500元', '1420 元', '5', '5', ''],
      ['效益指标', '社会效益', '企业安全意识提升', '明显提升', '明显提升', '8', '8', ''],
      ['', '', '安全事故发生率', '同比下降', '同比下降12%', '8', '8', ''],
      ['', '', '群众投诉办结率', '≥95%', '93.5%', '6', '5.9', '个别投诉涉及跨部门协调，办理周期较长'],
      ['', '经济效益', '事故直接经济损失', '同比减少', '减少约180 万元', '6', '6', ''],
      ['', '可持续影响', '长效机制建立', '建立', '已建立', '6', '6', ''],
      ['满意度指标', '服务对象满意度', '参训企业满意度', '≥90%', '94.6%', '5', '5', ''],
      ['', '', '社会公众满意度', '≥85%', '88.2%', '5', '5', ''],
      ['总分', '', '', '', '', '94', '92.39', ''],
    ]);
    expect(span(table, '产出指标')).toEqual([1, 0, 10, 1]);
    expect(span(table, '效益指标')).toEqual([11, 0, 5, 1]);
    expect(span(table, '满意度指标')).toEqual([16, 0, 2, 1]);
    expect(span(table, '数量指标')).toEqual([1, 1, 3, 1]);
    expect(span(table, '社会效益')).toEqual([11, 1, 3, 1]);
    // The row cut by the page break: its reason is on page 2, its name on page 1.
    const reason = table.cells.find((c) => c.text === '个别投诉涉及跨部门协调，办理周期较长');
    expect(reason?.parts?.map((p) => p.page)).toEqual([1, 2]);
  });
});
