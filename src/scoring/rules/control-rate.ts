import { z } from 'zod';
import { deductionValues, formatRate, formatScore, round2 } from '../numbers.js';
import { defineRule } from '../types.js';
import { NOT_ALLOWED_MESSAGE, checkAllowed } from '../allowed.js';
import { RECOMPUTED_MESSAGE, missingInputs, recomputedResult } from '../recomputed.js';

/**
 * 公用经费控制率 = (实际 − 预算) / 预算: ≤ 0 → full; above 0 each started 5% deducts 0.5, down to 0
 * (baiyun 2023: (143.34 − 171.79) / 171.79 = −16.56% → 2).
 */
export const controlRate = defineRule({
  meta: {
    id: 'control-rate',
    title: '控制率扣分',
    params: z
      .object({ fact: z.string(), stepRate: z.number().positive(), deduction: z.number().positive() })
      .strict(),
    messages: { notAllowed: NOT_ALLOWED_MESSAGE, recomputedMismatch: RECOMPUTED_MESSAGE },
  },
  check(ctx, params) {
    const weight = ctx.entry.weight;
    const notAllowed = checkAllowed(ctx, deductionValues(weight, params.deduction), `每超 ${formatRate(params.stepRate)} 扣 ${formatScore(params.deduction)} 分`);
    const rate = ctx.facts.get(params.fact);
    if (!rate) return missingInputs('公用经费控制率或实际支出、预算安排的公用经费', notAllowed);
    const steps = rate.value <= 0 ? 0 : Math.ceil(rate.value / params.stepRate - 1e-9);
    const recomputed = round2(Math.max(0, weight - steps * params.deduction));
    const basis = `控制率 ${formatRate(rate.value)}${steps > 0 ? `（扣 ${formatScore(steps * params.deduction)} 分）` : ''}`;
    if (notAllowed.length > 0) return { ...recomputedResult(ctx, recomputed, basis, [rate]), reports: notAllowed };
    return recomputedResult(ctx, recomputed, basis, [rate]);
  },
});
