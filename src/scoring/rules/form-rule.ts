import { z } from 'zod';
import { formatRate, formatScore, round2 } from '../numbers.js';
import { recomputedResult, RECOMPUTED_MESSAGE } from '../recomputed.js';
import { defineRule } from '../types.js';

/**
 * A row checked without a rubric: only what the form itself prints can be recomputed, i.e. 得分 = 得分系数
 * × 权重 where it prints a coefficient (94% × 8 = 7.52). Otherwise the score is only checked against its
 * weight (score-range), and the check is 'unverifiable'.
 */
export const formRule = defineRule({
  meta: {
    id: 'form-rule',
    title: '按表中印出的系数复核',
    params: z.object({}).strict(),
    messages: { recomputedMismatch: RECOMPUTED_MESSAGE },
  },
  check(ctx) {
    const row = ctx.rows.length === 1 ? ctx.rows[0] : undefined;
    const weight = ctx.weight;
    if (row?.coefficient !== null && row?.coefficient !== undefined && weight !== null) {
      const value = round2(row.coefficient * weight);
      return recomputedResult(ctx, value, `得分系数 ${formatRate(row.coefficient)} × 权重 ${formatScore(weight)} 分`, []);
    }
    const detail = weight === null ? '表中没有印出分值，也没有适用的评分标准，无法复核' : `没有适用的评分标准，只检查得分不超过分值 ${formatScore(weight)} 分`;
    return { recomputed: null, range: null, verified: false, detail, reports: [] };
  },
});
