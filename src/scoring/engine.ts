import { rubricQueryOf, selectRubric } from '../rubrics/index.js';
import type { Rubric } from '../rubrics/index.js';
import type { Check, CheckStatus, Document, DocumentWarning, Finding, FindingCode, Indicator, Verification } from '../schema/index.js';
import { factSource } from './facts.js';
import { mergeFindings, renderReport } from './findings.js';
import { FULL_POINTS, rescaledTotal, rowlessBudget, withInferredBlank } from './form.js';
import { entryItems, rowItems } from './items.js';
import type { Item } from './items.js';
import { summarizeChecks } from './summary.js';
import { round2, sum, toleranceFor } from './numbers.js';
import { loadCheckedRubric } from './rubric.js';
import { gradeOf } from './rows.js';
import { documentChecks, entryChecks, isRuleId, rules } from './rules/index.js';
import type { CheckApplies, DocumentContext, RuleModule, ScoringMode } from './types.js';

export interface VerifyOptions {
  /** Other documents of the same department and year; their facts, declared scores and targets are used. */
  companions?: Document[];
  /** Score by this rubric instead of choosing one by region and year. */
  rubricId?: string;
}

export interface VerifyResult {
  verification: Verification;
  warnings: DocumentWarning[];
}

/** Codes that make an entry's Check a 'mismatch'. */
const MISMATCH_CODES: ReadonlySet<FindingCode> = new Set([
  'SCORE_OUT_OF_RANGE',
  'SCORE_NOT_ALLOWED',
  'RECOMPUTED_MISMATCH',
  'COMPLETION_OVER_150',
  'COMPLETION_UNDER_60',
]);

function hasSpecialFundsRows(documents: readonly Document[]): boolean {
  return documents.some(
    (d) =>
      d.indicators.some((r) => r.rubricId?.startsWith('special-funds') === true || r.level2 === '专项效能') ||
      'specialFunds' in d.declared.byCategory ||
      'specialFundsExecution' in d.declared.byCategory,
  );
}

function chooseRubric(document: Document, companions: readonly Document[], rubricId: string | undefined): { rubric: Rubric | null; warnings: Array<{ code: string; message: string }> } {
  if (rubricId !== undefined) return { rubric: loadCheckedRubric(rubricId), warnings: [] };
  // A companion fills in what the document itself does not say (its region, its year).
  const locates = (d: Document) => d.region !== null || d.department.region !== null;
  const located = locates(document) ? document : (companions.find(locates) ?? document);
  const query = rubricQueryOf(
    { ...document, region: located.region, department: { ...document.department, region: located.department.region } },
    hasSpecialFundsRows([document, ...companions]),
  );
  const selection = selectRubric({ ...query, fiscalYear: document.fiscalYear ?? companions.find((c) => c.fiscalYear !== null)?.fiscalYear ?? null });
  return { rubric: selection.rubric === null ? null : loadCheckedRubric(selection.rubric.id), warnings: selection.warnings };
}

function statusOf(item: Item, codes: readonly FindingCode[], verified: boolean): CheckStatus {
  const { ctx } = item;
  if (item.notApplicable) return 'not-applicable';
  if (ctx.declared === null || ctx.inferred) return 'missing';
  if (codes.some((c) => MISMATCH_CODES.has(c))) return 'mismatch';
  // Never 'ok' for a rule whose inputs the documents do not give: that is 'unverifiable'.
  return verified ? 'ok' : 'unverifiable';
}

interface Outcome {
  item: Item;
  check: Check;
  findings: Finding[];
}

function runItem(item: Item): Outcome {
  const { ctx } = item;
  const type = ctx.entry.rule.type;
  if (!isRuleId(type)) throw new Error(`评分标准 ${ctx.rubric?.id ?? ''} 的规则类型 ${type} 不存在`);
  const base = { rubricId: ctx.rubricId, name: ctx.entry.name, rule: type };
  if (item.notApplicable) {
    const check: Check = { ...base, weight: null, declared: null, recomputed: null, range: null, status: 'not-applicable', detail: '标为不适用，不计分，也不计入分值合计' };
    return { item, check, findings: [] };
  }
  const rule: RuleModule = rules[type];
  // Checks common to every entry take no params; the entry's own rule gets the rubric's.
  const common = entryChecks.map((module) => ({ module, result: module.check({ ...ctx, params: {} }) }));
  const own = { module: rule, result: rule.check(ctx) };
  const runs = [...common, own];
  const codes = runs.flatMap((r) => r.result.reports.map((report) => report.code));
  const findings = runs.flatMap(({ module, result }) =>
    result.reports.map((report) => renderReport(report, module.meta.id, module.meta.messages, ctx.entry.name, ctx.rubricId)),
  );
  const inferredNote = ctx.inferred && ctx.declared !== null ? `；得分栏为空，按合计推算为 ${ctx.declared} 分` : '';
  const check: Check = {
    ...base,
    weight: ctx.weight,
    declared: ctx.inferred ? null : ctx.declared,
    recomputed: own.result.recomputed,
    range: own.result.range,
    status: statusOf(item, codes, own.result.verified),
    detail: `${own.result.detail}${inferredNote}`,
  };
  return { item, check, findings };
}

/** What an outcome counts for in the recomputed total: its recomputed score, or its declared one brought into range. */
function replacementOf(check: Check, declared: number | null): number | null {
  if (check.recomputed !== null) return check.recomputed;
  if (check.range !== null && declared !== null && (declared < check.range[0] || declared > check.range[1])) {
    return Math.min(Math.max(declared, check.range[0]), check.range[1]);
  }
  return null;
}

/**
 * Σ of the rows with every recomputable item's rows replaced by the recomputed score, and every item
 * recomputed only as a range (completion rates with qualitative items) brought into that range: a
 * declared 19.78 where the rule allows at most 18.11 counts as 18.11. A score stated outside the rows
 * (a project report's 预算执行) counts too; rows marked 不适用 count for nothing.
 */
function recomputedTotalOf(document: Document, outcomes: readonly Outcome[], mode: ScoringMode, points: number): number | null {
  if (document.indicators.every((r) => r.declaredScore === null)) return null;
  const replaced = new Set<Indicator>();
  let total = 0;
  for (const { item, check } of outcomes) {
    const declared = item.ctx.inferred ? null : item.ctx.declared;
    const replacement = item.notApplicable ? 0 : replacementOf(check, declared);
    if (item.outsideRows) total += replacement ?? item.ctx.declared ?? 0;
    else if (replacement !== null) {
      total += replacement;
      for (const row of item.ctx.rows) replaced.add(row);
    }
  }
  const kept = document.indicators.filter((r) => !replaced.has(r) && !r.notApplicable);
  return rescaledTotal(document, mode, round2(total + sum(kept.map((r) => r.declaredScore ?? 0))), points);
}

/** Σ of the declared row scores (inferred blanks included), with a 预算执行 score stated outside the rows. */
function indicatorSumOf(document: Document, mode: ScoringMode): number | null {
  // A form without a single score filled in (SCORES_NOT_FILLED) has no sum, not a sum of 0.
  if (document.indicators.every((r) => r.declaredScore === null)) return null;
  const outside = rowlessBudget(document, mode)?.score ?? 0;
  return round2(sum(document.indicators.filter((r) => !r.notApplicable).map((r) => r.declaredScore ?? 0)) + outside);
}

function applies(when: CheckApplies, rubric: Rubric | null, mode: ScoringMode): boolean {
  switch (when) {
    case 'always':
      return true;
    case 'rubric':
      return rubric !== null;
    case 'entries':
      return mode === 'entries';
    case 'rows':
      return mode === 'rows';
  }
}

/** The points a document is scored out of: the rubric's total, else the weights the form prints. */
function pointsTotalOf(rubric: Rubric | null, checks: readonly Check[]): number | null {
  if (rubric !== null) return rubric.total;
  const weights = checks.filter((c) => c.status !== 'not-applicable' && c.weight !== null).map((c) => c.weight as number);
  return weights.length > 0 ? round2(sum(weights)) : null;
}

/**
 * Re-verify a document's declared scores against its rubric and its own (and its companions') figures;
 * without a rubric for its region, form and year, against what needs none (structural checks). Pure: the
 * document is not modified; the caller stores `verification` on it.
 */
export function verifyDocument(original: Document, options: VerifyOptions = {}): VerifyResult {
  const companions = options.companions ?? [];
  const { rubric, warnings } = chooseRubric(original, companions, options.rubricId);
  const mode: ScoringMode = rubric === null || rubric.rowRule !== null ? 'rows' : 'entries';
  const document = withInferredBlank(original, mode);
  const declared = document.declared;
  const tolerance = toleranceFor([
    ...document.indicators.map((r) => r.declaredScore),
    declared.total,
    ...Object.values(declared.byLevel1),
    ...Object.values(declared.byCategory).map((c) => c.score),
  ]);
  const facts = factSource([document, ...companions]);
  const common = { rubric, document, companions, facts, tolerance };
  const items = mode === 'entries' && rubric !== null ? entryItems(rubric, common) : rowItems(rubric, common);
  const outcomes = items.map(runItem);
  const checks = outcomes.map((o) => o.check);
  const indicatorSum = indicatorSumOf(document, mode);
  const recomputedTotal = recomputedTotalOf(document, outcomes, mode, rubric?.total ?? FULL_POINTS);
  const context: DocumentContext = { rubric, mode, document, companions: [...companions], facts, checks, indicatorSum, recomputedTotal, tolerance };
  const documentFindings = documentChecks
    .filter((module) => applies(module.meta.applies, rubric, mode))
    .flatMap((module) => module.check(context).map((report) => renderReport(report, module.meta.id, module.meta.messages, null)));
  let findings = mergeFindings([...outcomes.flatMap((o) => o.findings), ...documentFindings]);
  // A form published with no score filled in is one finding (SCORES_NOT_FILLED), not one per row.
  if (findings.some((f) => f.code === 'SCORES_NOT_FILLED')) findings = findings.filter((f) => f.code !== 'SCORE_MISSING');
  const verification: Verification = {
    rubric: rubric === null ? null : { id: rubric.id, title: rubric.title },
    scope: rubric === null ? 'structural' : 'rubric',
    declaredTotal: declared.total,
    indicatorSum,
    recomputedTotal,
    grade: {
      declared: declared.grade,
      fromDeclaredTotal: rubric === null ? null : gradeOf(declared.total ?? indicatorSum, rubric),
      fromRecomputedTotal: rubric === null ? null : gradeOf(recomputedTotal, rubric),
    },
    checks,
    findings,
    summary: summarizeChecks(checks, pointsTotalOf(rubric, checks)),
  };
  return { verification, warnings: warnings.map((w) => ({ ...w, provenance: null })) };
}
