import { z } from 'zod';
import { executionRateOf, statesRule } from '../form.js';
import { formatRate, formatScore, round2 } from '../numbers.js';
import { RECOMPUTED_MESSAGE, missingInputs, recomputedResult } from '../recomputed.js';
import { defineRule } from '../types.js';
import type { ResolvedFact } from '../types.js';

/**
 * The budget-execution row of a form (年度资金总额 … 分值 / 执行率 / 得分): 得分 = 分值 × 执行率, the rate
 * being 全年执行数 / 全年预算数 (capped at 100%). With `whenStated`, the score is re-verified only where the
 * form itself states that rule (its notes: 执行率得分＝执行率×执行率权重); elsewhere the check is
 * 'unverifiable' and its detail gives the value the rule would give.
 */
export const executionScore = defineRule({
  meta: {
    id: 'execution-score',
    title: '预算执行率 × 分值（表中写明时）',
    params: z.object({ whenStated: z.boolean().default(true) }).strict(),
    messages: { recomputedMismatch: RECOMPUTED_MESSAGE },
  },
  check(ctx, params) {
    const weight = ctx.weight;
    if (weight === null) return missingInputs('预算执行的分值');
    const rate = executionRateOf(ctx.document);
    if (!rate) return missingInputs('预算执行率或全年执行数与全年预算数');
    const value = round2(weight * Math.min(Math.max(rate.value, 0), 1));
    const basis = `执行率 ${formatRate(rate.value)}（${rate.basis}）× ${formatScore(weight)} 分`;
    if (params.whenStated && !statesRule(ctx.document, 'executionScore')) {
      return {
        recomputed: null,
        range: null,
        verified: false,
        detail: `表中没有写明预算执行得分的计算方法，无法复核；若按分值 × 执行率，${basis}应得 ${formatScore(value)} 分`,
        reports: [],
      };
    }
    const fact: ResolvedFact = { key: 'budgetExecutionRate', value: rate.value, derived: rate.computed, text: rate.basis, provenance: rate.provenance };
    return recomputedResult(ctx, value, basis, [fact]);
  },
});
