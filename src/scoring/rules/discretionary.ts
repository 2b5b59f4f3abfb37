import { z } from 'zod';
import { formatScore } from '../numbers.js';
import { defineRule } from '../types.js';

/**
 * 酌情扣分 (数据质量) and rules whose published text is incomplete: any value in [0, weight] is allowed,
 * which score-range already enforces; the substance cannot be re-verified.
 */
export const discretionary = defineRule({
  meta: {
    id: 'discretionary',
    title: '酌情评分',
    params: z.object({}).strict(),
    messages: {},
  },
  check(ctx) {
    return {
      recomputed: null,
      range: [0, ctx.entry.weight],
      verified: false,
      detail: `酌情评分，0 至 ${formatScore(ctx.entry.weight)} 分之间的任何分值都可能，文件中没有可复核的依据`,
      reports: [],
    };
  },
});
