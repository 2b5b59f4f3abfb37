import { formatScore } from '../numbers.js';
import type { DocumentCheck, RuleReport } from '../types.js';

/** Rows the extractor could not align to an entry of the rubric the document is scored by. */
export const unknownIndicator: DocumentCheck = {
  meta: {
    id: 'unknown-indicator',
    title: '无法对应评分标准的指标',
    applies: 'entries',
    messages: {
      unknown: '指标“{{name}}”（分值 {{weight}}）在评分标准（{{rubric}}）中找不到对应项，其得分未能复核',
    },
  },
  check({ rubric, document }) {
    if (rubric === null) return [];
    const ids = new Set(rubric.entries.map((e) => e.id));
    const reports: RuleReport[] = [];
    for (const row of document.indicators) {
      if (row.rubricId !== null && ids.has(row.rubricId)) continue;
      const name = row.name ?? row.rubricName ?? '（名称空白）';
      reports.push({
        code: 'UNKNOWN_INDICATOR',
        severity: 'warning',
        messageId: 'unknown',
        data: { name, weight: row.weight === null ? '?' : formatScore(row.weight), rubric: rubric.title },
        expected: null,
        actual: row.declaredScore,
        provenance: [row.provenance],
        indicator: name,
      });
    }
    return reports;
  },
};
