import type { Indicator } from '../../schema/index.js';
import { CATEGORY_LABELS, budgetRowOf, categoryKeyOf, rescaleOf, rowlessBudget, scorableRows } from '../form.js';
import { formatScore, near, round2, sum } from '../numbers.js';
import { declaredProvenance } from '../rows.js';
import type { DocumentCheck, RuleReport } from '../types.js';

const weightSum = (rows: readonly Indicator[]): number | null =>
  rows.length === 0 || rows.some((r) => r.weight === null) ? null : round2(sum(rows.map((r) => r.weight as number)));

/**
 * A form's printed weights against each other (printed weights are the authority on such a form, so a
 * contradiction is a warning): the budget-execution row against the block's own note (预算执行情况（10分）),
 * the rows of each 一级 against that level's printed weight (产出指标（50分）), the indicator rows against
 * 绩效指标（90分）, and all of them against the points the form is scored out of.
 */
export const formWeights: DocumentCheck = {
  meta: {
    id: 'form-weights',
    title: '分值之和与表中注明的分值一致',
    applies: 'rows',
    messages: {
      stated: '“{{name}}”的分值印为 {{actual}}，但表中注明为（{{expected}}分），请核对以哪一个为准',
      level: '“{{name}}”下各指标分值之和为 {{actual}}，但该级指标注明为 {{expected}} 分',
      total: '各项分值合计为 {{actual}} 分，与总分 {{expected}} 分不符{{note}}',
    },
  },
  check({ rubric, mode, document }) {
    const reports: RuleReport[] = [];
    const push = (messageId: string, name: string, expected: number, actual: number, provenance: RuleReport['provenance'], note = '') => {
      if (near(expected, actual, 1e-6)) return;
      reports.push({ code: 'WEIGHT_MISMATCH', severity: 'warning', messageId, data: { name, expected: formatScore(expected), actual: formatScore(actual), note }, expected, actual, provenance, indicator: name });
    };
    const { byCategory } = document.declared;
    const budgetRow = budgetRowOf(document);
    const budgetMax = byCategory['budgetExecution']?.max ?? null;
    if (budgetRow?.weight != null && budgetMax !== null) {
      push('stated', budgetRow.name ?? CATEGORY_LABELS['budgetExecution'] ?? '预算执行', budgetMax, budgetRow.weight, [budgetRow.provenance, ...declaredProvenance(document, 'byCategory', 'budgetExecution')]);
    }
    const rows = scorableRows(document).filter((r) => r.role !== 'budget-execution');
    const groups = new Map<string, Indicator[]>();
    for (const row of rows) if (row.level1 !== null) groups.set(row.level1, [...(groups.get(row.level1) ?? []), row]);
    for (const [level1, group] of groups) {
      const own = weightSum(group);
      const key = categoryKeyOf(level1);
      const stated = group.find((r) => r.level1Weight !== null)?.level1Weight ?? (key === null ? null : (byCategory[key]?.max ?? null));
      if (own !== null && stated !== null) push('level', level1, stated, own, [...(key === null ? [] : declaredProvenance(document, 'byCategory', key)), ...group.map((r) => r.provenance)]);
    }
    const indicatorsMax = byCategory['indicators']?.max ?? null;
    const indicatorsSum = weightSum(rows);
    if (indicatorsMax !== null && indicatorsSum !== null) {
      push('level', CATEGORY_LABELS['indicators'] ?? '绩效指标', indicatorsMax, indicatorsSum, declaredProvenance(document, 'byCategory', 'indicators'));
    }
    // The points the form is out of: the rubric's total, else a total the form states.
    const points = rubric?.total ?? byCategory['total']?.max ?? null;
    const budgetEntry = rubric?.entries.find((e) => e.role === 'budget-execution') ?? null;
    const budgetWeight = budgetRow !== null ? budgetRow.weight : (rowlessBudget(document, mode)?.max ?? budgetEntry?.weight ?? 0);
    if (points !== null && indicatorsSum !== null && budgetWeight !== null && rescaleOf(document, mode, points) === null) {
      const total = round2(indicatorsSum + budgetWeight);
      const unweighted = document.indicators.some((r) => r.notApplicable);
      const note = unweighted && total < points ? '；标为不适用的指标不计分值，表中也没有说明如何折算' : '';
      push('total', '总分', points, total, [...declaredProvenance(document, null, 'total'), ...(budgetRow ? [budgetRow.provenance] : [])], note);
    }
    return reports;
  },
};
