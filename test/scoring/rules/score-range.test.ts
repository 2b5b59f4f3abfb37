import { scoreRange } from '../../../src/scoring/rules/score-range.js';
import { indicator } from '../../helpers/make-document.js';
import { entryContext, runRuleTests } from '../rule-tester.js';
import { describe, expect, it } from 'vitest';

// score-range never verifies substance: its "valid" cases are the unverifiable ones with no report.
runRuleTests(scoreRange, {
  valid: [],
  invalid: [
    { name: 'above the weight', entry: 'carryover-rate', declared: 2.5, codes: ['SCORE_OUT_OF_RANGE'], expected: 2, actual: 2.5 },
    { name: 'negative', entry: 'asset-inventory', declared: -1, codes: ['SCORE_OUT_OF_RANGE'] },
    {
      name: 'a sub-row above its part weight though the sum fits',
      entry: 'procurement-intent-disclosure',
      declared: 1.5,
      rows: [
        indicator({ rubricId: 'procurement-intent-disclosure', part: 1, weight: 0.5, declaredScore: 1 }),
        indicator({ rubricId: 'procurement-intent-disclosure', part: 2, weight: 1.5, declaredScore: 0.5 }),
      ],
      codes: ['SCORE_OUT_OF_RANGE'],
      expected: 0.5,
      actual: 1,
    },
  ],
  unverifiable: [
    { name: 'full marks', entry: 'carryover-rate', declared: 2 },
    { name: 'zero', entry: 'carryover-rate', declared: 0 },
    { name: 'blank', entry: 'carryover-rate', declared: null },
  ],
});

describe('score-range message', () => {
  it('names the part', () => {
    const result = scoreRange.check(
      entryContext({
        name: 'p',
        entry: 'procurement-intent-disclosure',
        declared: 3,
        rows: [
          indicator({ rubricId: 'procurement-intent-disclosure', part: 1, weight: 0.5, declaredScore: 0.5 }),
          indicator({ rubricId: 'procurement-intent-disclosure', part: 2, weight: 1.5, declaredScore: 2.5 }),
        ],
      }, scoreRange),
    );
    expect(result.reports[0]?.messageId).toBe('partOutOfRange');
    expect(result.reports[0]?.data['part']).toBe(2);
  });
});
