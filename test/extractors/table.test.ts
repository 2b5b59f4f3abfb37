import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/schema/document.js';
import { readSample } from '../helpers/samples.js';

const byRubric = (doc: Document, id: string) => doc.indicators.filter((i) => i.rubricId === id);

describe('table extractor', () => {
  it.each(['zengcheng-2022-table.txt', 'zengcheng-2022-table.html'])('%s: 2022 layout, every row aligned to the 2022 rubric', async (file) => {
    const doc = await readSample(file);
    expect(doc.kind).toBe('self-evaluation-table');
    expect(doc.fiscalYear).toBe(2022);
    expect(doc.department).toMatchObject({ name: '广州市增城区科技工业商务和信息化局(增城开发区工业商务和信息化局)', region: '增城区', inferred: false });
    expect(doc.verification.rubric?.id).toBe('gz-2022');
    expect(doc.indicators).toHaveLength(28);
    expect(doc.indicators.every((i) => i.rubricId !== null)).toBe(true);
    // The text export shifted this row left (`专项资金支出率	5			反映…	4.70`): it still resolves.
    expect(byRubric(doc, 'special-funds-execution')[0]).toMatchObject({
      name: '专项资金支出率', weight: 5, declaredScore: 4.7, level1: '履职效能', level2: '专项效能',
      shortfallReason: expect.stringContaining('2022年省级进一步促进外贸稳定增长资金'),
    });
    // A name printed once over two sub-rows: parts 1 and 2.
    expect(byRubric(doc, 'procurement-intent-disclosure').map((i) => [i.part, i.weight, i.declaredScore])).toEqual([[1, 0.5, 0.5], [2, 1.5, 1.5]]);
    expect(byRubric(doc, 'output-completion')[0]).toMatchObject({ declaredScore: 6.28, weight: 10, explanation: expect.stringMatching(/^反映年度预算编报时确定的部门整体绩效目标中产出指标完成情况/u) });
    expect(doc.declared).toMatchObject({ total: 91.41, grade: null });
    expect(doc.budget).toMatchObject({ total: 91470.79, basic: 4262.34, project: 87208.45, specialFunds: 66955.58, otherDevelopment: 10000.01, districtLevel: 48034.29, transfers: 100.57 });
    expect(doc.budget.lines.map((l) => l.label)).toEqual(['预算总额', '基本支出', '项目支出', '专项资金', '其他事业发展支出', '区本级资金', '对下转移支付']);
    expect(doc.goals.tasks.map((t) => t.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(doc.goals.tasks[0]?.unmetReason).toMatch(/^因机构改革招商主要职能划转投促局/u);
  });

  it.each(['liwan-2023-table.txt', 'liwan-2023-table.html'])('%s: 2023 layout with blank names, a blank score and no department', async (file) => {
    const doc = await readSample(file);
    expect(doc.fiscalYear).toBe(2023);
    expect(doc.verification.rubric?.id).toBe('gz-2023');
    expect(doc.department).toMatchObject({ name: '广州市荔湾区协作办公室', region: '荔湾区', inferred: true });
    expect(doc.warnings.map((w) => w.code)).toContain('DEPARTMENT_INFERRED');
    // Rows whose 三级指标 cell is blank are identified by weight, criteria text and order.
    const blank = doc.indicators.filter((i) => i.name === null).map((i) => [i.rubricId, i.part, i.weight]);
    expect(blank).toEqual([
      ['procurement-intent-disclosure', 1, 0.5],
      ['procurement-intent-disclosure', 2, 1.5],
      ['procurement-internal-control', null, 1],
      ['procurement-compliance', null, 2],
      ['contract-signing-timeliness', null, 3],
    ]);
    expect(byRubric(doc, 'new-project-assessment')[0]).toMatchObject({ declaredScore: 3, scoreInferred: true, basis: '2023年度无新增项目' });
    expect(doc.declared.total).toBe(100);
    expect(doc.facts['carryoverRate']).toMatchObject({ value: 0.0096, text: '结转率0.96%' });
    expect(doc.budget).toMatchObject({ total: 1239.81, basic: 710.86, project: 528.95, specialFunds: 0, fiscalAppropriation: 1239.81, otherFunds: 0, districtLevel: 1239.81 });
    expect(byRubric(doc, 'output-completion')[0]?.criteria).toMatch(/完成率高于150%的，得一半分/u);
  });
});
