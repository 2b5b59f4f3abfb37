import type { Indicator } from '../../schema/index.js';
import { CATEGORY_LABELS, FULL_POINTS, budgetRowOf, categoryKeyOf, rescaleOf, rowlessBudget } from '../form.js';
import { formatScore, round2, sum } from '../numbers.js';
import { declaredProvenance } from '../rows.js';
import type { DocumentCheck, RuleReport } from '../types.js';
import { gapSeverity } from './sums.js';

/** Rows of each 一级 as printed, in document order (rows without a level are left out). */
function byLevel1(rows: readonly Indicator[]): Map<string, Indicator[]> {
  const groups = new Map<string, Indicator[]>();
  for (const row of rows) {
    if (row.level1 === null || row.role === 'budget-execution') continue;
    groups.set(row.level1, [...(groups.get(row.level1) ?? []), row]);
  }
  return groups;
}

const scoreSum = (rows: readonly Indicator[]): number | null =>
  rows.length === 0 || rows.some((r) => r.declaredScore === null) ? null : round2(sum(rows.map((r) => r.declaredScore as number)));

/**
 * A form scored row by row (no rubric, or the national project rubric): the printed total against the sum
 * of the printed scores (with a 预算执行 score stated outside the rows, and rescaled to 100 where the form
 * says rows marked 不适用 are), and each stated level or category score against its rows. A report without
 * rows: the total against its stated subtotals.
 */
export const formSums: DocumentCheck = {
  meta: {
    id: 'form-sums',
    title: '总分与各项得分之和一致（按表中各行）',
    applies: 'rows',
    messages: {
      total: '总分写为 {{declared}}，但{{parts}}为 {{expected}}，相差 {{gap}} 分',
      level: '“{{name}}”得分写为 {{declared}}，但其下各指标得分之和为 {{expected}}，相差 {{gap}} 分',
    },
  },
  check({ rubric, mode, document, indicatorSum }) {
    const reports: RuleReport[] = [];
    const push = (code: 'TOTAL_MISMATCH' | 'SUBTOTAL_MISMATCH', messageId: string, name: string | null, stated: number, expected: number, provenance: RuleReport['provenance'], parts = '') => {
      if (Math.abs(stated - expected) < 1e-6) return;
      const gap = formatScore(Math.abs(stated - expected));
      reports.push({ code, severity: gapSeverity(stated, expected), messageId, data: { name: name ?? '', declared: formatScore(stated), expected: formatScore(expected), gap, parts }, expected, actual: stated, provenance, indicator: name });
    };
    const { declared } = document;
    const rows = document.indicators.filter((r) => !r.notApplicable);
    const totalProvenance = declaredProvenance(document, null, 'total');
    if (declared.total !== null) {
      if (indicatorSum !== null && rows.length > 0 && rows.every((r) => r.declaredScore !== null)) {
        const rescale = rescaleOf(document, mode, rubric?.total ?? FULL_POINTS);
        const outside = rowlessBudget(document, mode)?.score ?? null;
        const parts = `各指标得分${outside !== null ? `（含文中所述预算执行得分 ${formatScore(outside)} 分）` : ''}之和${rescale ? `按 ${formatScore(rescale.points)} 分折算（× ${formatScore(rescale.points)} / ${formatScore(rescale.applicable)}）` : ''}`;
        const expected = rescale ? round2(indicatorSum * rescale.factor) : indicatorSum;
        push('TOTAL_MISMATCH', 'total', null, declared.total, expected, [...totalProvenance, ...rows.map((r) => r.provenance)], parts);
      } else if (document.indicators.length === 0) {
        const subtotals = Object.values(declared.byLevel1);
        const categories = Object.values(declared.byCategory).map((c) => c.score);
        const stated = subtotals.length > 0 ? subtotals : categories.length > 0 && categories.every((s) => s !== null) ? (categories as number[]) : [];
        if (stated.length > 1) push('TOTAL_MISMATCH', 'total', null, declared.total, round2(sum(stated)), totalProvenance, subtotals.length > 0 ? '各一级指标得分之和' : '各类指标得分之和');
      }
    }
    for (const [level1, group] of byLevel1(rows)) {
      const own = scoreSum(group);
      if (own === null) continue;
      const key = categoryKeyOf(level1);
      const stated = declared.byLevel1[level1] ?? (key === null ? null : (declared.byCategory[key]?.score ?? null));
      const provenance = [...declaredProvenance(document, 'byLevel1', level1), ...(key === null ? [] : declaredProvenance(document, 'byCategory', key)), ...group.map((r) => r.provenance)];
      if (stated !== null) push('SUBTOTAL_MISMATCH', 'level', level1, stated, own, provenance);
    }
    const indicators = rows.filter((r) => r.role !== 'budget-execution');
    const statedIndicators = declared.byCategory['indicators']?.score ?? null;
    const indicatorsSum = scoreSum(indicators);
    if (statedIndicators !== null && indicatorsSum !== null) {
      push('SUBTOTAL_MISMATCH', 'level', CATEGORY_LABELS['indicators'] ?? '绩效指标', statedIndicators, indicatorsSum, declaredProvenance(document, 'byCategory', 'indicators'));
    }
    const budgetRow = budgetRowOf(document);
    const statedBudget = declared.byCategory['budgetExecution']?.score ?? null;
    if (budgetRow !== null && budgetRow.declaredScore !== null && !budgetRow.scoreInferred && statedBudget !== null) {
      push('SUBTOTAL_MISMATCH', 'level', CATEGORY_LABELS['budgetExecution'] ?? '预算执行', statedBudget, budgetRow.declaredScore, [...declaredProvenance(document, 'byCategory', 'budgetExecution'), budgetRow.provenance]);
    }
    return reports;
  },
};
