import type { Rubric } from '../../rubrics/index.js';
import type { Document, Indicator } from '../../schema/index.js';
import { FACT_LABELS, factTolerance, isRateKey } from '../facts.js';
import { formatRate, formatScore } from '../numbers.js';
import { declaredEntryScore, declaredProvenance, entryProvenance, rowsByEntry } from '../rows.js';
import type { DocumentCheck, RuleReport } from '../types.js';
import { gapSeverity, level1Sums } from './sums.js';

const KIND_LABELS: Record<Document['kind'], string> = {
  'self-evaluation-table': '自评表',
  'self-evaluation-report': '自评报告',
  'table-explanation': '自评表说明',
  'project-table': '项目支出绩效自评表',
  'project-report': '项目支出绩效自评报告',
  unknown: '同部门文件',
};

function label(document: Document): string {
  const file = document.source.path.split(/[\\/]/u).pop() ?? document.source.path;
  return `${KIND_LABELS[document.kind]}（${file}）`;
}

/** Each level-1 subtotal a document states, or else (with a rubric listing every indicator) adds up to from its rows. */
function level1Values(document: Document, rubric: Rubric | null): Map<string, { value: number; stated: boolean }> {
  const result = new Map<string, { value: number; stated: boolean }>();
  if (rubric !== null) for (const [name, value] of level1Sums(document, rubric)) result.set(name, { value, stated: false });
  for (const [name, value] of Object.entries(document.declared.byLevel1)) result.set(name, { value, stated: true });
  return result;
}

/**
 * A table and its report (or explanation) disagreeing on the total, a 一级 subtotal, an indicator's or
 * category's score, the grade or a figure (zengcheng 2022: the report's 履职效能 44.51 against the table's
 * rows, which add up to 44.52).
 */
export const crossDocument: DocumentCheck = {
  meta: {
    id: 'cross-document',
    title: '与同部门同年度文件一致',
    applies: 'always',
    messages: {
      score: '{{what}}在本文件中为 {{actual}}，在{{other}}中为 {{expected}}，请核对以哪一个为准',
      fact: '{{what}}在本文件中为 {{actual}}，在{{other}}中为 {{expected}}，两份文件的数据不一致',
    },
  },
  check({ rubric, mode, document, companions }) {
    const reports: RuleReport[] = [];
    // Entry by entry only where the rubric lists every indicator; otherwise totals, stated subtotals and figures.
    const entries = mode === 'entries' ? rubric : null;
    const push = (messageId: string, what: string, actual: number | null, expected: number | null, severity: RuleReport['severity'], provenance: RuleReport['provenance'], other: Document, shown: [string, string]) =>
      reports.push({ code: 'CROSS_DOCUMENT_MISMATCH', severity, messageId, data: { what, actual: shown[0], expected: shown[1], other: label(other) }, expected, actual, provenance, indicator: what });
    const score = (what: string, a: number, b: number, provenance: RuleReport['provenance'], other: Document) => {
      if (Math.abs(a - b) > 1e-6) push('score', what, a, b, gapSeverity(a, b), provenance, other, [formatScore(a), formatScore(b)]);
    };
    const ownRows = entries === null ? new Map<string, Indicator[]>() : rowsByEntry(document, entries);
    const ownLevel1 = level1Values(document, entries);
    for (const other of companions) {
      const { declared } = document;
      if (declared.total !== null && other.declared.total !== null) {
        score('总分', declared.total, other.declared.total, [...declaredProvenance(document, null, 'total'), ...declaredProvenance(other, null, 'total')], other);
      }
      if (declared.grade !== null && other.declared.grade !== null && declared.grade !== other.declared.grade) {
        push('score', '评价等级', null, null, 'error', [...declaredProvenance(document, null, 'grade'), ...declaredProvenance(other, null, 'grade')], other, [declared.grade, other.declared.grade]);
      }
      const otherLevel1 = level1Values(other, entries);
      for (const [name, mine] of ownLevel1) {
        const theirs = otherLevel1.get(name);
        if (!theirs || (!mine.stated && !theirs.stated)) continue;
        const provenance = [...declaredProvenance(document, 'byLevel1', name), ...declaredProvenance(other, 'byLevel1', name)];
        score(name, mine.value, theirs.value, provenance, other);
      }
      const otherRows = entries === null ? new Map<string, Indicator[]>() : rowsByEntry(other, entries);
      for (const entry of entries?.entries ?? []) {
        const mineRows = ownRows.get(entry.id) ?? [];
        const theirRows = otherRows.get(entry.id) ?? [];
        const mine = declaredEntryScore(document, entry, mineRows);
        const theirs = declaredEntryScore(other, entry, theirRows);
        if (mine === null || theirs === null) continue;
        score(entry.name, mine, theirs, [...entryProvenance(document, entry, mineRows), ...entryProvenance(other, entry, theirRows)], other);
      }
      for (const [key, fact] of Object.entries(document.facts)) {
        const theirs = other.facts[key];
        if (!theirs || Math.abs(fact.value - theirs.value) <= factTolerance(key)) continue;
        const show = (v: number) => (isRateKey(key) ? formatRate(v) : `${formatScore(v)} 万元`);
        push('fact', FACT_LABELS[key] ?? key, fact.value, theirs.value, 'error', [fact.provenance, theirs.provenance], other, [show(fact.value), show(theirs.value)]);
      }
    }
    return reports;
  },
};
