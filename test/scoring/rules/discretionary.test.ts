import { describe, expect, it } from 'vitest';
import { discretionary } from '../../../src/scoring/rules/discretionary.js';
import { entryContext, runRuleTests } from '../rule-tester.js';

runRuleTests(discretionary, {
  valid: [],
  invalid: [],
  unverifiable: [
    // zengcheng 2022: 数据质量 1.80 of 2 (25.6 元 depreciation difference): a discretionary deduction.
    { name: 'zengcheng 2022 数据质量 1.80', rubric: 'gz-2022', entry: 'asset-data-quality', declared: 1.8 },
    // zengcheng 2022: 绩效管理制度建设 3 of 5 (the 2023 text of this rule is truncated).
    { name: 'zengcheng 2022 绩效管理制度建设 3', rubric: 'gz-2022', entry: 'performance-system', declared: 3 },
  ],
});

describe('discretionary range', () => {
  it('is the whole [0, weight]', () => {
    expect(discretionary.check(entryContext({ name: 'r', entry: 'asset-data-quality', declared: 2 })).range).toEqual([0, 2]);
  });
});
