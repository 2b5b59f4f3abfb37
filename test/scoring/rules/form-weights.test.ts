import { describe, expect, it } from 'vitest';
import { formWeights } from '../../../src/scoring/rules/form-weights.js';
import { budgetRow, form, row } from '../form-fixtures.js';
import { documentContext, runDocumentCheck } from '../rule-tester.js';

const goals = (w1: number, w2: number) => [row('目标一', w1, w1, null, null, { level1Weight: w1 }), row('目标二', w2, w2, null, null, { level1: '效益指标', level1Weight: w2 })];

describe('form-weights', () => {
  it('预算执行 at 20 points with two goals at 40: printed weights win, nothing to report', () => {
    const document = form({ rows: [budgetRow(20, 19), ...goals(40, 40)], byCategory: { budgetExecution: { score: 19, max: 20, statedCount: null } } });
    expect(runDocumentCheck(formWeights, documentContext(document, { rubric: 'national-project' }))).toEqual([]);
  });

  it('a budget row printed at 20 against the block’s own note 预算执行情况（10分）', () => {
    const document = form({ rows: [budgetRow(20, 19), ...goals(40, 40)], byCategory: { budgetExecution: { score: null, max: 10, statedCount: null } } });
    const findings = runDocumentCheck(formWeights, documentContext(document, { rubric: 'national-project' }));
    expect(findings).toMatchObject([{ code: 'WEIGHT_MISMATCH', severity: 'warning', expected: 10, actual: 20, indicator: '年度资金总额' }]);
    expect(findings[0]?.message).toBe('“年度资金总额”的分值印为 20，但表中注明为（10分），请核对以哪一个为准');
  });

  it('rows under 产出指标（50分） adding to 45, and indicators against 绩效指标（90分）', () => {
    const rows = [budgetRow(10, 10), row('a', 25, 25, null, null, { level1Weight: 50 }), row('b', 20, 20, null, null, { level1Weight: 50 }), row('c', 45, 45, null, null, { level1: '效益指标' })];
    const document = form({ rows, byCategory: { indicators: { score: null, max: 90, statedCount: null } } });
    const findings = runDocumentCheck(formWeights, documentContext(document, { rubric: null }));
    expect(findings).toMatchObject([{ code: 'WEIGHT_MISMATCH', indicator: '产出指标', expected: 50, actual: 45 }]);
  });

  it('weights adding to 90 of 100 because a 不适用 row lost its points, the form not saying how to rescale', () => {
    const rows = [budgetRow(10, 10), row('a', 50, 50, null, null), row('生态', null, null, null, null, { notApplicable: true }), row('b', 30, 30, null, null, { level1: '效益指标' })];
    const findings = runDocumentCheck(formWeights, documentContext(form({ rows }), { rubric: 'national-project' }));
    expect(findings).toMatchObject([{ code: 'WEIGHT_MISMATCH', indicator: '总分', expected: 100, actual: 90 }]);
    expect(findings[0]?.message).toContain('没有说明如何折算');
  });
});
