import type { Document, TargetCategory } from '../../schema/index.js';
import { CATEGORY_LABELS, categoryKeyOf } from '../form.js';
import { declaredProvenance } from '../rows.js';
import type { DocumentCheck, RuleReport } from '../types.js';

const TARGET_CATEGORIES: readonly string[] = ['output', 'benefit', 'satisfaction'] satisfies TargetCategory[];

/** What the document lists for a category: its target/actual pairs, else its rows of that level (or every indicator row). */
function listed(document: Document, key: string): { count: number; withNotApplicable: number; provenance: Document['targets'][number]['provenance'][] } | null {
  const targets = TARGET_CATEGORIES.includes(key) ? document.targets.filter((t) => t.category === key) : [];
  if (targets.length > 0) return { count: targets.length, withNotApplicable: targets.length, provenance: targets.map((t) => t.provenance) };
  const rows = document.indicators.filter((r) => r.role !== 'budget-execution' && (key === 'indicators' || categoryKeyOf(r.level1) === key));
  if (rows.length === 0) return null;
  const applicable = rows.filter((r) => !r.notApplicable);
  return { count: applicable.length, withNotApplicable: rows.length, provenance: applicable.map((r) => r.provenance) };
}

/**
 * 设置了 19 个产出指标 against the indicators the document goes on to list (baiyun 2023 lists 23), and a
 * project report's 共设置绩效指标 9 个 against its table's rows. Rows marked 不适用 may be counted or not.
 */
export const count: DocumentCheck = {
  meta: {
    id: 'count',
    title: '指标个数一致',
    applies: 'always',
    messages: {
      count: '文中称设置了 {{stated}} 个{{label}}，但列出了 {{listed}} 个；完成率得分按列出的 {{listed}} 个计算，请核对',
    },
  },
  check({ document }) {
    const reports: RuleReport[] = [];
    for (const [key, category] of Object.entries(document.declared.byCategory)) {
      const stated = category.statedCount;
      if (stated === null) continue;
      const found = listed(document, key);
      if (found === null || stated === found.count || stated === found.withNotApplicable) continue;
      const label = CATEGORY_LABELS[key] ?? key;
      reports.push({
        code: 'COUNT_MISMATCH',
        severity: 'warning',
        messageId: 'count',
        data: { stated, listed: found.count, label },
        expected: found.count,
        actual: stated,
        provenance: [...declaredProvenance(document, 'statedCount', key), ...declaredProvenance(document, 'byCategory', key), ...found.provenance],
        indicator: label,
      });
    }
    return reports;
  },
};
