import { z } from 'zod';
import type { Quantity } from '../../schema/index.js';
import { comparableValues, satisfies } from '../completion-items.js';
import { decimalsOf, formatRate, formatScore, round2 } from '../numbers.js';
import { RECOMPUTED_MESSAGE, recomputedResult } from '../recomputed.js';
import { defineRule } from '../types.js';
import type { EntryContext, RuleReport, RuleResult } from '../types.js';

const Tier = z.object({ label: z.string(), min: z.number().min(0).max(1), max: z.number().min(0).max(1) }).strict();
type Tier = z.infer<typeof Tier>;

const squeeze = (s: string): string => s.normalize('NFKC').replace(/[\s\u3000。.,，、]/gu, '');

/** A score printed to 1 decimal may be off by 0.05 from an exact product; never less than the document's tolerance. */
function toleranceOf(ctx: EntryContext): number {
  const declared = ctx.declared;
  return declared === null ? ctx.tolerance : Math.max(ctx.tolerance, 0.01 + 0.5 * 10 ** -Math.min(4, decimalsOf(declared)));
}

function rangeResult(detail: string, range: [number, number], reports: RuleReport[] = []): RuleResult {
  return { recomputed: null, range: [round2(range[0]), round2(range[1])], verified: false, detail, reports };
}

/**
 * One indicator row of the national project form (产出/效益/满意度), out of the weight it prints:
 * quantitative: min(1, 实际 / 指标值) × 分值, for a ≤ target min(1, 指标值 / 实际); a target of 0 or
 * below, a non-positive actual on a ≤ target, and a date are met or not (full or nothing; a missed date
 * gets a range, the form giving no rule for lateness), never divided. Qualitative: a range by tier (达成
 * 100–80%, 部分达成 80–60%, 未达成 60–0%); the top tier only when the actual reads as the target. No 150% rule.
 */
export const projectIndicator = defineRule({
  meta: {
    id: 'project-indicator',
    title: '绩效指标按完成值与指标值之比计分',
    params: z.object({ tiers: z.array(Tier).min(1) }).strict(),
    messages: {
      recomputedMismatch: RECOMPUTED_MESSAGE,
      belowTier: '“{{name}}”完成情况与指标值一致（{{actual}}），按“{{tier}}”应得 {{low}}–{{high}} 分，申报 {{declared}} 分偏低，请核对',
      lateFull: '“{{name}}”指标值为 {{target}}，实际为 {{actual}}，未按时完成却得满分 {{declared}} 分，请核对',
    },
  },
  check(ctx, params) {
    const row = ctx.rows[0];
    const weight = ctx.weight;
    const none = (detail: string): RuleResult => ({ recomputed: null, range: null, verified: false, detail, reports: [] });
    if (row === undefined) return none('没有对应的指标行');
    if (weight === null) return none('表中没有印出该指标的分值，无法复核');
    const target = row.target;
    const actual = row.actual;
    if (target === null) return rangeResult('表中没有印出年度指标值，无法复核', [0, weight]);
    if (actual === null) return rangeResult('实际完成值为空，无法复核', [0, weight]);
    const declared = ctx.inferred ? null : ctx.declared;
    const data = { name: ctx.entry.name, target: target.text, actual: actual.text, declared: declared === null ? '' : formatScore(declared) };

    if (target.date !== null && actual.date !== null) {
      const met = dateMet(actual.date, target.comparator, target.date);
      if (met) return recomputedResult(ctx, weight, `日期指标 ${target.text} 已按时完成（${actual.text}），`, []);
      const reports: RuleReport[] =
        declared !== null && declared >= weight - 1e-9
          ? [{ code: 'RECOMPUTED_MISMATCH', severity: 'warning', messageId: 'lateFull', data, expected: null, actual: declared, provenance: ctx.declaredProvenance }]
          : [];
      return rangeResult(`日期指标 ${target.text} 未按时完成（${actual.text}）；表中没有逾期的计分办法，应得 0–${formatScore(weight)} 分`, [0, weight], reports);
    }

    const values = target.qualitative || actual.qualitative ? null : comparableValues(target, actual);
    if (values === null) return qualitative(ctx, params.tiers, weight, target, actual, data);
    const [goal, done] = values;
    const comparator = target.comparator;
    const lowerIsBetter = comparator === '<=' || comparator === '<';
    if (goal <= 0 || (lowerIsBetter && done <= 0)) {
      const met = satisfies(done, comparator ?? '=', goal);
      return recomputedResult(ctx, met ? weight : 0, `指标值 ${target.text}、实际 ${actual.text}，只判断是否达成（${met ? '已达成' : '未达成'}），`, [], [], toleranceOf(ctx));
    }
    const rate = Math.min(1, Math.max(0, lowerIsBetter ? goal / done : done / goal));
    const basis = `${lowerIsBetter ? '指标值 / 实际' : '实际 / 指标值'} = ${lowerIsBetter ? target.text : actual.text} / ${lowerIsBetter ? actual.text : target.text}（计 ${formatRate(rate)}）× ${formatScore(weight)} 分`;
    return recomputedResult(ctx, round2(rate * weight), basis, [], [], toleranceOf(ctx));
  },
});

/** ISO dates compare as strings; a deadline without a comparator (10月31日) is a ≤. */
function dateMet(actual: string, comparator: Quantity['comparator'], target: string): boolean {
  switch (comparator) {
    case '>=':
      return actual >= target;
    case '>':
      return actual > target;
    case '<':
      return actual < target;
    case '=':
      return actual === target;
    default:
      return actual <= target;
  }
}

function qualitative(ctx: EntryContext, tiers: readonly Tier[], weight: number, target: Quantity, actual: Quantity, data: Record<string, string>): RuleResult {
  const top = tiers.reduce((a, b) => (b.max > a.max ? b : a));
  const achieved = actual.text.trim() !== '' && squeeze(actual.text) === squeeze(target.text);
  const tiersText = tiers.map((t) => `${t.label} ${formatRate(t.max)}–${formatRate(t.min)}`).join('，');
  if (!achieved) {
    return rangeResult(`定性指标（${tiersText}），实际“${actual.text}”与指标值“${target.text}”不同，达成程度需人工判断，应得 0–${formatScore(weight)} 分`, [0, weight]);
  }
  const low = round2(top.min * weight);
  const high = round2(top.max * weight);
  const declared = ctx.inferred ? null : ctx.declared;
  const reports: RuleReport[] =
    declared !== null && declared < low - ctx.tolerance
      ? [{ code: 'RECOMPUTED_MISMATCH', severity: 'warning', messageId: 'belowTier', data: { ...data, tier: top.label, low: formatScore(low), high: formatScore(high) }, expected: low, actual: declared, provenance: ctx.declaredProvenance }]
      : [];
  return rangeResult(`定性指标，实际“${actual.text}”与指标值一致，按“${top.label}”应得 ${formatScore(low)}–${formatScore(high)} 分`, [low, high], reports);
}
