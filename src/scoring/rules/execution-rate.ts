import { z } from 'zod';
import { formatRate, formatScore, round2 } from '../numbers.js';
import { defineRule } from '../types.js';
import { RECOMPUTED_MESSAGE, missingInputs, recomputedResult } from '../recomputed.js';

/**
 * 部门预算资金支出率 / 专项资金支出率: 年度平均执行率 100% → full, below → rate × weight (zengcheng 2022:
 * 5 × 92.97% = 4.65). Monthly rates above 100% count as 100%, so the annual rate is capped at 1.
 */
export const executionRate = defineRule({
  meta: {
    id: 'execution-rate',
    title: '支出率 × 分值',
    params: z.object({ fact: z.string() }).strict(),
    messages: { recomputedMismatch: RECOMPUTED_MESSAGE },
  },
  check(ctx, params) {
    const rate = ctx.facts.get(params.fact);
    if (!rate) return missingInputs('年度（平均）执行率');
    const capped = Math.min(Math.max(rate.value, 0), 1);
    const recomputed = round2(ctx.entry.weight * capped);
    return recomputedResult(
      ctx,
      recomputed,
      `执行率 ${formatRate(rate.value)} × ${formatScore(ctx.entry.weight)} 分`,
      [rate],
    );
  },
});
