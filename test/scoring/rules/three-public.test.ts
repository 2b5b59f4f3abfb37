import { threePublic } from '../../../src/scoring/rules/three-public.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests(threePublic, {
  valid: [
    // baiyun 2023: 实际支出数 17.45 万元 < 预算 29.64 万元 → 2.
    { name: 'baiyun 2023 17.45 ≤ 29.64', entry: 'three-public-control', declared: 2, facts: { threePublicActual: 17.45, threePublicBudget: 29.64 }, recomputed: 2 },
    { name: 'over budget and scored 0', entry: 'three-public-control', declared: 0, facts: { threePublicActual: 31, threePublicBudget: 29.64 }, recomputed: 0 },
  ],
  invalid: [
    { name: 'over budget scored in full', entry: 'three-public-control', declared: 2, facts: { threePublicActual: 31, threePublicBudget: 29.64 }, codes: ['RECOMPUTED_MISMATCH'], expected: 0, actual: 2 },
    { name: 'a partial score', entry: 'three-public-control', declared: 1, facts: { threePublicActual: 17.45, threePublicBudget: 29.64 }, codes: ['SCORE_NOT_ALLOWED'] },
  ],
  unverifiable: [{ name: 'only the actual spending is stated', entry: 'three-public-control', declared: 2, facts: { threePublicActual: 17.45 } }],
});
