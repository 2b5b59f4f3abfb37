import { z } from 'zod';
import { formatScore } from '../numbers.js';
import { defineRule } from '../types.js';

/**
 * A score cell left blank, a score the extractor inferred from the total (liwan 2023: 新增预算项目事前绩效评估
 * blank, 合计 100 → 3), or a rubric row absent from the table.
 */
export const scoreMissing = defineRule({
  meta: {
    id: 'score-missing',
    title: '得分缺失',
    params: z.object({}).strict(),
    messages: {
      blank: '“{{name}}”的得分栏为空，请补填',
      inferred: '“{{name}}”的得分栏为空，按合计推算应为 {{expected}} 分，请补填并核对',
      absent: '表中没有“{{name}}”（分值 {{weight}}）这一指标，请核对是否漏填',
    },
  },
  check(ctx) {
    const { entry } = ctx;
    const base = { code: 'SCORE_MISSING' as const, severity: 'warning' as const, actual: null };
    const result = { recomputed: null, range: null, verified: false, detail: '' };
    if (ctx.source === 'table' && ctx.rows.length === 0) {
      return { ...result, reports: [{ ...base, messageId: 'absent', data: { name: entry.name, weight: formatScore(entry.weight) }, expected: null, provenance: [] }] };
    }
    const blank = ctx.rows.filter((r) => r.declaredScore === null || r.scoreInferred);
    if (blank.length === 0 && !ctx.inferred && ctx.declared !== null) return { ...result, reports: [] };
    if (blank.length === 0 && ctx.rows.length > 0) return { ...result, reports: [] };
    const inferred = blank.length > 0 && blank.every((r) => r.scoreInferred && r.declaredScore !== null);
    const expected = inferred ? blank.reduce((s, r) => s + (r.declaredScore ?? 0), 0) : null;
    return {
      ...result,
      reports: [
        {
          ...base,
          messageId: expected === null ? 'blank' : 'inferred',
          data: { name: entry.name, expected: expected === null ? '' : formatScore(expected) },
          expected,
          provenance: blank.length > 0 ? blank.map((r) => r.provenance) : ctx.declaredProvenance,
        },
      ],
    };
  },
});
