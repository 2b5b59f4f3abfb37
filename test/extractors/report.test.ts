import { describe, expect, it } from 'vitest';
import { readSample } from '../helpers/samples.js';

describe('report extractor', () => {
  it.each(['baiyun-2023-report.txt', 'baiyun-2023-report.html'])('%s: totals, categories, 29 target pairs, facts', async (file) => {
    const doc = await readSample(file);
    expect(doc.kind).toBe('self-evaluation-report');
    expect(doc.department).toMatchObject({ name: '广州市白云区科技工业商务和信息化局', region: '白云区' });
    expect(doc.fiscalYear).toBe(2023);
    expect(doc.declared).toMatchObject({ total: 98.57, grade: '优', byLevel1: { 履职效能: 48.57, 管理效率: 50 } });
    expect(doc.declared.byCategory).toMatchObject({
      output: { score: 18.79, max: 20, statedCount: 19 },
      benefit: { score: 19.78, max: 20, statedCount: 6 },
      budgetExecution: { score: 10, max: 10 },
    });
    expect(doc.targets.filter((t) => t.category === 'output')).toHaveLength(23);
    expect(doc.targets.filter((t) => t.category === 'benefit')).toHaveLength(6);
    const trade = doc.targets.find((t) => t.name === '全区外贸进出口增长');
    expect(trade).toMatchObject({
      category: 'benefit', index: 4,
      target: { value: 0.05, unit: '%', comparator: '>=' }, actual: { value: 0.127, unit: '%' },
      overCompletionReason: '年度目标值由市商务局下达，我区完成情况较好。',
    });
    expect(doc.targets.find((t) => t.name === '工业投资')).toMatchObject({ target: { value: 110, unit: '亿元' }, actual: { value: 102.59 }, unmetReason: '部分项目投资未达预期。' });
    expect(doc.targets.find((t) => t.index === 12)).toMatchObject({ target: { value: 150, unit: '家', comparator: '>=' }, actual: { value: 170, unit: '家' } });
    expect(doc.budget).toMatchObject({ total: 79776.38, actualSpending: 76740.31, executionRate: 0.9213, carryover: 12.37, basic: 3247.7, project: 73492.61 });
    expect(doc.goals.tasks).toHaveLength(6);
    expect(doc.goals.tasks[3]).toMatchObject({ index: 4, goal: expect.stringMatching(/^指导和协调信息产业发展，推进信息化建设：加快开展 ?5G/u), completion: expect.stringMatching(/^一是推动 ?5G ?基站建设/u) });
    expect(doc.budget.lines.map((l) => [l.label, l.amount])).toEqual([
      ['全年预算数', 79776.38], ['本年收入', 79766.65], ['上年结转', 9.73], ['全年实际执行数', 76740.31],
      ['一般公共预算财政拨款支出', 73899.57], ['政府性基金支出', 2840.74], ['基本支出', 3247.7], ['项目支出', 73492.61], ['年末结转和结余', 12.37],
    ]);
    // The actual of a qualitative target is qualitative too (a narrative's first figure is not its value).
    expect(doc.targets.find((t) => t.name === '持续做好对口帮扶和支援工作任务')).toMatchObject({ target: { qualitative: true }, actual: { qualitative: true, value: null } });
    // The report scores all 25 三级指标 in prose; they add up to its total.
    expect(doc.indicators.find((i) => i.rubricId === 'three-public-control')?.shortfallReason).toMatch(/^三公经费实际支出率为 ?58\.87%/u);
    expect(doc.indicators).toHaveLength(25);
    expect(doc.indicators.find((i) => i.rubricId === 'new-project-assessment')).toMatchObject({ name: '新增预算项目事前绩效评估', weight: 3, declaredScore: 3 });
    expect(doc.indicators.find((i) => i.rubricId === 'three-public-control')).toMatchObject({ weight: 2, declaredScore: 2, level2: '运行成本' });
    expect(doc.indicators.reduce((s, i) => s + (i.declaredScore ?? 0), 0)).toBeCloseTo(98.57, 6);
    const facts = Object.fromEntries(Object.entries(doc.facts).map(([k, f]) => [k, f.value]));
    expect(facts).toMatchObject({
      budgetExecutionRate: 1, carryoverRate: 0.0002, carryoverYearEnd: 12.37, carryoverYearStart: 9.73,
      fixedAssetUtilization: 1, fixedAssetsTotal: 742.91, publicFundsControlRate: -0.1656, publicFundsActual: 143.34,
      publicFundsBudget: 171.79, threePublicActual: 17.45, threePublicBudget: 29.64,
    });
  });

  it.each(['zengcheng-2022-report.txt', 'zengcheng-2022-report.html'])('%s: budget figures as written, subtotals and deductions', async (file) => {
    const doc = await readSample(file);
    expect(doc.department.name).toBe('广州市增城区科技工业商务和信息化局（增城开发区工业商务和信息化局）');
    expect(doc.fiscalYear).toBe(2022);
    expect(doc.declared).toMatchObject({ total: 91.41, byLevel1: { 履职效能: 44.51, 管理效率: 46.9 } });
    expect(doc.declared.byCategory).toMatchObject({ output: { statedCount: 13 }, benefit: { statedCount: 4 } });
    // 126.67 元 is what the report says (元, not 万元): kept as written, converted to 万元.
    expect(doc.budget).toMatchObject({ initial: 138179.36, total: 91470.79, actualSpending: 85038.37, executionRate: 0.9297, carryover: 0.012667 });
    expect(doc.facts['budgetExecutionRate']?.value).toBe(0.9297);
    expect(doc.facts['deduction.履职效能']?.value).toBe(5.49);
    expect(doc.facts['deduction.管理效率']?.value).toBe(3.1);
    expect(doc.targets).toEqual([]);
  });
});
