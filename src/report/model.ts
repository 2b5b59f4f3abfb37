/**
 * Document (and its results line) → what the report page shows. Pure functions: no files, no
 * rendering. Evidence images are attached later by `evidence.ts`.
 */
import type { Document } from '../schema/document.js';
import type { Provenance } from '../schema/provenance.js';
import type { ResultLine } from '../schema/results.js';
import type { Check } from '../schema/verification.js';
import { comparableValues } from '../scoring/completion-items.js';
import type { Target } from '../schema/target.js';
import type { CheckRow, DocumentDetail, FindingTotal, IndicatorRow, OverviewRow, Snippet, TargetRow } from './types.js';

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function snippetOf(p: Provenance): Snippet {
  return { page: p.page, text: p.text };
}

/** One overview row from a results line, and from its Document when it could be read. */
export function overviewRow(id: number, line: ResultLine, document: Document | null): OverviewRow {
  const s = line.summary;
  const declared = line.declaredTotal;
  const recomputed = line.recomputedTotal;
  return {
    id,
    file: line.file,
    output: line.output,
    format: line.format,
    kind: line.kind,
    province: line.region?.province ?? null,
    city: line.region?.city ?? null,
    county: line.region?.county ?? null,
    department: line.department,
    departmentKey: line.departmentKey,
    project: line.project,
    year: line.fiscalYear,
    declared,
    recomputed,
    diff: declared !== null && recomputed !== null ? round2(recomputed - declared) : null,
    gradeDeclared: line.grade.declared,
    gradeRecomputed: line.grade.recomputed,
    checksOk: s?.ok ?? 0,
    checksUnverifiable: s?.unverifiable ?? 0,
    checksMismatch: s?.mismatch ?? 0,
    checksMissing: s?.missing ?? 0,
    pointsVerified: s?.pointsVerified ?? null,
    pointsTotal: s?.pointsTotal ?? null,
    errors: line.errors,
    warnings: line.warnings,
    codes: [...line.findingCodes],
    scope: document?.verification.scope ?? null,
    companions: [],
    outputMissing: line.ok && document === null,
  };
}

/**
 * Link companions: documents of the same department key and fiscal year but of another kind (a table
 * and its report). Rows without a key or a year have none.
 */
export function linkCompanions(rows: OverviewRow[]): void {
  const groups = new Map<string, OverviewRow[]>();
  for (const r of rows) {
    if (r.departmentKey === null || r.year === null || r.kind === null) continue;
    const key = `${r.departmentKey}\u0000${r.year}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  for (const group of groups.values()) {
    for (const r of group) r.companions = group.filter((o) => o.kind !== r.kind).map((o) => o.id);
  }
}

/** Findings by code over all documents, by severity, with the number of documents that have the code. */
export function findingTotals(details: Iterable<{ findings: ReadonlyArray<{ code: string; severity: string }> }>): FindingTotal[] {
  const totals = new Map<string, FindingTotal & { seen: number }>();
  let doc = 0;
  for (const d of details) {
    doc += 1;
    for (const f of d.findings) {
      let t = totals.get(f.code);
      if (!t) {
        t = { code: f.code, error: 0, warning: 0, info: 0, documents: 0, seen: 0 };
        totals.set(f.code, t);
      }
      const severity = f.severity;
      if (severity === 'error' || severity === 'warning' || severity === 'info') t[severity] += 1;
      if (t.seen !== doc) {
        t.seen = doc;
        t.documents += 1;
      }
    }
  }
  return [...totals.values()]
    .map(({ seen: _seen, ...t }) => t)
    .sort((a, b) => b.error + b.warning + b.info - (a.error + a.warning + a.info) || a.code.localeCompare(b.code));
}

function checkRow(c: Check): CheckRow {
  return { rubricId: c.rubricId, name: c.name, weight: c.weight, declared: c.declared, recomputed: c.recomputed, range: c.range, status: c.status, rule: c.rule, detail: c.detail };
}

/**
 * The indicator tree rows with the check that applies to each: by rubric entry when the row was
 * aligned to one (sub-rows of one entry share its check), else by name in document order (forms
 * checked row by row). Checks matched to no row are returned apart.
 */
export function indicatorRows(document: Document): { rows: IndicatorRow[]; otherChecks: CheckRow[] } {
  const checks = document.verification.checks;
  const used = new Set<number>();
  const rows = document.indicators.map((ind): IndicatorRow => {
    let index = ind.rubricId === null ? -1 : checks.findIndex((c) => c.rubricId === ind.rubricId);
    if (index < 0) {
      const names = [ind.name, ind.rubricName].filter((n): n is string => n !== null);
      index = checks.findIndex((c, i) => !used.has(i) && (c.rubricId === null || ind.rubricId === null) && names.includes(c.name));
    }
    const check = index >= 0 ? checks[index] : undefined;
    if (index >= 0) used.add(index);
    return {
      level1: ind.level1,
      level1Weight: ind.level1Weight,
      level2: ind.level2,
      level2Weight: ind.level2Weight,
      name: ind.name ?? ind.rubricName,
      rubricId: ind.rubricId,
      part: ind.part,
      weight: ind.weight,
      declared: ind.declaredScore,
      inferred: ind.scoreInferred,
      notApplicable: ind.notApplicable,
      recomputed: check?.recomputed ?? null,
      range: check?.range ?? null,
      status: check?.status ?? null,
      rule: check?.rule ?? null,
      detail: check?.detail ?? null,
      snippet: snippetOf(ind.provenance),
    };
  });
  return { rows, otherChecks: checks.filter((_, i) => !used.has(i)).map(checkRow) };
}

/** Completion rate as the completion-rate rule computes it; null for qualitative or incomparable pairs. */
export function completionRate(t: Pick<Target, 'target' | 'actual'>): number | null {
  const goal = t.target;
  if (goal === null || goal.qualitative || t.actual.qualitative) return null;
  const values = comparableValues(goal, t.actual);
  if (values === null) return null;
  const [g, a] = values;
  const lowerIsBetter = goal.comparator === '<=' || goal.comparator === '<';
  if (g <= 0 || (lowerIsBetter && a <= 0)) return null;
  return lowerIsBetter ? g / a : a / g;
}

function targetRow(t: Target): TargetRow {
  return {
    category: t.category,
    name: t.name,
    target: t.target?.text ?? null,
    actual: t.actual.text,
    rate: completionRate(t),
    unmetReason: t.unmetReason,
    snippet: snippetOf(t.provenance),
  };
}

/** The per-document view, without evidence images. */
export function documentDetail(id: number, file: string, document: Document): DocumentDetail {
  const v = document.verification;
  const { rows, otherChecks } = indicatorRows(document);
  return {
    id,
    file,
    source: { path: document.source.path, format: document.source.format, pageCount: document.source.pageCount, producer: document.source.producer, ocrPages: document.source.ocrPages },
    department: { name: document.department.name, key: document.department.key, inferred: document.department.inferred },
    region: document.region === null ? null : { province: document.region.province, city: document.region.city, county: document.region.county, code: document.region.code },
    project: document.project === null ? null : { name: document.project.name, code: document.project.code, supervisor: document.project.supervisor, implementer: document.project.implementer },
    year: document.fiscalYear,
    kind: document.kind,
    rubric: v.rubric,
    scope: v.scope,
    declaredTotal: v.declaredTotal,
    indicatorSum: v.indicatorSum,
    recomputedTotal: v.recomputedTotal,
    grade: v.grade,
    summary: v.summary,
    budget: { total: document.budget.total, actualSpending: document.budget.actualSpending, executionRate: document.budget.executionRate },
    indicators: rows,
    otherChecks,
    targets: document.targets.map(targetRow),
    findings: v.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      indicator: f.indicator,
      rubricId: f.rubricId,
      rule: f.rule,
      expected: f.expected,
      actual: f.actual,
      snippets: f.provenance.map(snippetOf),
      evidence: [],
    })),
    warnings: document.warnings.map((w) => ({ code: w.code, message: w.message, snippet: w.provenance === null ? null : snippetOf(w.provenance) })),
    evidenceNote: null,
  };
}
