import type { TargetCategory } from '../../schema/index.js';
import { declaredProvenance } from '../rows.js';
import type { DocumentCheck, RuleReport } from '../types.js';

const LABELS: Record<TargetCategory, string> = { output: '产出指标', benefit: '效益指标', satisfaction: '满意度指标' };

/** 设置了 19 个产出指标 against the indicators the document goes on to list (baiyun 2023 lists 23). */
export const count: DocumentCheck = {
  meta: {
    id: 'count',
    title: '指标个数一致',
    messages: {
      count: '文中称设置了 {{stated}} 个{{label}}，但列出了 {{listed}} 个；完成率得分按列出的 {{listed}} 个计算，请核对',
    },
  },
  check({ document }) {
    const reports: RuleReport[] = [];
    for (const category of ['output', 'benefit'] as const) {
      const stated = document.declared.byCategory[category]?.statedCount ?? null;
      const listed = document.targets.filter((t) => t.category === category);
      if (stated === null || listed.length === 0 || stated === listed.length) continue;
      reports.push({
        code: 'COUNT_MISMATCH',
        severity: 'warning',
        messageId: 'count',
        data: { stated, listed: listed.length, label: LABELS[category] },
        expected: listed.length,
        actual: stated,
        provenance: [
          ...declaredProvenance(document, 'statedCount', category),
          ...declaredProvenance(document, 'byCategory', category),
          ...listed.map((t) => t.provenance),
        ],
        indicator: LABELS[category],
      });
    }
    return reports;
  },
};
