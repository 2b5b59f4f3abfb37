import { z } from 'zod';
import { formatScore, formatValues, isOneOf, subsetSums } from '../numbers.js';
import { defineRule } from '../types.js';
import type { RuleReport } from '../types.js';
import { NOT_ALLOWED_MESSAGE, unverifiableDetail } from '../allowed.js';

/**
 * 得满分或不得分 (采购内控制度建设, 合同备案时效性, 资产盘点情况, 采购意向公开合规性 per sub-row).
 * Whether the condition held is not in the documents, so the check is at best 'unverifiable'; a partial
 * score (0.80 of 1) is SCORE_NOT_ALLOWED. Sub-rows are checked one by one against their own weight.
 */
export const binary = defineRule({
  meta: {
    id: 'binary',
    title: '得满分或不得分',
    params: z.object({}).strict(),
    messages: {
      notAllowed: NOT_ALLOWED_MESSAGE,
      partNotAllowed:
        '“{{name}}”第 {{part}} 子项得分 {{declared}}，但该子项只能得满分 {{weight}} 或 0 分，请核对评分依据',
    },
  },
  check(ctx) {
    const { entry } = ctx;
    const parts = entry.parts ?? [entry.weight];
    const allowedTotal = subsetSums(parts);
    const reports: RuleReport[] = [];
    // Sub-rows are judged one by one; a single row without a part number carries the whole entry.
    const bySubRow = ctx.rows.length > 1 || ctx.rows.some((r) => r.part !== null);
    if (bySubRow && !ctx.inferred) {
      ctx.rows.forEach((row, i) => {
        const weight = parts[(row.part ?? i + 1) - 1] ?? row.weight ?? entry.weight;
        const score = row.declaredScore;
        if (score === null || row.scoreInferred || score < 0 || score > weight + 1e-9) return;
        if (isOneOf(score, [0, weight])) return;
        const single = parts.length === 1;
        reports.push({
          code: 'SCORE_NOT_ALLOWED',
          severity: 'error',
          messageId: single ? 'notAllowed' : 'partNotAllowed',
          data: {
            name: entry.name,
            part: row.part ?? i + 1,
            declared: formatScore(score),
            weight: formatScore(weight),
            rule: '得满分或不得分',
            allowed: formatValues([0, weight]),
          },
          expected: null,
          actual: score,
          provenance: [row.provenance],
        });
      });
    } else if (ctx.declared !== null && !ctx.inferred && !isOneOf(ctx.declared, allowedTotal)) {
      if (ctx.declared >= 0 && ctx.declared <= entry.weight + 1e-9) {
        reports.push({
          code: 'SCORE_NOT_ALLOWED',
          severity: 'error',
          messageId: 'notAllowed',
          data: {
            name: entry.name,
            declared: formatScore(ctx.declared),
            rule: '得满分或不得分',
            allowed: formatValues(allowedTotal),
          },
          expected: null,
          actual: ctx.declared,
          provenance: ctx.declaredProvenance,
        });
      }
    }
    return {
      recomputed: null,
      range: null,
      verified: false,
      detail: unverifiableDetail('得满分或不得分', allowedTotal),
      reports,
    };
  },
});
