/**
 * Compare a Document with a `beyond/facts/<id>.json` truth file, field by field. The facts are written
 * from each document's model, not by an extractor (see samples/beyond/README.md): they are the yardstick
 * for documents beyond the Guangzhou seeds.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, Indicator, Quantity, Target } from '../../src/schema/index.js';
import { ROOT } from './samples.js';

export const BEYOND = join(ROOT, 'samples', 'beyond');

export interface FactsQuantity {
  op?: '>=' | '<=' | '=' | 'qualitative';
  value: number | string | null;
  unit: string | null;
  text: string;
  qualitative?: boolean;
}

export interface FactsIndicator {
  level1: string | null;
  level2: string | null;
  name: string | null;
  target: FactsQuantity | null;
  actual: FactsQuantity | null;
  weight: number | null;
  score: number | null;
  notApplicable: boolean;
  reason?: string;
  initialTarget?: FactsQuantity;
  coefficient?: number;
  core?: boolean;
}

export interface Facts {
  id: string;
  kind: string;
  region: { province: string | null; city: string | null; county: string | null };
  department: string | null;
  project: string | null;
  projectCode?: string;
  competentDepartment?: string;
  implementingUnit?: string;
  fiscalYear: number | null;
  declaredTotal: number | null;
  recomputedTotal: number | null;
  declaredGrade?: string;
  budget: {
    initial: number | null;
    adjusted: number | null;
    executed: number | null;
    executionRate: number | null;
    printedExecutionRate?: number | null;
    weight?: number | null;
    score?: number | null;
  };
  indicators: FactsIndicator[];
  subtotals?: Array<{ name: string; weight: number; score: number }>;
  statedIndicatorCount?: number;
  expectedFindings: string[];
  acceptableFindings?: string[];
  expectedError?: string;
}

export function beyondFacts(): Facts[] {
  const dir = join(BEYOND, 'facts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Facts);
}

/** Every sample file of a beyond document, as `<format folder>/<file>`. */
export function beyondFiles(id: string): string[] {
  return ['html', 'pdf', 'xlsx', 'docx', 'text'].flatMap((folder) => {
    try {
      return readdirSync(join(BEYOND, folder))
        .filter((f) => f.startsWith(`${id}.`))
        .map((f) => `${folder}/${f}`);
    } catch {
      return [];
    }
  });
}

export interface FieldResult {
  field: string;
  ok: boolean;
  expected: unknown;
  actual: unknown;
}

const squeeze = (s: string | null | undefined): string | null =>
  s === null || s === undefined ? null : s.normalize('NFKC').replace(/[\s\u3000]/gu, '');

const close = (a: number | null | undefined, b: number | null | undefined, eps = 1e-6): boolean =>
  (a ?? null) === null || (b ?? null) === null ? (a ?? null) === (b ?? null) : Math.abs((a as number) - (b as number)) <= eps;

/** A fact's number in the contract's terms: facts print % values as written (95 → 0.95). */
function factValue(q: FactsQuantity): number | null {
  if (typeof q.value !== 'number') return null;
  return q.unit === '%' ? Number.parseFloat((q.value / 100).toPrecision(12)) : q.value;
}

function quantityResults(prefix: string, expected: FactsQuantity | null, actual: Quantity | null): FieldResult[] {
  if (expected === null) return [{ field: prefix, ok: actual === null, expected: null, actual: actual?.text ?? null }];
  if (actual === null) return [{ field: prefix, ok: false, expected: expected.text, actual: null }];
  const out: FieldResult[] = [];
  const push = (field: string, ok: boolean, e: unknown, a: unknown) => out.push({ field: `${prefix}.${field}`, ok, expected: e, actual: a });
  push('text', squeeze(expected.text) === squeeze(actual.text), expected.text, actual.text);
  const qualitative = expected.op === 'qualitative' || expected.qualitative === true;
  push('qualitative', qualitative === actual.qualitative, qualitative, actual.qualitative);
  if (expected.unit === 'date') {
    push('date', actual.date === expected.value, expected.value, actual.date);
  } else if (!qualitative) {
    push('value', close(factValue(expected), actual.value), factValue(expected), actual.value);
    push('unit', expected.unit === actual.unit, expected.unit, actual.unit);
  }
  if (expected.op !== undefined && expected.op !== 'qualitative') push('comparator', expected.op === actual.comparator, expected.op, actual.comparator);
  return out;
}

function indicatorResults(k: number, e: FactsIndicator, row: Indicator | undefined): FieldResult[] {
  const p = `indicators[${k}]`;
  if (!row) return [{ field: p, ok: false, expected: e.name, actual: null }];
  const out: FieldResult[] = [];
  const push = (field: string, ok: boolean, ex: unknown, a: unknown) => out.push({ field: `${p}.${field}`, ok, expected: ex, actual: a });
  push('level1', squeeze(e.level1) === squeeze(row.level1), e.level1, row.level1);
  push('level2', squeeze(e.level2) === squeeze(row.level2), e.level2, row.level2);
  push('name', squeeze(e.name) === squeeze(row.name), e.name, row.name);
  push('weight', close(e.weight, row.weight), e.weight, row.weight);
  push('score', close(e.score, row.declaredScore), e.score, row.declaredScore);
  push('notApplicable', e.notApplicable === row.notApplicable, e.notApplicable, row.notApplicable);
  out.push(...quantityResults(`${p}.target`, e.target, row.target));
  out.push(...quantityResults(`${p}.actual`, e.actual, row.actual));
  if (e.initialTarget) out.push(...quantityResults(`${p}.initialTarget`, e.initialTarget, row.initialTarget));
  if (e.coefficient !== undefined) push('coefficient', close(e.coefficient, row.coefficient), e.coefficient, row.coefficient);
  if (e.core !== undefined) push('core', e.core === row.core, e.core, row.core);
  if (e.reason !== undefined) push('reason', squeeze(e.reason) === squeeze(row.shortfallReason), e.reason, row.shortfallReason);
  return out;
}

function targetResults(k: number, e: FactsIndicator, t: Target | undefined): FieldResult[] {
  const p = `targets[${k}]`;
  if (!t) return [{ field: p, ok: false, expected: e.name, actual: null }];
  const out: FieldResult[] = [{ field: `${p}.name`, ok: squeeze(e.name) === squeeze(t.name), expected: e.name, actual: t.name }];
  out.push(...quantityResults(`${p}.target`, e.target, t.target));
  out.push(...quantityResults(`${p}.actual`, e.actual, t.actual));
  return out;
}

/** The sum of the printed scores: rows (inferred blanks left out), else the stated subtotals. */
export function printedScoreSum(doc: Document): number | null {
  const rows = doc.indicators.filter((r) => r.declaredScore !== null && !r.scoreInferred);
  if (rows.length > 0) return Math.round(rows.reduce((s, r) => s + (r.declaredScore ?? 0), 0) * 100) / 100;
  const parts = Object.values(doc.declared.byLevel1);
  if (parts.length > 0) return Math.round(parts.reduce((s, v) => s + v, 0) * 100) / 100;
  return null;
}

/** Every compared field of one document against its facts. */
export function compareWithFacts(facts: Facts, doc: Document): FieldResult[] {
  const out: FieldResult[] = [];
  const push = (field: string, ok: boolean, e: unknown, a: unknown) => out.push({ field, ok, expected: e, actual: a });
  push('kind', facts.kind === doc.kind, facts.kind, doc.kind);
  push('department', squeeze(facts.department) === squeeze(doc.department.name), facts.department, doc.department.name);
  for (const level of ['province', 'city', 'county'] as const) {
    push(`region.${level}`, (facts.region[level] ?? null) === (doc.region?.[level] ?? null), facts.region[level], doc.region?.[level] ?? null);
  }
  push('project.name', squeeze(facts.project) === squeeze(doc.project?.name), facts.project, doc.project?.name ?? null);
  if (facts.projectCode) push('project.code', facts.projectCode === doc.project?.code, facts.projectCode, doc.project?.code ?? null);
  if (facts.competentDepartment) push('project.supervisor', squeeze(facts.competentDepartment) === squeeze(doc.project?.supervisor), facts.competentDepartment, doc.project?.supervisor ?? null);
  if (facts.implementingUnit) push('project.implementer', squeeze(facts.implementingUnit) === squeeze(doc.project?.implementer), facts.implementingUnit, doc.project?.implementer ?? null);
  push('fiscalYear', facts.fiscalYear === doc.fiscalYear, facts.fiscalYear, doc.fiscalYear);
  push('declaredTotal', close(facts.declaredTotal, doc.declared.total), facts.declaredTotal, doc.declared.total);
  push('printedScoreSum', close(facts.recomputedTotal, printedScoreSum(doc), 0.005), facts.recomputedTotal, printedScoreSum(doc));
  if (facts.declaredGrade) push('declaredGrade', facts.declaredGrade === doc.declared.grade, facts.declaredGrade, doc.declared.grade);

  const b = facts.budget;
  push('budget.initial', close(b.initial, doc.budget.initial, 0.005), b.initial, doc.budget.initial);
  push('budget.adjusted', close(b.adjusted, doc.budget.total, 0.005), b.adjusted, doc.budget.total);
  push('budget.executed', close(b.executed, doc.budget.actualSpending, 0.005), b.executed, doc.budget.actualSpending);
  if (b.printedExecutionRate !== undefined) push('budget.printedExecutionRate', close(b.printedExecutionRate, doc.budget.executionRate, 0.00005), b.printedExecutionRate, doc.budget.executionRate);
  const budgetRow = doc.indicators.find((r) => r.role === 'budget-execution');
  if (b.weight !== undefined) push('budget.weight', close(b.weight, budgetRow?.weight ?? null), b.weight, budgetRow?.weight ?? null);
  if (b.score !== undefined) {
    const score = budgetRow && !budgetRow.scoreInferred ? budgetRow.declaredScore : null;
    push('budget.score', close(b.score, score), b.score, score);
  }

  const scored = doc.indicators.filter((r) => r.role !== 'budget-execution');
  if (scored.length > 0 || facts.indicators.some((i) => i.weight !== null)) {
    push('indicators.length', scored.length === facts.indicators.length, facts.indicators.length, scored.length);
    facts.indicators.forEach((e, k) => out.push(...indicatorResults(k, e, scored[k])));
  } else {
    push('targets.length', doc.targets.length === facts.indicators.length, facts.indicators.length, doc.targets.length);
    facts.indicators.forEach((e, k) => out.push(...targetResults(k, e, doc.targets[k])));
  }
  for (const s of facts.subtotals ?? []) {
    const stated = doc.declared.byLevel1[s.name] ?? null;
    push(`subtotals.${s.name}`, close(s.score, stated), s.score, stated);
  }

  const codes = new Set<string>(doc.verification.findings.map((f) => f.code));
  for (const code of facts.expectedFindings) push(`findings.${code}`, codes.has(code), true, codes.has(code));
  const allowed = new Set<string>([...facts.expectedFindings, ...(facts.acceptableFindings ?? [])]);
  const extra = doc.verification.findings.filter((f) => f.severity === 'error' && !allowed.has(f.code)).map((f) => f.code);
  push('findings.noOtherErrors', extra.length === 0, [], [...new Set(extra)]);
  return out;
}
