import { z } from 'zod';
import { formatRate, formatScore, round2, sum } from '../numbers.js';
import { defineRule } from '../types.js';
import type { RuleReport } from '../types.js';
import { scoreTarget } from '../completion-items.js';
import type { ItemOutcome } from '../completion-items.js';
import { RECOMPUTED_MESSAGE, missingInputs } from '../recomputed.js';

type Quantitative = Extract<ItemOutcome, { kind: 'quantitative' }>;

function itemList(items: readonly Quantitative[]): string {
  return items.map((i) => `“${i.target.name ?? `第 ${i.target.index ?? '?'} 项`}”（${formatRate(i.rate)}）`).join('、');
}

/**
 * 部门整体绩效目标产出/效益指标完成情况, 专项资金绩效完成情况: each listed indicator weighs
 * category weight / number listed; <60% → 0, 60–100% → rate × w, 100–150% → w, >150% → w / 2; qualitative
 * items give a range. A declared score above the highest the rule allows is blamed on the items over 150%
 * (COMPLETION_OVER_150) or below 60% (COMPLETION_UNDER_60) when there are any.
 */
export const completionRate = defineRule({
  meta: {
    id: 'completion-rate',
    title: '指标完成率计分',
    params: z
      .object({
        targetCategory: z.enum(['output', 'benefit']).nullable(),
        pass: z.number(),
        full: z.number(),
        half: z.number(),
        qualitativeTiers: z.boolean(),
      })
      .strict(),
    messages: {
      recomputedMismatch: RECOMPUTED_MESSAGE,
      over150:
        '“{{name}}”中{{items}}完成率高于 150%，按规则只得一半分，本项最多应得 {{expected}} 分，申报 {{declared}} 分按满分计了这些指标',
      over150Explained:
        '“{{name}}”中{{items}}完成率高于 150%，文件虽说明了原因，按规则仍只得一半分，本项最多应得 {{expected}} 分，申报 {{declared}} 分按满分计了这些指标',
      under60:
        '“{{name}}”中{{items}}完成率低于 60%，按规则不得分，本项最多应得 {{expected}} 分，申报 {{declared}} 分给这些指标计了分',
    },
  },
  check(ctx, params) {
    const n = ctx.targets.length;
    const weight = ctx.entry.weight;
    if (params.targetCategory === null || n === 0) return missingInputs('该类指标的年度目标值与实际值', [], [0, weight]);
    const itemWeight = weight / n;
    const outcomes = ctx.targets.map((t) => scoreTarget(t, itemWeight, params));
    const quantitative = outcomes.filter((o): o is Quantitative => o.kind === 'quantitative');
    const qualitative = outcomes.filter((o) => o.kind === 'qualitative');
    const quantSum = sum(quantitative.map((o) => o.score));
    const low = round2(quantSum + sum(qualitative.map((o) => o.range[0])));
    const high = round2(quantSum + sum(qualitative.map((o) => o.range[1])));
    // Each item may have been rounded before summing: allow half a cent per item on top.
    const tolerance = ctx.tolerance + 0.005 * n;
    const over = quantitative.filter((o) => o.band === 'over150');
    const under = quantitative.filter((o) => o.band === 'under60');
    const detail =
      `${n} 个指标，每个 ${formatScore(itemWeight)} 分；${quantitative.length} 个可按完成率计分` +
      `${qualitative.length > 0 ? `，${qualitative.length} 个定性或无法比较（按达成计 80%–100%）` : ''}` +
      `${over.length > 0 ? `；完成率高于 150%：${itemList(over)}` : ''}${under.length > 0 ? `；低于 60%：${itemList(under)}` : ''}` +
      `；应得 ${low === high ? formatScore(low) : `${formatScore(low)}–${formatScore(high)}`} 分`;

    const reports: RuleReport[] = [];
    const declared = ctx.inferred ? null : ctx.declared;
    const data = (items: readonly Quantitative[]) => ({
      name: ctx.entry.name,
      items: itemList(items),
      expected: formatScore(high),
      declared: formatScore(declared ?? 0),
      basis: '各指标完成率',
    });
    const itemProvenance = (items: readonly Quantitative[]) => [...ctx.declaredProvenance, ...items.map((i) => i.target.provenance)];
    if (declared !== null && declared > high + tolerance) {
      const overGap = sum(over.map((o) => o.score));
      if (over.length > 0) {
        const explained = over.some((o) => o.target.overCompletionReason !== null);
        reports.push({ code: 'COMPLETION_OVER_150', severity: 'error', messageId: explained ? 'over150Explained' : 'over150', data: data(over), expected: high, actual: declared, provenance: itemProvenance(over) });
      }
      if (under.length > 0 && declared > high + (over.length > 0 ? overGap : 0) + tolerance) {
        reports.push({ code: 'COMPLETION_UNDER_60', severity: 'error', messageId: 'under60', data: data(under), expected: high, actual: declared, provenance: itemProvenance(under) });
      }
      if (reports.length === 0) {
        reports.push({ code: 'RECOMPUTED_MISMATCH', severity: 'error', messageId: 'recomputedMismatch', data: data([]), expected: high, actual: declared, provenance: itemProvenance(quantitative) });
      }
    } else if (declared !== null && declared < round2(quantSum) - tolerance) {
      // Below what the quantitative items alone earn (qualitative ones may have scored anything down to 0).
      const floor = round2(quantSum);
      reports.push({ code: 'RECOMPUTED_MISMATCH', severity: 'warning', messageId: 'recomputedMismatch', data: { ...data([]), expected: formatScore(qualitative.length > 0 ? floor : low) }, expected: qualitative.length > 0 ? floor : low, actual: declared, provenance: itemProvenance(quantitative) });
    }
    const inRange = declared !== null && declared >= low - tolerance && declared <= high + tolerance;
    return {
      recomputed: qualitative.length === 0 ? low : null,
      range: qualitative.length === 0 ? null : [low, high],
      verified: quantitative.length > 0 && inRange && reports.length === 0,
      detail,
      reports,
    };
  },
});
