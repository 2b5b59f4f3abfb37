import { deduction } from '../../../src/scoring/rules/deduction.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests(deduction, {
  valid: [],
  invalid: [
    { name: '财务管理合规性 1.8: no 0.5 step gives it', entry: 'financial-compliance', declared: 1.8, codes: ['SCORE_NOT_ALLOWED'], allowed: '2、1.5、1、0.5、0', actual: 1.8 },
    { name: '采购活动合规性 deducts whole points', entry: 'procurement-compliance', declared: 1.5, codes: ['SCORE_NOT_ALLOWED'], allowed: '2、1、0' },
  ],
  unverifiable: [
    { name: 'liwan 2023 新增预算项目事前绩效评估 full', entry: 'new-project-assessment', declared: 3 },
    { name: 'one 0.5 deduction', entry: 'new-project-assessment', declared: 2.5 },
    { name: 'an inferred score is not judged', entry: 'new-project-assessment', declared: 2.2, inferred: true },
    { name: '资产收益上缴 0.5 late', entry: 'asset-income-remittance', declared: 0.5 },
  ],
});
