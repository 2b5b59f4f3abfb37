import { z } from 'zod';
import { formatScore } from '../numbers.js';
import { defineRule } from '../types.js';
import type { RuleReport } from '../types.js';

/** Every score lies in [0, its weight]: each sub-row against its part, the entry (or row) against its weight. */
export const scoreRange = defineRule({
  meta: {
    id: 'score-range',
    title: '得分在 0 与分值之间',
    params: z.object({}).strict(),
    messages: {
      outOfRange: '“{{name}}”得分 {{declared}} 超出 0 至 {{weight}} 分的范围，请核对',
      partOutOfRange: '“{{name}}”第 {{part}} 子项得分 {{declared}} 超出 0 至 {{weight}} 分的范围，请核对',
    },
  },
  check(ctx) {
    const { entry } = ctx;
    const reports: RuleReport[] = [];
    const report = (declared: number, weight: number, part: number | null, provenance: RuleReport['provenance']) =>
      reports.push({
        code: 'SCORE_OUT_OF_RANGE',
        severity: 'error',
        messageId: part === null ? 'outOfRange' : 'partOutOfRange',
        data: { name: entry.name, declared: formatScore(declared), weight: formatScore(weight), part: part ?? '' },
        expected: declared < 0 ? 0 : weight,
        actual: declared,
        provenance,
      });
    const parts = entry.parts;
    if (parts && ctx.rows.length > 1) {
      ctx.rows.forEach((row, i) => {
        const part = row.part ?? i + 1;
        const weight = parts[part - 1] ?? entry.weight;
        const score = row.declaredScore;
        if (score !== null && (score < 0 || score > weight + 1e-9)) report(score, weight, part, [row.provenance]);
      });
    } else if (ctx.weight !== null && ctx.declared !== null && (ctx.declared < 0 || ctx.declared > ctx.weight + 1e-9)) {
      // A row whose form prints no weight (ctx.weight null) has no range to check.
      report(ctx.declared, ctx.weight, null, ctx.declaredProvenance);
    }
    return { recomputed: null, range: null, verified: false, detail: '', reports };
  },
});
