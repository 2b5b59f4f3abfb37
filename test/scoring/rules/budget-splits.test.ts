import { describe, expect, it } from 'vitest';
import type { BudgetSplit } from '../../../src/schema/index.js';
import { budgetSplits } from '../../../src/scoring/rules/budget-splits.js';
import { makeDocument, prov } from '../../helpers/make-document.js';
import { documentContext, runDocumentCheck } from '../rule-tester.js';

const split = (label: string | null, total: string, totalAmount: number, parts: Array<[string, number]>): BudgetSplit => ({
  label,
  total,
  totalAmount,
  parts: parts.map(([l, amount]) => ({ label: l, amount })),
  provenance: prov(`${label ?? ''} ${total} ${totalAmount}`),
});

const withSplits = (...splits: BudgetSplit[]) => {
  const document = makeDocument({ kind: 'self-evaluation-table' });
  document.budget.splits = splits;
  return documentContext(document, { rubric: null });
};

// fengmu 2023: 按收入性质分 1198.26 + 206.40 + 157.82 = 1562.48 (全年预算数); 按支出性质分 826.55 + 626.56 = 1453.11 (全年执行数).
const income = split('按收入性质分', '全年预算数', 1562.48, [['一般公共预算拨款', 1198.26], ['政府性基金拨款', 206.4], ['其他资金', 157.82]]);
const spending = split('按支出性质分', '全年执行数', 1453.11, [['基本支出', 826.55], ['项目支出', 626.56]]);

describe('budget-splits', () => {
  it('fengmu 2023: both splits add up', () => {
    expect(runDocumentCheck(budgetSplits, withSplits(income, spending))).toEqual([]);
  });

  it('parts 100 short of their total are an error', () => {
    const findings = runDocumentCheck(budgetSplits, withSplits(split('按收入性质分', '全年预算数', 1662.48, [['一般公共预算拨款', 1198.26], ['政府性基金拨款', 206.4], ['其他资金', 157.82]])));
    expect(findings).toMatchObject([{ code: 'BUDGET_SUM_MISMATCH', severity: 'error', expected: 1562.48, actual: 1662.48, indicator: '按收入性质分' }]);
    expect(findings[0]?.message).toBe('“按收入性质分”各项（一般公共预算拨款 1198.26 + 政府性基金拨款 206.4 + 其他资金 157.82）之和为 1562.48 万元，与全年预算数 1662.48 万元相差 100 万元');
    expect(findings[0]?.provenance[0]?.text).toContain('按收入性质分');
  });

  it('a cent per part is rounding (info); an unnamed 其中 split is named by its total', () => {
    const findings = runDocumentCheck(budgetSplits, withSplits(split(null, '项目支出', 129.61, [['普查经费', 85.2], ['统计调查', 29.25], ['执法检查', 15.15]])));
    expect(findings).toMatchObject([{ code: 'BUDGET_SUM_MISMATCH', severity: 'info', indicator: '项目支出', expected: 129.6 }]);
  });
});
