import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFormIndicators } from '../../extractors/table/form.js';
import { extractBytes } from '../../src/pipeline/run.js';
import { readLayout } from '../../src/readers/index.js';
import type { Document } from '../../src/schema/document.js';
import type { Indicator } from '../../src/schema/indicator.js';
import { BEYOND, beyondFacts, beyondFiles, compareWithFacts } from '../helpers/facts.js';
import { ROOT } from '../helpers/samples.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'forms');

async function read(path: string): Promise<Document> {
  const result = await extractBytes(new Uint8Array(readFileSync(path)), path);
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  return result.document;
}

const beyond = (file: string): Promise<Document> => read(join(BEYOND, file));
const fixture = (file: string): Promise<Document> => read(join(FIXTURES, file));
const scored = (doc: Document): Indicator[] => doc.indicators.filter((i) => i.role !== 'budget-execution');
const budgetRow = (doc: Document): Indicator | undefined => doc.indicators.find((i) => i.role === 'budget-execution');

/** The form documents of samples/beyond and the fields this part reads (identity and scoring have the rest). */
const FORMS = ['baixi-slj-2022-project-table', 'liuwan-town-2023-project-table', 'linxi-nyncj-2023-project-table', 'fengmu-township-2023-dept-table', 'yuling-cgj-2021-dept-table', 'fengqiao-njzx-2023-dept-table'];
const FORM_FIELDS = /^(budget|indicators|declaredTotal|printedScoreSum)/u;

/**
 * Differences that come from the input, not from reading it, each with its reason. Everything else
 * must match the facts exactly.
 */
const KNOWN: Record<string, Record<string, string>> = {
  'xlsx/yuling-cgj-2021-dept-table.xlsx': { 'indicators[8].actual.text': 'the spreadsheet stores 5.00 as the number 5 (format General)' },
};

describe('forms of samples/beyond give every budget and indicator fact of their facts file', () => {
  const facts = beyondFacts().filter((f) => FORMS.includes(f.id));
  const cases = facts.flatMap((f) => beyondFiles(f.id).map((file) => [file, f] as const));
  it.each(cases)('%s', async (file, f) => {
    const doc = await beyond(file);
    const known = KNOWN[file] ?? {};
    const wrong = compareWithFacts(f, doc)
      .filter((r) => FORM_FIELDS.test(r.field) && !r.ok && !(r.field in known))
      .map((r) => `${r.field}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.actual)}`);
    expect(wrong).toEqual([]);
  }, 60_000);
});

describe('national project form, variant A (baixi)', () => {
  it('reads the funds block into the budget, its parts, and the budget-execution row first', async () => {
    const doc = await beyond('html/baixi-slj-2022-project-table.html');
    expect(doc.kind).toBe('project-table');
    expect(doc.budget).toMatchObject({ initial: 120, total: 128.6, actualSpending: 122.17, executionRate: 0.95 });
    expect(doc.indicators[0]).toMatchObject({ role: 'budget-execution', name: '年度资金总额', level1: '项目资金', weight: 10, declaredScore: 9.5 });
    expect(doc.budget.splits.map((s) => [s.total, s.totalAmount, s.parts.map((p) => p.amount)])).toEqual([
      ['年度资金总额（年初预算数）', 120, [100, 20]],
      ['年度资金总额（全年预算数）', 128.6, [108.6, 20]],
      ['年度资金总额（全年执行数）', 122.17, [102.17, 20]],
    ]);
    expect(doc.declared.total).toBe(93.5);
    expect(doc.declared.byCategory['output']).toEqual({ score: 48, max: 50, statedCount: null });
  });

  it.each(['docx/baixi-slj-2022-project-table.docx', 'pdf/baixi-slj-2022-project-table.chromium.pdf'])('%s: a date target, a lower-is-better target, a qualitative row and the / row as not applicable', async (file) => {
    const doc = await beyond(file);
    const rows = scored(doc);
    expect(rows[4]).toMatchObject({
      name: '监测站点建设完成时间',
      target: { text: '10月31日前', date: '2022-10-31', comparator: '<=', value: null },
      actual: { text: '11月25日', date: '2022-11-25' },
      shortfallReason: expect.stringMatching(/^受8—9月持续降雨影响/u),
    });
    expect(rows[6]?.target).toMatchObject({ value: 90, unit: '万元', comparator: '<=' });
    expect(rows[9]).toMatchObject({ target: { qualitative: true, text: '有效提升' }, actual: { qualitative: true } });
    expect(rows[10]).toMatchObject({ level2: '生态效益指标', name: null, weight: null, declaredScore: null, notApplicable: true, target: null, actual: null });
    // The PDF prints the / row at the foot of page 1 and 可持续影响指标 at the top of page 2: two rows.
    expect(rows[11]).toMatchObject({ level2: '可持续影响指标', name: '监测预警设施长效管护机制', weight: 10, declaredScore: 7 });
    expect(rows[12]).toMatchObject({ level1: '满意度指标', name: '危险区受益群众满意度', shortfallReason: expect.stringMatching(/增设无线预警广播12套$/u) });
  }, 30_000);
});

describe('national project form, variant B (liuwan): 分值 before the values', () => {
  it.each(['html/liuwan-town-2023-project-table.html', 'xlsx/liuwan-town-2023-project-table.xlsx', 'pdf/liuwan-town-2023-project-table.chromium.pdf'])('%s', async (file) => {
    const doc = await beyond(file);
    expect(doc.budget).toMatchObject({ initial: null, total: 86, actualSpending: 84.28, executionRate: 0.98 });
    expect(budgetRow(doc)).toMatchObject({ weight: 10, declaredScore: 9.8 });
    expect(scored(doc)[0]).toMatchObject({ name: '硬化产业路长度', weight: 10, declaredScore: 10, target: { text: '≥2.4公里', value: 2.4, comparator: '>=' } });
    expect(scored(doc)[3]?.target).toMatchObject({ date: '2023-10-31', comparator: '<=' });
    expect(scored(doc)[7]).toMatchObject({ level2: '生态效益指标', name: null, notApplicable: true, weight: null });
    expect(doc.declared.total).toBe(99.8);
    expect(scored(doc)[5]?.name).toBe('受益农户户均年节约生产成本');
  }, 30_000);

  it('the PDF font names the glyph of 户 as the radical ⼾ (NFKC: 戶): read as 户 in this simplified document, printed text kept in the layout', async () => {
    const path = join(BEYOND, 'pdf/liuwan-town-2023-project-table.chromium.pdf');
    const layout = await readLayout(new Uint8Array(readFileSync(path)), { fileName: path });
    const cells = layout.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'table' ? b.table.cells : [])));
    const cell = cells.find((c) => c.text === '受益农户户均年节约生产成本');
    // As the font's ToUnicode map names it: Kangxi radicals U+2F3E ⼾ and U+2F63 ⽣.
    expect(cell?.raw).toBe('受益农\u2f3e\u2f3e均年节约\u2f63产成本');
    expect(cells.some((c) => c.text.includes('戶'))).toBe(false);
  }, 30_000);
});

describe('Sichuan-style project form (linxi): sign and unit columns, blank scores, fill-in instructions', () => {
  it.each(['html/linxi-nyncj-2023-project-table.html', 'text/linxi-nyncj-2023-project-table.txt', 'pdf/linxi-nyncj-2023-project-table.chromium.pdf'])('%s', async (file) => {
    const doc = await beyond(file);
    expect(doc.kind).toBe('project-table');
    expect(doc.budget).toMatchObject({ initial: 315.6, total: 342.8, actualSpending: 327.36, executionRate: 0.955 });
    expect(budgetRow(doc)).toMatchObject({ name: '总额', weight: 10, declaredScore: null, shortfallReason: expect.stringMatching(/^年中追加/u) });
    const rows = scored(doc);
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.declaredScore === null && r.actual === null)).toBe(true);
    expect(rows[0]?.target).toEqual({ text: '≥4.2万亩', value: 4.2, unit: '万亩', comparator: '>=', qualitative: false, date: null });
    expect(rows[1]?.target).toMatchObject({ text: '48个', comparator: '=' });
    expect(rows[5]?.target).toMatchObject({ text: '≤60元/亩', unit: '元/亩' });
    expect(rows[7]?.target).toMatchObject({ text: '及时有效', qualitative: true });
    // 合计 prints the weights' 100 and no score: no declared total.
    expect(doc.declared.total).toBeNull();
    expect(doc.declared.byCategory['budgetExecution']).toMatchObject({ max: 10, score: null });
    expect(doc.declared.byCategory['indicators']).toMatchObject({ max: 90, score: null });
    // 年度目标完成情况 still holds the form's instruction (限80字): no completion text.
    expect(doc.goals.overall).toMatch(/^完成全县4.2万亩/u);
    expect(doc.goals.completion).toBeNull();
  }, 30_000);
});

describe('department tables of other provinces', () => {
  it('Hunan (fengmu): 年度资金总额 split by income and by spending type', async () => {
    const doc = await beyond('docx/fengmu-township-2023-dept-table.docx');
    expect(doc.budget).toMatchObject({ initial: 1046.3, total: 1562.48, actualSpending: 1453.11, executionRate: 1, basic: 826.55, project: 626.56 });
    expect(doc.budget.splits.map((s) => [s.label, s.total, s.totalAmount, s.parts])).toEqual([
      ['按收入性质分', '全年预算数', 1562.48, [{ label: '一般公共预算拨款', amount: 1198.26 }, { label: '政府性基金拨款', amount: 206.4 }, { label: '其他资金', amount: 157.82 }]],
      ['按支出性质分', '全年执行数', 1453.11, [{ label: '基本支出', amount: 826.55 }, { label: '项目支出', amount: 626.56 }]],
    ]);
    expect(budgetRow(doc)).toMatchObject({ weight: 10, declaredScore: 10 });
  });

  it('Chongqing (yuling): 自评总分 in the head, one flat list with 得分系数 / 权重 / 是否核心指标', async () => {
    const doc = await beyond('pdf/yuling-cgj-2021-dept-table.chromium.pdf');
    expect(doc.declared.total).toBe(98.84);
    expect(doc.budget).toMatchObject({ initial: 8426.35, total: 9118.72, actualSpending: 8662.78, executionRate: 0.95 });
    expect(budgetRow(doc)).toMatchObject({ weight: 10, declaredScore: 9.5 });
    const rows = scored(doc);
    expect(rows.every((r) => r.level1 === null && r.level2 === null)).toBe(true);
    expect(rows[2]).toMatchObject({ name: '新建改造城市公厕', initialTarget: { value: 12, unit: '座' }, target: { value: 15, unit: '座', text: '15' }, core: true });
    expect(rows[3]).toMatchObject({ coefficient: 0.94, weight: 8, declaredScore: 7.52, actual: { value: 18800, unit: '平方米' } });
    expect(rows[9]).toMatchObject({ target: { value: 0, unit: '%', comparator: '<=' }, actual: { value: -0.063 }, core: false });
    expect(rows[11]).toMatchObject({ target: { qualitative: true, text: '健全' }, actual: { qualitative: true } });
  }, 30_000);

  it('fengqiao: 年度主要任务 with their 合计, and a blank budget score inferred from the total and marked', async () => {
    const doc = await beyond('xlsx/fengqiao-njzx-2023-dept-table.xlsx');
    expect(doc.goals.tasks.map((t) => t.goal?.split('：')[0])).toEqual(['人员及机构运转保障', '主要农作物病虫害统防统治', '绿色高质高效示范', '农技人员与高素质农民培训', '耕地质量监测']);
    expect(doc.budget.splits.find((s) => s.label === '年度主要任务')).toMatchObject({ total: '合计', totalAmount: 436.8, parts: expect.arrayContaining([{ label: '耕地质量监测', amount: 24 }]) });
    expect(budgetRow(doc)).toMatchObject({ weight: 10, declaredScore: 9.82, scoreInferred: true });
    expect(doc.declared.total).toBe(99.51);
  });
});

describe('fixture: Guangzhou 2021 layout (单位基本情况, 年度整体支出绩效目标, 年度部门整体支出规模 按资金来源)', () => {
  it.each(['gz-2021-table.html', 'gz-2021-table.txt', 'gz-2021-table.chromium.pdf'])('%s', async (file) => {
    const doc = await fixture(file);
    expect(doc.kind).toBe('self-evaluation-table');
    expect(doc.fiscalYear).toBe(2021);
    expect(doc.department.name).toBe('广州市从化区水务局');
    expect(doc.budget).toMatchObject({ total: 8562.4, fiscalAppropriation: 8102.15, otherFunds: 340.25, basic: 2316.88, project: 6245.52 });
    expect(doc.budget.lines.map((l) => l.label)).toEqual(['合计', '财政拨款', '上级补助', '其他资金', '基本支出', '项目支出']);
    expect(doc.goals.overall).toMatch(/^任务1：完成流溪河干流/u);
    expect(doc.goals.tasks.map((t) => t.index)).toEqual([1, 2, 3]);
    expect(doc.declared).toMatchObject({ total: 94.6, grade: '优' });
    expect(doc.indicators).toHaveLength(26);
    expect(doc.indicators.reduce((s, i) => s + (i.weight ?? 0), 0)).toBe(100);
    expect(Math.round(doc.indicators.reduce((s, i) => s + (i.declaredScore ?? 0), 0) * 100) / 100).toBe(94.6);
    expect(doc.indicators.find((i) => i.name === '数据质量')).toMatchObject({ level1: '管理效率', level2: '资产管理', weight: 2, declaredScore: 1.5, shortfallReason: '资产卡片与账面存在差异。' });
  }, 60_000);

  it('splits the total by its 按资金来源 and 按支出性质 groups where the columns are kept', async () => {
    const doc = await fixture('gz-2021-table.html');
    expect(doc.budget.splits.map((s) => [s.label, s.total, s.totalAmount, s.parts.map((p) => p.label)])).toEqual([
      ['按资金来源', '合计', 8562.4, ['财政拨款', '上级补助', '其他资金']],
      ['按支出性质', '合计', 8562.4, ['基本支出', '项目支出']],
    ]);
  });
});

describe('fixture: project form with 预算执行 at 20 points and two groups at 40', () => {
  it.each(['project-budget20.html', 'project-budget20.pipe.txt', 'project-budget20.chromium.pdf'])('%s', async (file) => {
    const doc = await fixture(file);
    expect(doc.kind).toBe('project-table');
    expect(doc.budget).toMatchObject({ initial: 180, total: 196.5, actualSpending: 188.64, executionRate: 0.96 });
    expect(budgetRow(doc)).toMatchObject({ level1: '预算执行情况', level1Weight: 20, name: '总额', weight: 20, declaredScore: 19.2 });
    expect(doc.declared.total).toBe(96.2);
    expect(doc.declared.byCategory).toMatchObject({
      budgetExecution: { max: 20, score: 19.2 },
      indicators: { max: 80, score: 77 },
      output: { max: 40, score: 39 },
      benefit: { max: 40, score: 38 },
    });
    const rows = scored(doc);
    expect(rows.map((r) => [r.level1, r.weight, r.declaredScore])).toEqual([
      ['产出指标', 15, 15], ['产出指标', 10, 9], ['产出指标', 5, 5], ['产出指标', 10, 10],
      ['效益指标', 20, 20], ['效益指标', 10, 8], ['效益指标', 10, 10],
    ]);
    expect(rows[1]).toMatchObject({ target: { text: '≥12公里', value: 12 }, actual: { text: '10.8公里', value: 10.8, unit: '公里' }, shortfallReason: expect.stringMatching(/^2处管道/u) });
    expect(rows[2]).toMatchObject({ target: { date: '2023-11-30', comparator: '<=' }, actual: { date: '2023-11-20' } });
    expect(rows[5]).toMatchObject({ target: { qualitative: true, text: '长效运行' }, actual: { qualitative: true, text: '基本建立' } });
    expect(rows[6]).toMatchObject({ target: { value: 0.9, unit: '%' }, actual: { value: 0.932, unit: '%' } });
  }, 60_000);
});

describe('fixture: project form without 分值 or 得分 columns', () => {
  it.each(['project-no-scores.html', 'project-no-scores.pipe.txt', 'project-no-scores.chromium.pdf'])('%s', async (file) => {
    const doc = await fixture(file);
    expect(doc.kind).toBe('project-table');
    expect(budgetRow(doc)).toBeUndefined();
    expect(doc.budget).toMatchObject({ initial: 60, total: 64, actualSpending: 61.44, executionRate: 0.96 });
    expect(doc.indicators).toHaveLength(5);
    expect(doc.indicators.every((i) => i.weight === null && i.declaredScore === null)).toBe(true);
    expect(doc.indicators[1]).toMatchObject({ name: '组织群众文化活动', target: { value: 240, unit: '场', comparator: '>=' }, actual: { value: 226 }, shortfallReason: expect.stringMatching(/^受汛期影响/u) });
    expect(doc.indicators[2]?.target).toMatchObject({ date: '2022-06-30', comparator: '<=' });
  }, 60_000);
});

describe('fixture: budget figures run together in a text export', () => {
  it('splits 202010100.00%10 when the form states 得分 = 分值 × 执行率', async () => {
    const doc = await fixture('project-run-together.txt');
    expect(doc.budget).toMatchObject({ total: 20, actualSpending: 20, executionRate: 1 });
    expect(budgetRow(doc)).toMatchObject({ weight: 10, declaredScore: 10 });
    expect(doc.warnings.map((w) => w.code)).not.toContain('FIGURES_RUN_TOGETHER');
    // Merged level cells lost in the export come from the row above.
    expect(scored(doc).map((r) => [r.level1, r.level2])).toEqual([
      ['产出指标', '数量指标'], ['产出指标', '时效指标'], ['效益指标', '社会效益指标'], ['满意度指标', '服务对象满意度指标'],
    ]);
  });

  it('splits it when its part row reads one way only and the total is the sum', async () => {
    const doc = await fixture('project-run-together-parts.txt');
    expect(doc.budget).toMatchObject({ total: 20, actualSpending: 20, executionRate: 1 });
    expect(budgetRow(doc)).toMatchObject({ weight: 10, declaredScore: 10 });
  });

  it('leaves the figures null with a warning when several readings fit', async () => {
    const doc = await fixture('project-run-together-ambiguous.txt');
    expect(doc.budget).toMatchObject({ total: null, actualSpending: null, executionRate: null });
    expect(budgetRow(doc)).toMatchObject({ weight: null, declaredScore: null });
    expect(doc.warnings).toContainEqual(expect.objectContaining({ code: 'FIGURES_RUN_TOGETHER', provenance: expect.objectContaining({ text: expect.stringContaining('202010100.00%10') }) }));
  });
});

describe('readFormIndicators: the indicator table inside a report (ganyuan 表1)', () => {
  it.each(['html/ganyuan-kjj-2023-project-report.html', 'pdf/ganyuan-kjj-2023-project-report.chromium.pdf', 'text/ganyuan-kjj-2023-project-report.txt'])('%s', async (file) => {
    const layout = await readLayout(new Uint8Array(readFileSync(join(BEYOND, file))), { fileName: file });
    const read = readFormIndicators(layout, { fiscalYear: 2023 });
    const facts = beyondFacts().find((f) => f.id === 'ganyuan-kjj-2023-project-report');
    expect(read?.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.declaredScore])).toEqual(
      facts?.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score]),
    );
    expect(read?.indicators[3]).toMatchObject({ target: { date: '2023-10-31', comparator: '<=' }, actual: { date: '2023-11-17' } });
    expect(read?.indicators[5]).toMatchObject({ target: { value: 5, unit: '亿元', comparator: '>=' }, actual: { value: 5.8, unit: '亿元' } });
    expect(read?.indicators[7]).toMatchObject({ target: { qualitative: true, text: '健全' }, actual: { qualitative: true, text: '基本健全' } });
    expect(read?.indicators.every((i) => i.rubricId === null)).toBe(true);
  }, 30_000);
});
