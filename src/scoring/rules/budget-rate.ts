import { budgetLinesFor, budgetRowOf } from '../form.js';
import { decimalsOf, formatRate } from '../numbers.js';
import type { DocumentCheck, RuleReport } from '../types.js';

/** Half a unit of the printed rate's last digit, a rate being printed to at least whole percents (100% → 0.005). */
function rateTolerance(printed: number): number {
  return 0.5 * 10 ** -Math.max(2, Math.min(6, decimalsOf(printed))) + 1e-9;
}

/**
 * The printed 执行率 against 全年执行数 / 全年（调整后）预算数 (fengmu 2023: 100% printed, 1453.11 / 1562.48 =
 * 93.00%). An error where the rate is the one scored (a form's budget block) or the rubric defines it as that
 * ratio; a warning where the rubric scores another rate (广州市: the average of the monthly rates), so the
 * printed ratio is doubtful but scores nothing.
 */
export const budgetRate: DocumentCheck = {
  meta: {
    id: 'budget-rate',
    title: '执行率与全年执行数 / 全年预算数一致',
    applies: 'always',
    messages: {
      mismatch: '预算执行率印为 {{printed}}，但全年执行数 {{executed}} 万元 / 全年预算数 {{budget}} 万元 = {{computed}}，请核对执行率{{note}}',
    },
  },
  check({ rubric, document }) {
    const { executionRate: printed, total, actualSpending } = document.budget;
    if (printed === null || total === null || total <= 0 || actualSpending === null) return [];
    const computed = actualSpending / total;
    if (Math.abs(printed - computed) <= rateTolerance(printed)) return [];
    const otherRate = rubric !== null && rubric.executionRate === 'monthly-average' && budgetRowOf(document) === null;
    const fact = document.facts['budgetExecutionRate'];
    const row = budgetRowOf(document);
    const report: RuleReport = {
      code: 'EXECUTION_RATE_MISMATCH',
      severity: otherRate ? 'warning' : 'error',
      messageId: 'mismatch',
      data: {
        printed: formatRate(printed),
        executed: String(actualSpending),
        budget: String(total),
        computed: formatRate(computed),
        note: otherRate ? `（${rubric.title}所用的执行率是月度执行率的年度平均，这一比率不直接用于评分）` : '',
      },
      expected: Math.round(computed * 10000) / 10000,
      actual: printed,
      provenance: [
        ...budgetLinesFor(document, [actualSpending, total]),
        ...(row ? [row.provenance] : []),
        ...(fact && Math.abs(fact.value - printed) < 1e-9 ? [fact.provenance] : []),
      ],
      indicator: '预算执行率',
    };
    return [report];
  },
};
