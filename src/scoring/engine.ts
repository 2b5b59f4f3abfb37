import { selectRubric } from '../rubrics/index.js';
import type { Rubric, RubricEntry } from '../rubrics/index.js';
import type { Check, CheckStatus, Document, DocumentWarning, Finding, FindingCode, Target, Verification } from '../schema/index.js';
import { factSource } from './facts.js';
import { mergeFindings, renderReport } from './findings.js';
import { summarizeChecks } from './summary.js';
import { round2, sum, toleranceFor } from './numbers.js';
import { loadCheckedRubric } from './rubric.js';
import { categoryOf, declaredEntryScore, entryProvenance, gradeOf, rowsByEntry } from './rows.js';
import { documentChecks, entryChecks, isRuleId, rules } from './rules/index.js';
import type { EntryContext, FactSource, RuleModule } from './types.js';

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

function chooseRubric(document: Document, companions: readonly Document[], rubricId: string | undefined) {
  if (rubricId !== undefined) return { rubric: loadCheckedRubric(rubricId), warnings: [] };
  const selection = selectRubric({
    region: document.department.region ?? companions.find((c) => c.department.region !== null)?.department.region ?? null,
    fiscalYear: document.fiscalYear ?? companions.find((c) => c.fiscalYear !== null)?.fiscalYear ?? null,
    hasSpecialFundsRows: hasSpecialFundsRows([document, ...companions]),
  });
  return { rubric: loadCheckedRubric(selection.rubric.id), warnings: selection.warnings };
}

/** Targets of the entry's category: this document's, else the first companion's that lists any. */
function targetsFor(entry: RubricEntry, documents: readonly Document[]): Target[] {
  if (entry.category !== 'output' && entry.category !== 'benefit') return [];
  for (const document of documents) {
    const targets = document.targets.filter((t) => t.category === entry.category);
    if (targets.length > 0) return targets;
  }
  return [];
}

function statusOf(ctx: EntryContext, codes: readonly FindingCode[], verified: boolean): CheckStatus {
  if (ctx.declared === null || ctx.inferred) return 'missing';
  if (codes.some((c) => MISMATCH_CODES.has(c))) return 'mismatch';
  // Never 'ok' for a rule whose inputs the documents do not give: that is 'unverifiable'.
  return verified ? 'ok' : 'unverifiable';
}

interface EntryOutcome {
  check: Check;
  findings: Finding[];
}

function runEntry(ctx: EntryContext): EntryOutcome {
  const type = ctx.entry.rule.type;
  if (!isRuleId(type)) throw new Error(`评分标准 ${ctx.rubric.id} 的规则类型 ${type} 不存在`);
  const rule: RuleModule = rules[type];
  // Checks common to every entry take no params; the entry's own rule gets the rubric's.
  const common = entryChecks.map((module) => ({ module, result: module.check({ ...ctx, params: {} }) }));
  const own = { module: rule, result: rule.check(ctx) };
  const runs = [...common, own];
  const codes = runs.flatMap((r) => r.result.reports.map((report) => report.code));
  const findings = runs.flatMap(({ module, result }) =>
    result.reports.map((report) => renderReport(report, module.meta.id, module.meta.messages, ctx.entry.name, ctx.entry.id)),
  );
  const inferredNote = ctx.inferred && ctx.declared !== null ? `；得分栏为空，按合计推算为 ${ctx.declared} 分` : '';
  return {
    check: {
      rubricId: ctx.entry.id,
      name: ctx.entry.name,
      weight: ctx.entry.weight,
      declared: ctx.inferred ? null : ctx.declared,
      recomputed: own.result.recomputed,
      range: own.result.range,
      status: statusOf(ctx, codes, own.result.verified),
      rule: type,
      detail: `${own.result.detail}${inferredNote}`,
    },
    findings,
  };
}

function entryContexts(rubric: Rubric, document: Document, companions: readonly Document[], facts: FactSource, tolerance: number): EntryContext[] {
  const source = document.indicators.length > 0 ? 'table' : 'report';
  const rows = rowsByEntry(document, rubric);
  const documents = [document, ...companions];
  const contexts: EntryContext[] = [];
  for (const entry of rubric.entries) {
    const category = categoryOf(document, entry);
    // A report states only some scores; entries it gives no score for get no Check.
    if (source === 'report' && (category?.score ?? null) === null) continue;
    const entryRows = rows.get(entry.id) ?? [];
    contexts.push({
      rubric,
      entry,
      params: entry.rule.params,
      source,
      rows: entryRows,
      declared: declaredEntryScore(document, entry, entryRows),
      inferred: entryRows.some((r) => r.scoreInferred),
      declaredProvenance: entryProvenance(document, entry, entryRows),
      facts,
      targets: targetsFor(entry, documents),
      statedCount: documents.map((d) => categoryOf(d, entry)?.statedCount ?? null).find((c) => c !== null) ?? null,
      tolerance,
    });
  }
  return contexts;
}

/**
 * Σ of the rows with every recomputable entry's rows replaced by the recomputed score, and every
 * entry recomputed only as a range (completion rates with qualitative items) brought into that range:
 * a declared 19.78 where the rule allows at most 18.11 counts as 18.11.
 */
function recomputedTotalOf(document: Document, checks: readonly Check[]): number | null {
  if (document.indicators.length === 0) return null;
  const replaced = new Map<string, number>();
  for (const c of checks) {
    if (c.rubricId === null) continue;
    if (c.recomputed !== null) replaced.set(c.rubricId, c.recomputed);
    else if (c.range !== null && c.declared !== null && (c.declared < c.range[0] || c.declared > c.range[1])) {
      replaced.set(c.rubricId, Math.min(Math.max(c.declared, c.range[0]), c.range[1]));
    }
  }
  const kept = document.indicators.filter((r) => r.rubricId === null || !replaced.has(r.rubricId));
  return round2(sum(kept.map((r) => r.declaredScore ?? 0)) + sum([...replaced.values()]));
}

/**
 * Re-verify a document's declared scores against its rubric and its own (and its companions') figures.
 * Pure: the document is not modified; the caller stores `verification` on it.
 */
export function verifyDocument(document: Document, options: VerifyOptions = {}): VerifyResult {
  const companions = options.companions ?? [];
  const { rubric, warnings } = chooseRubric(document, companions, options.rubricId);
  const declared = document.declared;
  const tolerance = toleranceFor([
    ...document.indicators.map((r) => r.declaredScore),
    declared.total,
    ...Object.values(declared.byLevel1),
    ...Object.values(declared.byCategory).map((c) => c.score),
  ]);
  const facts = factSource([document, ...companions]);
  const outcomes = entryContexts(rubric, document, companions, facts, tolerance).map(runEntry);
  const checks = outcomes.map((o) => o.check);
  const indicatorSum = document.indicators.length > 0 ? round2(sum(document.indicators.map((r) => r.declaredScore ?? 0))) : null;
  const recomputedTotal = recomputedTotalOf(document, checks);
  const context = { rubric, document, companions, facts, checks, indicatorSum, recomputedTotal, tolerance };
  const documentFindings = documentChecks.flatMap((module) =>
    module.check(context).map((report) => renderReport(report, module.meta.id, module.meta.messages, null)),
  );
  const verification: Verification = {
    rubric: { id: rubric.id, title: rubric.title },
    scope: 'rubric',
    declaredTotal: declared.total,
    indicatorSum,
    recomputedTotal,
    grade: {
      declared: declared.grade,
      fromDeclaredTotal: gradeOf(declared.total ?? indicatorSum, rubric),
      fromRecomputedTotal: gradeOf(recomputedTotal, rubric),
    },
    checks,
    findings: mergeFindings([...outcomes.flatMap((o) => o.findings), ...documentFindings]),
    summary: summarizeChecks(checks, rubric.total),
  };
  return { verification, warnings: warnings.map((w) => ({ ...w, provenance: null })) };
}
