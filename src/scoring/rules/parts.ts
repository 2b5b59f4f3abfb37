import { z } from 'zod';
import { formatValues, subsetSums } from '../numbers.js';
import { defineRule } from '../types.js';
import { NOT_ALLOWED_MESSAGE, checkAllowed, unverifiableDetail } from '../allowed.js';

/**
 * A score made of sub-scores each given in full or not at all (预决算公开 1 + 1, 绩效结果应用 30/30/40 %,
 * 绩效管理制度执行 2 + 1 + 1 + 1 + 1 + 1): the allowed values are the sums of subsets of the components.
 */
export const parts = defineRule({
  meta: {
    id: 'parts',
    title: '分项得分之和',
    params: z.object({ components: z.array(z.number().positive()).min(1) }).strict(),
    messages: { notAllowed: NOT_ALLOWED_MESSAGE },
  },
  check(ctx, params) {
    const allowed = subsetSums(params.components);
    return {
      recomputed: null,
      range: null,
      verified: false,
      detail: unverifiableDetail(`分项得分 ${formatValues(params.components)} 之和`, allowed),
      reports: checkAllowed(ctx, allowed, `分项（${formatValues(params.components)}）得满分或不得分之和`),
    };
  },
});
