import { formatScore } from '../numbers.js';
import { declaredProvenance, gradeOf } from '../rows.js';
import type { DocumentCheck, RuleReport } from '../types.js';

/** The ticked or stated 评价等级 against the total's band, and the band the recomputed total falls in. */
export const grade: DocumentCheck = {
  meta: {
    id: 'grade',
    title: '评价等级与总分一致',
    applies: 'rubric',
    messages: {
      notTicked: '评价等级未勾选；总分 {{total}} 分对应“{{expected}}”，请勾选',
      wrong: '评价等级为“{{actual}}”，但总分 {{total}} 分对应“{{expected}}”',
      recomputed: '按复核后的得分 {{total}} 分，评价等级应为“{{expected}}”，而不是“{{actual}}”',
    },
  },
  check({ rubric, document, indicatorSum, recomputedTotal }) {
    const reports: RuleReport[] = [];
    // Grade bands are the rubric's: without one there is nothing to judge the grade by.
    if (rubric === null) return reports;
    const total = document.declared.total ?? indicatorSum;
    const fromTotal = gradeOf(total, rubric);
    const stated = document.declared.grade;
    const provenance = [...declaredProvenance(document, null, 'grade'), ...declaredProvenance(document, null, 'total')];
    // Only a form that has a 评价等级 row (the extractor gives it a provenance) can leave it unticked.
    const hasGradeRow = document.declared.provenance['grade'] !== undefined;
    const push = (messageId: string, severity: RuleReport['severity'], expected: string, actual: string | null, score: number) =>
      reports.push({ code: 'GRADE_MISMATCH', severity, messageId, data: { total: formatScore(score), expected, actual: actual ?? '' }, expected: null, actual: score, provenance, indicator: '评价等级' });
    if (total !== null && fromTotal !== null) {
      if (stated === null && hasGradeRow) push('notTicked', 'warning', fromTotal, null, total);
      if (stated !== null && stated !== fromTotal) push('wrong', 'error', fromTotal, stated, total);
    }
    // Only a band change the recomputation itself causes: rows that do not add up to the total are
    // TOTAL_MISMATCH already.
    const fromRecomputed = gradeOf(recomputedTotal, rubric);
    const fromRows = gradeOf(indicatorSum, rubric);
    const claimed = stated ?? fromTotal;
    if (recomputedTotal !== null && fromRecomputed !== null && claimed !== null && fromRecomputed !== claimed && fromRecomputed !== fromRows) {
      push('recomputed', 'warning', fromRecomputed, claimed, recomputedTotal);
    }
    return reports;
  },
};
