import { formatScore, formatValues, isOneOf } from './numbers.js';
import type { EntryContext, RuleReport } from './types.js';

/** The message every rule with a fixed set of possible scores uses for SCORE_NOT_ALLOWED. */
export const NOT_ALLOWED_MESSAGE =
  '“{{name}}”得分 {{declared}} 不是“{{rule}}”规则能给出的分值（可能的分值：{{allowed}}），请核对评分依据';

/**
 * SCORE_NOT_ALLOWED when the declared score is none of the values the rule can produce. Scores outside
 * [0, weight] are left to score-range (SCORE_OUT_OF_RANGE) so one wrong number gives one finding.
 */
export function checkAllowed(ctx: EntryContext, allowed: readonly number[], rule: string): RuleReport[] {
  const declared = ctx.declared;
  if (declared === null || ctx.inferred) return [];
  if (declared < -1e-9 || declared > ctx.entry.weight + 1e-9) return [];
  if (isOneOf(declared, allowed)) return [];
  return [
    {
      code: 'SCORE_NOT_ALLOWED',
      severity: 'error',
      messageId: 'notAllowed',
      data: { name: ctx.entry.name, declared: formatScore(declared), rule, allowed: formatValues(allowed) },
      expected: null,
      actual: declared,
      provenance: ctx.declaredProvenance,
    },
  ];
}

/** Detail for a rule whose substance the documents cannot show (an audit finding, a published file). */
export function unverifiableDetail(what: string, allowed: readonly number[]): string {
  return `${what}，文件中没有可复核的依据；只检查分值是否为规则可能给出的值（${formatValues(allowed)}）`;
}
