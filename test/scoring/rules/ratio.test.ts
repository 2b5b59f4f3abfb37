import { ratio } from '../../../src/scoring/rules/ratio.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests(ratio, {
  valid: [
    { name: 'ratio 80% → 0.8', entry: 'procurement-policy', declared: 0.8, facts: { procurementPolicyRatio: 0.8 }, recomputed: 0.8 },
    { name: 'above 100% is capped at the weight', entry: 'procurement-policy', declared: 1, facts: { procurementPolicyRatio: 1.3 }, recomputed: 1 },
  ],
  invalid: [
    { name: 'ratio 60% scored 1', entry: 'procurement-policy', declared: 1, facts: { procurementPolicyRatio: 0.6 }, codes: ['RECOMPUTED_MISMATCH'], expected: 0.6, actual: 1 },
  ],
  unverifiable: [
    // zengcheng 2022: 采购政策效能 0.80 of 1, the ratio is not stated.
    { name: 'zengcheng 2022 0.80 without the ratio', rubric: 'gz-2022', entry: 'procurement-policy', declared: 0.8 },
  ],
});
