import { controlRate } from '../../../src/scoring/rules/control-rate.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests(controlRate, {
  valid: [
    // baiyun 2023: 公用经费控制率 -16.56% → 2.
    { name: 'baiyun 2023 -16.56% stated', entry: 'public-funds-control', declared: 2, facts: { publicFundsControlRate: -0.1656 }, recomputed: 2 },
    { name: 'baiyun 2023 derived from 143.34 and 171.79', entry: 'public-funds-control', declared: 2, facts: { publicFundsActual: 143.34, publicFundsBudget: 171.79 }, recomputed: 2 },
    { name: '3% over: one started 5% → 1.5', entry: 'public-funds-control', declared: 1.5, facts: { publicFundsControlRate: 0.03 }, recomputed: 1.5 },
    { name: '12% over: three started 5% → 0.5', entry: 'public-funds-control', declared: 0.5, facts: { publicFundsControlRate: 0.12 }, recomputed: 0.5 },
  ],
  invalid: [
    { name: '12% over scored in full', entry: 'public-funds-control', declared: 2, facts: { publicFundsControlRate: 0.12 }, codes: ['RECOMPUTED_MISMATCH'], expected: 0.5, actual: 2 },
    { name: '1.2 is off the 0.5 steps', entry: 'public-funds-control', declared: 1.2, codes: ['SCORE_NOT_ALLOWED'] },
  ],
  unverifiable: [{ name: 'no control rate or its inputs', entry: 'public-funds-control', declared: 2 }],
});
