import { formatScore, near } from '../numbers.js';
import { categoryOf, declaredProvenance } from '../rows.js';
import type { DocumentCheck, RuleReport } from '../types.js';

/**
 * Printed weights against the rubric: each row's 分值 (sub-rows against their part), the 一级/二级 分值
 * printed beside them, and a report's stated category maximum (总分 20 分).
 */
export const weights: DocumentCheck = {
  meta: {
    id: 'weights',
    title: '分值与评分标准一致',
    applies: 'entries',
    messages: {
      row: '“{{name}}”的分值印为 {{actual}}，评分标准（{{rubric}}）规定为 {{expected}}，请核对所用评分标准',
      level: '{{level}}指标“{{name}}”的分值印为 {{actual}}，评分标准（{{rubric}}）规定为 {{expected}}',
      category: '“{{name}}”的总分写为 {{actual}}，评分标准（{{rubric}}）规定为 {{expected}}，请核对所用评分标准',
    },
  },
  check({ rubric, document }) {
    const reports: RuleReport[] = [];
    if (rubric === null) return reports;
    const entries = new Map(rubric.entries.map((e) => [e.id, e]));
    const push = (messageId: string, name: string, expected: number, actual: number, provenance: RuleReport['provenance'], level = '') =>
      reports.push({
        code: 'WEIGHT_MISMATCH',
        severity: 'error',
        messageId,
        data: { name, level, expected: formatScore(expected), actual: formatScore(actual), rubric: rubric.title },
        expected,
        actual,
        provenance,
        indicator: name,
      });
    const nodes = new Map([...rubric.level1, ...rubric.level2].map((n) => [n.name, n.weight]));
    for (const row of document.indicators) {
      const entry = row.rubricId === null ? undefined : entries.get(row.rubricId);
      if (!entry) continue;
      const expected = entry.parts && row.part !== null ? (entry.parts[row.part - 1] ?? entry.weight) : entry.weight;
      if (row.weight !== null && !near(row.weight, expected, 1e-6)) push('row', entry.name, expected, row.weight, [row.provenance]);
      for (const [name, weight, level] of [
        [entry.level1, row.level1Weight, '一级'],
        [entry.level2, row.level2Weight, '二级'],
      ] as const) {
        const rubricWeight = nodes.get(name);
        if (weight !== null && rubricWeight !== undefined && !near(weight, rubricWeight, 1e-6)) {
          push('level', name, rubricWeight, weight, [row.provenance], level);
        }
      }
    }
    if (document.indicators.length === 0) {
      for (const entry of rubric.entries) {
        const max = categoryOf(document, entry)?.max ?? null;
        if (max !== null && !near(max, entry.weight, 1e-6)) {
          push('category', entry.name, entry.weight, max, declaredProvenance(document, 'byCategory', entry.category ?? entry.id));
        }
      }
    }
    return reports;
  },
};
