import { executionScore } from '../../../src/scoring/rules/execution-score.js';
import { BAIXI_NOTE, LIUWAN_NOTE, YULING_NOTE, budgetRow, form } from '../form-fixtures.js';
import { runRuleTests } from '../rule-tester.js';

type Budget = { total: number | null; actualSpending: number | null; executionRate: number | null };
const liuwanBudget: Budget = { total: 86, actualSpending: 84.28, executionRate: 0.98 };
const doc = (weight: number | null, score: number | null, note: string | null, budget: Budget = liuwanBudget) => {
  const row = budgetRow(weight, score, note);
  return { rows: [row], document: form({ rows: [row], budget }), declared: score };
};

runRuleTests(executionScore, {
  valid: [
    // liuwan 2023 states 执行率得分按执行率乘以分值计算: 10 × 84.28 / 86 = 9.8.
    { name: 'liuwan 2023 9.8 of 10, rule stated', rubric: 'national-project', entry: 'budget-execution', ...doc(10, 9.8, LIUWAN_NOTE), recomputed: 9.8 },
    // yuling 2021 (Chongqing, no rubric): 执行率得分＝执行率×执行率权重, 8662.78 / 9118.72 = 95.00% → 9.5.
    { name: 'yuling 2021 without a rubric, rule stated', rubric: null, entry: 'budget', ...doc(10, 9.5, YULING_NOTE, { total: 9118.72, actualSpending: 8662.78, executionRate: 0.95 }), recomputed: 9.5 },
    { name: 'spent above the budget counts as 100%', rubric: 'national-project', entry: 'budget-execution', ...doc(10, 10, LIUWAN_NOTE, { total: 100, actualSpending: 104, executionRate: 1.04 }), recomputed: 10 },
    // 预算执行 at 20 points, only the printed rate: 20 × 90% = 18.
    { name: 'a 20-point budget row scored from its printed rate', rubric: 'national-project', entry: 'budget-execution', ...doc(20, 18, LIUWAN_NOTE, { total: null, actualSpending: null, executionRate: 0.9 }), weight: 20, recomputed: 18 },
  ],
  invalid: [
    // fengmu 2023 with the rule stated: 100% printed, 1453.11 / 1562.48 = 93% → 9.3, not 10.
    { name: 'full marks where the figures give 93%', rubric: 'national-project', entry: 'budget-execution', ...doc(10, 10, LIUWAN_NOTE, { total: 1562.48, actualSpending: 1453.11, executionRate: 1 }), codes: ['RECOMPUTED_MISMATCH'], expected: 9.3, actual: 10, severity: 'error' },
    { name: 'scored below the rate', rubric: 'national-project', entry: 'budget-execution', ...doc(10, 9, LIUWAN_NOTE), codes: ['RECOMPUTED_MISMATCH'], expected: 9.8, actual: 9, severity: 'warning' },
  ],
  unverifiable: [
    // baixi 2022 says how the rate is computed and that it is worth 10, not that 得分 = 分值 × 执行率.
    { name: 'baixi 2022: the form does not state the scoring rule', rubric: 'national-project', entry: 'budget-execution', ...doc(10, 9.5, BAIXI_NOTE, { total: 128.6, actualSpending: 122.17, executionRate: 0.95 }) },
    { name: 'fengmu 2023 (no rubric, no rule stated)', rubric: null, entry: 'budget', ...doc(10, 10, null, { total: 1562.48, actualSpending: 1453.11, executionRate: 1 }) },
    { name: 'no budget figures', rubric: 'national-project', entry: 'budget-execution', ...doc(10, 9.5, LIUWAN_NOTE, { total: null, actualSpending: null, executionRate: null }) },
    { name: 'no weight printed and none in a rubric', rubric: null, entry: 'budget', ...doc(null, 9.5, LIUWAN_NOTE), weight: null },
  ],
});
