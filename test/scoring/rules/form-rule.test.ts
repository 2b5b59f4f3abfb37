import { formRule } from '../../../src/scoring/rules/form-rule.js';
import { q, row } from '../form-fixtures.js';
import { runRuleTests } from '../rule-tester.js';

// yuling 2021: 得分 = 得分系数 × 权重 (94% × 8 = 7.52, 97% × 6 = 5.82).
const repair = (score: number) => row('市政道路病害修复面积', 8, score, q('≥20000', 20000, null, '>='), q('18800', 18800, null), { coefficient: 0.94 });

runRuleTests(formRule, {
  valid: [
    { name: 'yuling 2021 94% × 8 = 7.52', rubric: null, entry: 'row-4', declared: 7.52, rows: [repair(7.52)], recomputed: 7.52 },
    { name: 'yuling 2021 97% × 6 = 5.82', rubric: null, entry: 'row-7', declared: 5.82, rows: [row('占道经营投诉按期办结率', 6, 5.82, null, null, { coefficient: 0.97 })], recomputed: 5.82 },
  ],
  invalid: [{ name: 'full marks at a 94% coefficient', rubric: null, entry: 'row-4', declared: 8, rows: [repair(8)], codes: ['RECOMPUTED_MISMATCH'], expected: 7.52, actual: 8, severity: 'error' }],
  unverifiable: [
    { name: 'fengmu 2023: no coefficient, no rubric', rubric: null, entry: 'row-6', declared: 6.3, rows: [row('惠农补贴资金发放及时率', 7, 6.3, q('100%', 1, '%'), q('90%', 0.9, '%'))] },
    { name: 'no weight printed', rubric: null, entry: 'row-1', declared: 5, rows: [row('某指标', null, 5, null, null, { coefficient: 1 })], weight: null },
  ],
});
