import { z } from 'zod';
import { deductionValues, formatScore } from '../numbers.js';
import { defineRule } from '../types.js';
import { NOT_ALLOWED_MESSAGE, checkAllowed, unverifiableDetail } from '../allowed.js';

/**
 * 扣分法: each issue deducts a step (0.5 or 1) down to 0 (事前绩效评估, 财务管理合规性, 采购活动合规性,
 * 资产配置合规性 …). The issues are in audit files, not in the self-evaluation, so only the step is checked.
 */
export const deduction = defineRule({
  meta: {
    id: 'deduction',
    title: '扣分法',
    params: z.object({ step: z.number().positive() }).strict(),
    messages: { notAllowed: NOT_ALLOWED_MESSAGE },
  },
  check(ctx, params) {
    const allowed = deductionValues(ctx.entry.weight, params.step);
    return {
      recomputed: null,
      range: null,
      verified: false,
      detail: unverifiableDetail(`扣分法，每项扣 ${formatScore(params.step)} 分`, allowed),
      reports: checkAllowed(ctx, allowed, `每项扣 ${formatScore(params.step)} 分、扣完为止`),
    };
  },
});
