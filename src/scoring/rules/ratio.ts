import { z } from 'zod';
import { formatRate, formatScore, round2 } from '../numbers.js';
import { defineRule } from '../types.js';
import { RECOMPUTED_MESSAGE, missingInputs, recomputedResult } from '../recomputed.js';

/** 采购政策效能: 数值 = 实际面向中小企业采购金额 / 预留金额; 评分 = 数值 × 分值 (capped at the weight). */
export const ratio = defineRule({
  meta: {
    id: 'ratio',
    title: '比率 × 分值',
    params: z.object({ fact: z.string() }).strict(),
    messages: { recomputedMismatch: RECOMPUTED_MESSAGE },
  },
  check(ctx, params) {
    const value = ctx.facts.get(params.fact);
    if (!value) return missingInputs('中小企业采购金额与预留金额之比', [], [0, ctx.entry.weight]);
    const recomputed = round2(ctx.entry.weight * Math.min(Math.max(value.value, 0), 1));
    return recomputedResult(ctx, recomputed, `比率 ${formatRate(value.value)} × ${formatScore(ctx.entry.weight)} 分`, [value]);
  },
});
