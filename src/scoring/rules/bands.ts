import { z } from 'zod';
import { formatRate } from '../numbers.js';
import { defineRule } from '../types.js';
import { NOT_ALLOWED_MESSAGE, checkAllowed } from '../allowed.js';
import { RECOMPUTED_MESSAGE, missingInputs, recomputedResult } from '../recomputed.js';

const Band = z
  .object({
    score: z.number().min(0),
    above: z.number().optional(),
    atLeast: z.number().optional(),
    below: z.number().optional(),
    atMost: z.number().optional(),
  })
  .strict();
type Band = z.infer<typeof Band>;

export function bandContains(band: Band, value: number): boolean {
  const eps = 1e-9;
  if (band.above !== undefined && !(value > band.above + eps)) return false;
  if (band.atLeast !== undefined && !(value >= band.atLeast - eps)) return false;
  if (band.below !== undefined && !(value < band.below - eps)) return false;
  if (band.atMost !== undefined && !(value <= band.atMost + eps)) return false;
  return true;
}

function describeBand(band: Band): string {
  const lower = band.above !== undefined ? `>${formatRate(band.above)}` : band.atLeast !== undefined ? `≥${formatRate(band.atLeast)}` : '';
  const upper = band.below !== undefined ? `<${formatRate(band.below)}` : band.atMost !== undefined ? `≤${formatRate(band.atMost)}` : '';
  return [lower, upper].filter(Boolean).join(' 且 ');
}

/**
 * A rate scored by bands (结转结余率 ≤10% → 2, 固定资产利用率 ≥90% → 2, 合同签订及时率 100% → 3 …).
 * The score must be one of the band scores; with the rate known, it must be the band's score.
 */
export const bands = defineRule({
  meta: {
    id: 'bands',
    title: '按区间计分',
    params: z.object({ fact: z.string(), bands: z.array(Band).min(1) }).strict(),
    messages: { notAllowed: NOT_ALLOWED_MESSAGE, recomputedMismatch: RECOMPUTED_MESSAGE },
  },
  check(ctx, params) {
    const allowed = [...new Set(params.bands.map((b) => b.score))].sort((a, b) => a - b);
    const notAllowed = checkAllowed(ctx, allowed, '按区间计分');
    const rate = ctx.facts.get(params.fact);
    if (!rate) return missingInputs(`${ctx.entry.name}的比率或其计算数据`, notAllowed);
    const band = params.bands.find((b) => bandContains(b, rate.value));
    if (!band) return missingInputs(`与比率 ${formatRate(rate.value)} 对应的计分区间`, notAllowed);
    const basis = `比率 ${formatRate(rate.value)}${rate.derived ? '（由构成数据计算）' : ''}落在区间 ${describeBand(band)}`;
    // A value no band gives is reported once, as SCORE_NOT_ALLOWED; the recomputed score still shows.
    if (notAllowed.length > 0) return { ...recomputedResult(ctx, band.score, basis, [rate]), reports: notAllowed };
    return recomputedResult(ctx, band.score, basis, [rate]);
  },
});
