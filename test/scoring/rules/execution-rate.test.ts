import { executionRate } from '../../../src/scoring/rules/execution-rate.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests(executionRate, {
  valid: [
    // zengcheng 2022: 年度预算执行率 92.97% → 5 × 0.9297 = 4.65, as the table declares.
    { name: 'zengcheng 2022 4.65 of 5', rubric: 'gz-2022', entry: 'budget-execution', declared: 4.65, facts: { budgetExecutionRate: 0.9297 }, recomputed: 4.65 },
    // baiyun 2023: 年度平均执行率 100% → 10.
    { name: 'baiyun 2023 full at 100%', entry: 'budget-execution', declared: 10, facts: { budgetExecutionRate: 1 }, recomputed: 10 },
    { name: 'a rate above 100% counts as 100%', entry: 'budget-execution', declared: 10, facts: { budgetExecutionRate: 1.04 }, recomputed: 10 },
    { name: '专项资金支出率 from its own fact', rubric: 'gz-2022', entry: 'special-funds-execution', declared: 4.7, facts: { specialFundsExecutionRate: 0.94 }, recomputed: 4.7 },
  ],
  invalid: [
    { name: 'full marks at 92.97%', rubric: 'gz-2022', entry: 'budget-execution', declared: 5, facts: { budgetExecutionRate: 0.9297 }, codes: ['RECOMPUTED_MISMATCH'], expected: 4.65, actual: 5 },
    { name: 'scored below the rate', entry: 'budget-execution', declared: 8, facts: { budgetExecutionRate: 0.9213 }, codes: ['RECOMPUTED_MISMATCH'], expected: 9.21, actual: 8 },
  ],
  unverifiable: [
    { name: 'no execution rate in the documents', entry: 'budget-execution', declared: 10 },
    { name: 'special funds rate absent though the budget rate is there', rubric: 'gz-2022', entry: 'special-funds-execution', declared: 4.7, facts: { budgetExecutionRate: 0.9297 } },
  ],
});
