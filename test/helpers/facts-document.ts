/**
 * The Document the extractors are to produce for a beyond/ facts file (samples/beyond/README.md, the
 * interfaces of briefs/common-7.md): for scorer tests that do not depend on the extractors. The budget
 * block's scored row is an Indicator with role 'budget-execution', placed first; rates are fractions; a
 * report's target/actual pairs without weights are Targets.
 */
import type { Document, Indicator, Quantity, Target, TargetCategory } from '../../src/schema/index.js';
import type { Facts, FactsIndicator, FactsQuantity } from './facts.js';
import { indicator, makeDocument, prov } from './make-document.js';

const CATEGORY: Readonly<Record<string, TargetCategory>> = { 产出指标: 'output', 效益指标: 'benefit', 满意度指标: 'satisfaction' };

function quantityOf(q: FactsQuantity | null | undefined): Quantity | null {
  if (q === null || q === undefined) return null;
  const qualitative = q.op === 'qualitative' || q.qualitative === true;
  if (q.unit === 'date') {
    return { text: q.text, value: null, unit: null, comparator: q.op === 'qualitative' || q.op === undefined ? null : q.op, qualitative: false, date: String(q.value) };
  }
  const value = typeof q.value === 'number' ? (q.unit === '%' ? Number.parseFloat((q.value / 100).toPrecision(12)) : q.value) : null;
  return {
    text: q.text,
    value: qualitative ? null : value,
    unit: qualitative ? null : q.unit,
    comparator: q.op === undefined || q.op === 'qualitative' ? null : q.op,
    qualitative,
    date: null,
  };
}

function rowOf(i: FactsIndicator, k: number): Indicator {
  return indicator({
    rubricId: null,
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    weight: i.weight,
    declaredScore: i.score,
    target: quantityOf(i.target),
    initialTarget: quantityOf(i.initialTarget),
    actual: quantityOf(i.actual),
    coefficient: i.coefficient ?? null,
    core: i.core ?? null,
    notApplicable: i.notApplicable,
    shortfallReason: i.reason ?? null,
    provenance: prov(`[row ${k + 2}] ${i.name ?? i.level2 ?? ''} ${i.weight ?? ''} ${i.score ?? ''}`),
  });
}

function targetOf(i: FactsIndicator, k: number): Target {
  return {
    category: i.level1 === null ? null : (CATEGORY[i.level1] ?? null),
    index: k + 1,
    name: i.name,
    target: quantityOf(i.target),
    actual: quantityOf(i.actual) ?? { text: '', value: null, unit: null, comparator: null, qualitative: true, date: null },
    unmetReason: i.reason ?? null,
    overCompletionReason: null,
    provenance: prov(`${i.name ?? ''} ${i.target?.text ?? ''} ${i.actual?.text ?? ''}`),
  };
}

export interface FactsDocumentOptions {
  /** The form's notes kept in the criteria of its rows (注：执行率得分按执行率乘以分值计算 …). */
  notes?: string;
  /** A row's 评分标准 for the budget-execution row only. */
  budgetCriteria?: string;
}

export function documentFromFacts(facts: Facts, options: FactsDocumentOptions = {}): Document {
  const isTable = facts.kind === 'project-table' || facts.kind === 'self-evaluation-table';
  const b = facts.budget;
  const weighted = facts.indicators.some((i) => i.weight !== null);
  const rows = weighted ? facts.indicators.map(rowOf) : [];
  if (isTable && b.weight !== undefined) {
    rows.unshift(
      indicator({
        rubricId: null,
        role: 'budget-execution',
        name: '年度资金总额',
        weight: b.weight ?? null,
        declaredScore: b.score ?? null,
        criteria: options.budgetCriteria ?? null,
        provenance: prov(`[row 1] 年度资金总额 ${b.adjusted ?? ''} ${b.executed ?? ''} ${b.weight ?? ''} ${b.score ?? ''}`),
      }),
    );
  }
  if (options.notes !== undefined) for (const row of rows) row.criteria ??= options.notes;
  const byCategory: Document['declared']['byCategory'] = {};
  const budgetScore = (facts as Facts & { budgetScore?: number }).budgetScore;
  if (budgetScore !== undefined) byCategory['budgetExecution'] = { score: budgetScore, max: 10, statedCount: null };
  if (facts.statedIndicatorCount !== undefined) byCategory['indicators'] = { score: null, max: null, statedCount: facts.statedIndicatorCount };
  const document = makeDocument({
    kind: facts.kind === 'not-self-evaluation' ? 'unknown' : (facts.kind as Document['kind']),
    path: `samples/beyond/html/${facts.id}.html`,
    name: facts.department,
    region: facts.region.county ?? facts.region.city,
    fiscalYear: facts.fiscalYear,
    indicators: rows,
    targets: weighted ? [] : facts.indicators.map(targetOf),
    declared: {
      total: facts.declaredTotal,
      grade: (facts.declaredGrade as Document['declared']['grade'] | undefined) ?? null,
      byLevel1: Object.fromEntries((facts.subtotals ?? []).map((s) => [s.name, s.score])),
      byCategory,
      provenance: facts.declaredTotal === null ? {} : { total: prov(`总分 ${facts.declaredTotal}`) },
    },
  });
  document.region = { ...facts.region, code: null, provenance: null };
  document.project =
    facts.project === null
      ? null
      : { name: facts.project, code: facts.projectCode ?? null, supervisor: facts.competentDepartment ?? facts.department, implementer: facts.implementingUnit ?? null, provenance: null };
  document.budget = {
    ...document.budget,
    total: b.adjusted,
    initial: b.initial,
    actualSpending: b.executed,
    executionRate: b.printedExecutionRate ?? b.executionRate,
    lines: [
      ...(b.adjusted === null ? [] : [{ label: '全年预算数', amount: b.adjusted, unit: '万元' as const, text: String(b.adjusted), provenance: prov(`全年预算数 ${b.adjusted}`) }]),
      ...(b.executed === null ? [] : [{ label: '全年执行数', amount: b.executed, unit: '万元' as const, text: String(b.executed), provenance: prov(`全年执行数 ${b.executed}`) }]),
    ],
  };
  return document;
}
