import { describe, expect, it } from 'vitest';
import { budgetRate } from '../../../src/scoring/rules/budget-rate.js';
import { budgetRow, form } from '../form-fixtures.js';
import { documentContext, runDocumentCheck } from '../rule-tester.js';

const table = (total: number | null, actualSpending: number | null, executionRate: number | null, withRow = true) =>
  form({ kind: 'self-evaluation-table', rows: withRow ? [budgetRow(10, 10)] : [], budget: { total, actualSpending, executionRate } });

describe('budget-rate', () => {
  it('fengmu 2023: 执行率 printed 100% while 1453.11 / 1562.48 = 93% (error: the rate is scored)', () => {
    const findings = runDocumentCheck(budgetRate, documentContext(table(1562.48, 1453.11, 1), { rubric: null }));
    expect(findings).toMatchObject([{ code: 'EXECUTION_RATE_MISMATCH', severity: 'error', expected: 0.93, actual: 1, indicator: '预算执行率', rule: 'budget-rate' }]);
    expect(findings[0]?.message).toBe('预算执行率印为 100%，但全年执行数 1453.11 万元 / 全年预算数 1562.48 万元 = 93%，请核对执行率');
    expect(findings[0]?.provenance.map((p) => p.text)).toEqual(['全年执行数 1453.11', '全年预算数 1562.48', '年度资金总额 10 10']);
  });

  it('baiyun 2023: 92.13% against 76740.31 / 79776.38 = 96.19% is only a warning where the rubric scores the monthly average', () => {
    const report = table(79776.38, 76740.31, 0.9213, false);
    const findings = runDocumentCheck(budgetRate, documentContext(report, { rubric: 'gz-2023' }));
    expect(findings).toMatchObject([{ code: 'EXECUTION_RATE_MISMATCH', severity: 'warning', expected: 0.9619, actual: 0.9213 }]);
    expect(findings[0]?.message).toContain('月度执行率的年度平均');
    // The same figures on a form that scores its own printed rate are an error.
    expect(runDocumentCheck(budgetRate, documentContext(table(79776.38, 76740.31, 0.9213), { rubric: 'national-project' }))[0]?.severity).toBe('error');
  });

  it('allows the rounding of the printed digits', () => {
    // linxi 95.50% = 327.36 / 342.80 (0.954959); baixi 95.00% = 122.17 / 128.60; yuling 95.00 = 8662.78 / 9118.72.
    for (const [total, spent, rate] of [[342.8, 327.36, 0.955], [128.6, 122.17, 0.95], [9118.72, 8662.78, 0.95], [436.8, 428.94, 0.982]] as const) {
      expect(runDocumentCheck(budgetRate, documentContext(table(total, spent, rate), { rubric: null })), `${spent}/${total}`).toEqual([]);
    }
    // 92.19% printed to two decimals of a percent is not 92.13%.
    expect(runDocumentCheck(budgetRate, documentContext(table(100, 92.19, 0.9213), { rubric: null }))).toHaveLength(1);
  });

  it('says nothing without the three figures', () => {
    expect(runDocumentCheck(budgetRate, documentContext(table(null, 1453.11, 1), { rubric: null }))).toEqual([]);
    expect(runDocumentCheck(budgetRate, documentContext(table(1562.48, null, 1), { rubric: null }))).toEqual([]);
    expect(runDocumentCheck(budgetRate, documentContext(table(1562.48, 1453.11, null), { rubric: null }))).toEqual([]);
  });
});
