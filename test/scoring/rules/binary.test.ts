import { binary } from '../../../src/scoring/rules/binary.js';
import { indicator } from '../../helpers/make-document.js';
import { runRuleTests } from '../rule-tester.js';

const intent = (a: number, b: number) => [
  indicator({ rubricId: 'procurement-intent-disclosure', name: '采购意向公开合规性', part: 1, weight: 0.5, declaredScore: a }),
  indicator({ rubricId: 'procurement-intent-disclosure', name: null, part: 2, weight: 1.5, declaredScore: b }),
];

// A binary rule's condition is never in the documents: no case is 'valid' (ok), only allowed or not.
runRuleTests(binary, {
  valid: [],
  invalid: [
    // zengcheng 2022: 采购内控制度建设 0.80 of 1.
    {
      name: 'zengcheng 2022 采购内控制度建设 0.80 of 1',
      rubric: 'gz-2022',
      entry: 'procurement-internal-control',
      declared: 0.8,
      rows: [indicator({ rubricId: 'procurement-internal-control', name: '采购内控制度建设', weight: 1, declaredScore: 0.8 })],
      codes: ['SCORE_NOT_ALLOWED'],
      allowed: '0、1',
      actual: 0.8,
    },
    // zengcheng 2022: 合同备案时效性 0.50 of 1.
    { name: 'zengcheng 2022 合同备案时效性 0.50 of 1', rubric: 'gz-2022', entry: 'contract-filing-timeliness', declared: 0.5, codes: ['SCORE_NOT_ALLOWED'], actual: 0.5 },
    { name: 'a sub-row of 采购意向公开合规性 with a partial score', entry: 'procurement-intent-disclosure', declared: 1.5, rows: intent(0.5, 1), codes: ['SCORE_NOT_ALLOWED'], allowed: '0、1.5', actual: 1 },
    {
      name: 'one row for the whole 采购意向公开合规性 with 1.2',
      entry: 'procurement-intent-disclosure',
      declared: 1.2,
      rows: [indicator({ rubricId: 'procurement-intent-disclosure', part: null, weight: 2, declaredScore: 1.2 })],
      codes: ['SCORE_NOT_ALLOWED'],
      allowed: '0、0.5、1.5、2',
    },
    { name: 'a report total no subset of 0.5 + 1.5 gives', entry: 'procurement-intent-disclosure', declared: 1.2, codes: ['SCORE_NOT_ALLOWED'], allowed: '0、0.5、1.5、2' },
  ],
  unverifiable: [
    { name: 'full marks', entry: 'asset-inventory', declared: 1 },
    { name: 'zero', entry: 'asset-inventory', declared: 0 },
    { name: 'liwan 2023 采购意向 0.5 + 1.5', entry: 'procurement-intent-disclosure', declared: 2, rows: intent(0.5, 1.5) },
    {
      name: 'one row for the whole 采购意向公开合规性 with 1.5',
      entry: 'procurement-intent-disclosure',
      declared: 1.5,
      rows: [indicator({ rubricId: 'procurement-intent-disclosure', part: null, weight: 2, declaredScore: 1.5 })],
    },
    { name: 'one sub-row failed', entry: 'procurement-intent-disclosure', declared: 0.5, rows: intent(0.5, 0) },
    { name: 'a score above the weight is left to score-range', entry: 'asset-inventory', declared: 1.5 },
  ],
});
