import { z } from 'zod';
import { formatScore } from '../numbers.js';
import { defineRule } from '../types.js';
import { NOT_ALLOWED_MESSAGE, checkAllowed } from '../allowed.js';
import { RECOMPUTED_MESSAGE, missingInputs, recomputedResult } from '../recomputed.js';

/** “三公”经费: 实际支出数 ≤ 预算安排数 → full, else 0. */
export const threePublic = defineRule({
  meta: {
    id: 'three-public',
    title: '“三公”经费不超预算',
    params: z.object({ actualFact: z.string(), budgetFact: z.string() }).strict(),
    messages: { notAllowed: NOT_ALLOWED_MESSAGE, recomputedMismatch: RECOMPUTED_MESSAGE },
  },
  check(ctx, params) {
    const weight = ctx.entry.weight;
    const notAllowed = checkAllowed(ctx, [0, weight], '得满分或不得分');
    const actual = ctx.facts.get(params.actualFact);
    const budget = ctx.facts.get(params.budgetFact);
    if (!actual || !budget) return missingInputs('“三公”经费实际支出数和预算安排数', notAllowed);
    const within = actual.value <= budget.value + 1e-9;
    const basis = `“三公”经费实际 ${formatScore(actual.value)} 万元${within ? '未超过' : '超过'}预算 ${formatScore(budget.value)} 万元`;
    const result = recomputedResult(ctx, within ? weight : 0, basis, [actual, budget]);
    return notAllowed.length > 0 ? { ...result, reports: notAllowed } : result;
  },
});
