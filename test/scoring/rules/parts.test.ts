import { parts } from '../../../src/scoring/rules/parts.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests(parts, {
  valid: [],
  invalid: [
    { name: '预决算公开合规性 1.5 (1 + 1 only)', entry: 'budget-disclosure', declared: 1.5, codes: ['SCORE_NOT_ALLOWED'], allowed: '0、1、2' },
    { name: '绩效结果应用 2.5 (30/30/40% of 3)', entry: 'performance-results-use', declared: 2.5, codes: ['SCORE_NOT_ALLOWED'], allowed: '0、0.9、1.2、1.8、2.1、3' },
  ],
  unverifiable: [
    { name: '绩效管理制度执行 7', entry: 'performance-execution', declared: 7 },
    { name: '绩效管理制度执行 4 (targets 2 + two 1s)', entry: 'performance-execution', declared: 4 },
    { name: '绩效结果应用 2.1 (30% missed)', entry: 'performance-results-use', declared: 2.1 },
    { name: '绩效信息公开 1', entry: 'performance-disclosure', declared: 1 },
  ],
});
