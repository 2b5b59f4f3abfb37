import { describe, expect, it } from 'vitest';
import { completionRate } from '../../../src/scoring/rules/completion-rate.js';
import { scoreTarget } from '../../../src/scoring/completion-items.js';
import { quantity, target } from '../../helpers/make-document.js';
import { BAIYUN_BENEFIT_TARGETS } from '../baiyun-targets.js';
import { entryContext, runRuleTests } from '../rule-tester.js';

const T = { pass: 0.6, full: 1, half: 1.5 };
const quantitativeOnly = BAIYUN_BENEFIT_TARGETS.slice(0, 4);

runRuleTests(completionRate, {
  valid: [
    // ① 101% → 5, ② 93.26% → 4.66, ③ 123% → 5, ④ 254% → 2.5 (half): 17.16 of 20.
    { name: 'baiyun benefit items 1–4 scored by the rule', entry: 'benefit-completion', declared: 17.16, targets: quantitativeOnly, recomputed: 17.16 },
    { name: 'baiyun benefit, half for >150%, qualitative items achieved', entry: 'benefit-completion', declared: 18.1, targets: BAIYUN_BENEFIT_TARGETS, range: [16.78, 18.11] },
  ],
  invalid: [
    // baiyun 2023 declares 19.78 of 20: only possible by scoring 全区外贸进出口增长 (254%) in full.
    { name: 'baiyun 2023 19.78 with 外贸 at 254%', entry: 'benefit-completion', declared: 19.78, targets: BAIYUN_BENEFIT_TARGETS, codes: ['COMPLETION_OVER_150'], expected: 18.11, actual: 19.78 },
    {
      name: 'a target met at 50% given points',
      entry: 'output-completion',
      declared: 20,
      targets: [
        target('output', 1, '出台科技政策', quantity('2 个', 2, '个'), quantity('1 个', 1, '个')),
        target('output', 2, '走访企业', quantity('100 家', 100, '家'), quantity('119 家', 119, '家')),
      ],
      codes: ['COMPLETION_UNDER_60'],
      expected: 10,
    },
    { name: 'scored below what the figures give', entry: 'benefit-completion', declared: 12, targets: quantitativeOnly, codes: ['RECOMPUTED_MISMATCH'], expected: 17.16 },
  ],
  unverifiable: [
    { name: 'no targets listed', entry: 'output-completion', declared: 18.79 },
    { name: '专项资金绩效 has no target pairs', rubric: 'gz-2022', entry: 'special-funds-completion', declared: 18.89 },
    {
      name: 'only qualitative targets',
      entry: 'benefit-completion',
      declared: 19.5,
      targets: BAIYUN_BENEFIT_TARGETS.slice(4),
    },
  ],
});

describe('scoreTarget', () => {
  it('compares percent with percent: ≥5% vs 12.70% is 254%, half points', () => {
    const outcome = scoreTarget(BAIYUN_BENEFIT_TARGETS[3]!, 4, T);
    expect(outcome).toMatchObject({ kind: 'quantitative', band: 'over150', score: 2 });
    expect(outcome.kind === 'quantitative' ? outcome.rate : 0).toBeCloseTo(2.54, 4);
  });
  it('scores a lower-is-better target as target / actual', () => {
    const t = target('output', 1, '办结时限', quantity('控制在3个工作日内', 3, '个工作日', '<='), quantity('4个工作日', 4, '个工作日'));
    expect(scoreTarget(t, 1, T)).toMatchObject({ band: 'partial', score: 0.75 });
  });
  it('treats a "<0%" target as met when the actual satisfies it, without dividing by zero', () => {
    const t = target('benefit', 1, '公用经费控制率', quantity('<0%', 0, '%', '<'), quantity('-16.56%', -0.1656, '%'));
    expect(scoreTarget(t, 2, T)).toMatchObject({ kind: 'quantitative', band: 'full', score: 2 });
  });
  it('converts 亿元 and 万元', () => {
    const t = target('benefit', 1, '工业投资', quantity('110亿元', 110, '亿元'), quantity('1,025,900万元', 1025900, '万元'));
    const outcome = scoreTarget(t, 1, T);
    expect(outcome.kind === 'quantitative' ? outcome.rate : 0).toBeCloseTo(0.9326, 4);
  });
  it('makes different units a qualitative range', () => {
    const t = target('output', 1, '领军团队', quantity('10 个', 10, '个'), quantity('6 个团队', 6, '个团队'));
    expect(scoreTarget(t, 1, T)).toMatchObject({ kind: 'qualitative', range: [0.8, 1] });
  });
});

describe('completion-rate detail', () => {
  it('names the items over 150%', () => {
    const result = completionRate.check(entryContext({ name: 'd', entry: 'benefit-completion', declared: 19.78, targets: BAIYUN_BENEFIT_TARGETS }));
    expect(result.detail).toContain('全区外贸进出口增长');
    expect(result.reports[0]?.provenance.map((p) => p.text).join()).toContain('12.70%');
  });
});
