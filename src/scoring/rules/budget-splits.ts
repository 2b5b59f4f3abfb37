import { formatScore, round2, sum } from '../numbers.js';
import type { DocumentCheck, RuleReport } from '../types.js';

/**
 * The parts a form splits a budget total into (按收入性质分, 按支出性质分, 其中 rows) against that total.
 * A gap no larger than a cent per part is rounding (info); a larger one is an error in the figures.
 */
export const budgetSplits: DocumentCheck = {
  meta: {
    id: 'budget-splits',
    title: '预算构成之和等于其总数',
    applies: 'always',
    messages: {
      mismatch: '{{split}}各项（{{parts}}）之和为 {{sum}} 万元，与{{total}} {{totalAmount}} 万元相差 {{gap}} 万元',
    },
  },
  check({ document }) {
    const reports: RuleReport[] = [];
    for (const split of document.budget.splits) {
      if (split.parts.length === 0) continue;
      const partsSum = round2(sum(split.parts.map((p) => p.amount)));
      const gap = Math.abs(partsSum - split.totalAmount);
      if (gap < 0.005) continue;
      reports.push({
        code: 'BUDGET_SUM_MISMATCH',
        severity: gap <= 0.01 * split.parts.length + 1e-9 ? 'info' : 'error',
        messageId: 'mismatch',
        data: {
          split: split.label === null ? '' : `“${split.label}”`,
          parts: split.parts.map((p) => `${p.label} ${formatScore(p.amount)}`).join(' + '),
          sum: formatScore(partsSum),
          total: split.total,
          totalAmount: formatScore(split.totalAmount),
          gap: formatScore(gap),
        },
        expected: partsSum,
        actual: split.totalAmount,
        provenance: [split.provenance],
        indicator: split.label ?? split.total,
      });
    }
    return reports;
  },
};
