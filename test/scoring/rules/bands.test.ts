import { bandContains } from '../../../src/scoring/rules/bands.js';
import { bands } from '../../../src/scoring/rules/bands.js';
import { describe, expect, it } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

runRuleTests(bands, {
  valid: [
    // liwan 2023: 结转率0.96%，得2分 (rule ≤10% → 2).
    { name: 'liwan 2023 结转率 0.96% → 2', entry: 'carryover-rate', declared: 2, facts: { carryoverRate: 0.0096 }, recomputed: 2 },
    // baiyun 2023: 12.37 / (9.73 + 73,898.42 + 2,840.74) = 0.02% → 2, derived from its inputs.
    {
      name: 'baiyun 2023 结转结余率 derived from its inputs',
      entry: 'carryover-rate',
      declared: 2,
      facts: { carryoverYearEnd: 12.37, carryoverYearStart: 9.73, generalBudgetAppropriation: 73898.42, governmentFundAppropriation: 2840.74 },
      recomputed: 2,
    },
    { name: '结转结余率 exactly 20% is still the 1-point band', entry: 'carryover-rate', declared: 1, facts: { carryoverRate: 0.2 }, recomputed: 1 },
    // baiyun 2023: 742.91 / 742.91 = 100% → 2.
    { name: 'baiyun 2023 固定资产利用率 100%', entry: 'fixed-asset-utilization', declared: 2, facts: { fixedAssetsInUse: 742.91, fixedAssetsTotal: 742.91 }, recomputed: 2 },
    { name: '固定资产利用率 80% → 1.5', entry: 'fixed-asset-utilization', declared: 1.5, facts: { fixedAssetUtilization: 0.8 }, recomputed: 1.5 },
    { name: '合同签订及时率 95% → 2', entry: 'contract-signing-timeliness', declared: 2, facts: { contractTimelyRate: 0.95 }, recomputed: 2 },
  ],
  invalid: [
    { name: '结转结余率 25% scored 2', entry: 'carryover-rate', declared: 2, facts: { carryoverRate: 0.25 }, codes: ['RECOMPUTED_MISMATCH'], expected: 0.5, actual: 2 },
    { name: '1.2 is no band of 结转结余率', entry: 'carryover-rate', declared: 1.2, facts: { carryoverRate: 0.05 }, codes: ['SCORE_NOT_ALLOWED'], actual: 1.2, recomputed: 2 },
    { name: '1.2 not allowed even without the rate', entry: 'fixed-asset-utilization', declared: 1.2, codes: ['SCORE_NOT_ALLOWED'], allowed: '0、1、1.5、2' },
    { name: '合同签订及时率 85% scored 3', entry: 'contract-signing-timeliness', declared: 3, facts: { contractTimelyRate: 0.85 }, codes: ['RECOMPUTED_MISMATCH'], expected: 1 },
  ],
  unverifiable: [
    { name: 'no rate and no inputs', entry: 'carryover-rate', declared: 2 },
    { name: 'an input missing (年初结转结余)', entry: 'carryover-rate', declared: 2, facts: { carryoverYearEnd: 12.37, generalBudgetAppropriation: 73898.42 } },
    { name: 'zengcheng 2022 合同签订时效性 3 without 及时率', rubric: 'gz-2022', entry: 'contract-signing-timeliness', declared: 3 },
  ],
});

describe('bandContains', () => {
  it('keeps the rubric text’s open and closed ends', () => {
    expect(bandContains({ score: 1, above: 0.1, atMost: 0.2 }, 0.1)).toBe(false);
    expect(bandContains({ score: 1, above: 0.1, atMost: 0.2 }, 0.2)).toBe(true);
    expect(bandContains({ score: 2, atLeast: 0.9, below: 1 }, 1)).toBe(false);
  });
});
