import type { Rubric } from '../../rubrics/index.js';
import type { Document } from '../../schema/index.js';
import { formatScore, round2, sum } from '../numbers.js';
import { categoryOf, declaredProvenance, rowsByEntry, rowsScore } from '../rows.js';
import type { DocumentCheck, RuleReport } from '../types.js';

/** Gaps up to this size are rounding (91.41 vs 91.42): reported as info, not error. */
export const ROUNDING_GAP = 0.015;

export function gapSeverity(a: number, b: number): 'info' | 'error' {
  return Math.abs(a - b) <= ROUNDING_GAP + 1e-9 ? 'info' : 'error';
}

/** The 一级指标 subtotals a document's own rows (or category scores) add up to. */
export function level1Sums(document: Document, rubric: Rubric): Map<string, number> {
  const result = new Map<string, number>();
  if (document.indicators.length > 0) {
    const rows = rowsByEntry(document, rubric);
    for (const entry of rubric.entries) {
      const score = (rows.get(entry.id) ?? []).reduce((s, r) => s + (r.declaredScore ?? 0), 0);
      result.set(entry.level1, round2((result.get(entry.level1) ?? 0) + score));
    }
    return result;
  }
  for (const node of rubric.level1) {
    const scores = rubric.entries.filter((e) => e.level1 === node.name).map((e) => categoryOf(document, e)?.score ?? null);
    if (scores.every((s) => s !== null)) result.set(node.name, round2(sum(scores as number[])));
  }
  return result;
}

/**
 * Declared total and subtotals against the scores they sum: total vs 三级 scores (or, in a report, vs the
 * 一级 subtotals), each 一级 subtotal vs its rows or categories, each category score vs its rows.
 */
export const sums: DocumentCheck = {
  meta: {
    id: 'sums',
    title: '合计与分项之和一致',
    applies: 'entries',
    messages: {
      total: '总分写为 {{declared}}，但{{parts}}之和为 {{expected}}，相差 {{gap}} 分',
      level1: '“{{name}}”小计写为 {{declared}}，但其下各指标得分之和为 {{expected}}，相差 {{gap}} 分',
      category: '“{{name}}”得分写为 {{declared}}，但表中该指标各行之和为 {{expected}}',
    },
  },
  check({ rubric, document, indicatorSum }) {
    const reports: RuleReport[] = [];
    if (rubric === null) return reports;
    const { declared } = document;
    const push = (code: 'TOTAL_MISMATCH' | 'SUBTOTAL_MISMATCH', messageId: string, name: string | null, stated: number, expected: number, provenance: RuleReport['provenance'], parts = '') => {
      if (Math.abs(stated - expected) < 1e-6) return;
      reports.push({
        code,
        severity: gapSeverity(stated, expected),
        messageId,
        data: { name: name ?? '', declared: formatScore(stated), expected: formatScore(expected), gap: formatScore(Math.abs(stated - expected)), parts },
        expected,
        actual: stated,
        provenance,
        indicator: name,
      });
    };
    const level1 = level1Sums(document, rubric);
    if (declared.total !== null) {
      const totalProvenance = declaredProvenance(document, null, 'total');
      if (indicatorSum !== null) {
        push('TOTAL_MISMATCH', 'total', null, declared.total, indicatorSum, [...totalProvenance, ...document.indicators.map((r) => r.provenance)], '各三级指标得分');
      } else {
        const stated = rubric.level1.map((n) => declared.byLevel1[n.name] ?? null);
        if (stated.every((s) => s !== null)) push('TOTAL_MISMATCH', 'total', null, declared.total, round2(sum(stated as number[])), totalProvenance, '各一级指标得分');
      }
    }
    for (const [name, stated] of Object.entries(declared.byLevel1)) {
      const expected = level1.get(name);
      if (expected !== undefined) push('SUBTOTAL_MISMATCH', 'level1', name, stated, expected, declaredProvenance(document, 'byLevel1', name));
    }
    if (document.indicators.length > 0) {
      const rows = rowsByEntry(document, rubric);
      for (const entry of rubric.entries) {
        const stated = categoryOf(document, entry)?.score ?? null;
        const own = rowsScore(rows.get(entry.id) ?? []);
        if (stated !== null && own !== null) {
          push('SUBTOTAL_MISMATCH', 'category', entry.name, stated, own, [...declaredProvenance(document, 'byCategory', entry.category ?? entry.id), ...(rows.get(entry.id) ?? []).map((r) => r.provenance)]);
        }
      }
    }
    return reports;
  },
};
