import { describe, expect, it } from 'vitest';
import type { Document, Finding, FindingCode, Indicator, Target } from '../../src/schema/index.js';
import { renderReport } from '../../src/scoring/findings.js';
import { factSource } from '../../src/scoring/facts.js';
import { interpolate } from '../../src/scoring/interpolate.js';
import { loadCheckedRubric } from '../../src/scoring/rubric.js';
import type { RubricEntry } from '../../src/rubrics/index.js';
import type { DocumentCheck, DocumentContext, EntryContext, RuleModule, RuleResult } from '../../src/scoring/types.js';
import { fact, makeDocument, prov } from '../helpers/make-document.js';

/** A rubric for rule tests; null: no rubric (a rule the engine applies to rows without one). */
export type TestRubric = 'gz-2022' | 'gz-2023' | 'national-project' | null;

/** One case of a rule test (ESLint RuleTester shape): an entry of a rubric with a declared score and inputs. */
export interface RuleCase {
  name: string;
  /** A rubric entry id, its row rule's id (national-project: performance-indicator), or any id without a rubric. */
  entry: string;
  rubric?: TestRubric;
  declared: number | null;
  inferred?: boolean;
  facts?: Record<string, number>;
  rows?: Indicator[];
  targets?: Target[];
  source?: 'table' | 'report';
  /** The document a rule reads budget figures or stated rules from (default: one holding the facts and rows). */
  document?: Document;
  /** The weight the check applies (default: the entry's, or the row's printed one). */
  weight?: number | null;
}

export interface InvalidCase extends RuleCase {
  codes: FindingCode[];
  expected?: number | null;
  actual?: number | null;
  /** The scores the rule could have given, as the message lists them (SCORE_NOT_ALLOWED). */
  allowed?: string;
  recomputed?: number | null;
  severity?: Finding['severity'];
}

export interface ValidCase extends RuleCase {
  recomputed?: number | null;
  range?: [number, number] | null;
}

/** The stand-in entry the engine builds for a row scored on its own (see src/scoring/items.ts). */
function rowEntry(id: string, row: Indicator | undefined, weight: number | null, rule: RubricEntry['rule']): RubricEntry {
  return { id, name: row?.name ?? id, aliases: [], level1: row?.level1 ?? '', level2: row?.level2 ?? '', weight: weight ?? 0, parts: null, keywords: [], category: null, role: row?.role ?? null, rule };
}

/** The context the engine builds; checks run on every entry (score-range …) get empty params, as there. */
export function entryContext(c: RuleCase, rule?: RuleModule): EntryContext {
  const rubricName = c.rubric === undefined ? 'gz-2023' : c.rubric;
  const rubric = rubricName === null ? null : loadCheckedRubric(rubricName);
  const row = c.rows?.[0];
  let entry = rubric?.entries.find((e) => e.id === c.entry);
  let weight = c.weight !== undefined ? c.weight : (entry?.weight ?? row?.weight ?? null);
  let rubricId: string | null = entry?.id ?? null;
  if (!entry && rubric?.rowRule?.id === c.entry) {
    weight = c.weight !== undefined ? c.weight : (row?.weight ?? null);
    entry = rowEntry(c.entry, row, weight, rubric.rowRule.rule);
    rubricId = rubric.rowRule.id;
  } else if (!entry && rubric === null) {
    entry = rowEntry(c.entry, row, weight, { type: rule?.meta.id ?? 'form-rule', params: {} });
  } else if (entry && c.weight !== undefined) {
    entry = { ...entry, weight: c.weight ?? entry.weight };
  }
  if (!entry) throw new Error(`no entry ${c.entry}`);
  const facts = Object.fromEntries(Object.entries(c.facts ?? {}).map(([k, v]) => [k, fact(v, `${k} ${v}`)]));
  const document = c.document ? { ...c.document, facts: { ...c.document.facts, ...facts } } : makeDocument({ facts, indicators: c.rows ?? [] });
  return {
    rubric,
    entry,
    rubricId,
    weight,
    document,
    params: rule === undefined || rule.meta.id === entry.rule.type ? entry.rule.params : {},
    source: c.source ?? (c.rows ? 'table' : 'report'),
    rows: c.rows ?? [],
    declared: c.declared,
    inferred: c.inferred ?? false,
    declaredProvenance: c.rows ? c.rows.map((r) => r.provenance) : [prov(`${entry.name} ${c.declared ?? ''}`)],
    facts: factSource([document]),
    targets: c.targets ?? [],
    statedCount: null,
    tolerance: 0.015,
  };
}

/** Every message id a result names exists and renders without leftover placeholders. */
function expectRenderable(rule: RuleModule, result: RuleResult): void {
  for (const report of result.reports) {
    const template = rule.meta.messages[report.messageId];
    expect(template, `${rule.meta.id} message ${report.messageId}`).toBeDefined();
    expect(interpolate(template ?? '', report.data)).not.toMatch(/\{\{/u);
  }
}

export function runRuleTests(
  rule: RuleModule,
  cases: { valid: ValidCase[]; invalid: InvalidCase[]; unverifiable: RuleCase[] },
): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const result = rule.check(entryContext(c, rule));
        expectRenderable(rule, result);
        expect(result.reports.map((r) => r.code)).toEqual([]);
        expect(result.verified).toBe(true);
        if (c.recomputed !== undefined) expect(result.recomputed).toBeCloseTo(c.recomputed ?? Number.NaN, 2);
        if (c.range !== undefined) expect(result.range).toEqual(c.range);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const result = rule.check(entryContext(c, rule));
        expectRenderable(rule, result);
        expect(result.reports.map((r) => r.code)).toEqual(c.codes);
        const first = result.reports[0];
        if (c.expected !== undefined) expect(first?.expected).toEqual(c.expected);
        if (c.allowed !== undefined) expect(first?.data['allowed']).toEqual(c.allowed);
        if (c.actual !== undefined) expect(first?.actual).toEqual(c.actual);
        if (c.recomputed !== undefined) expect(result.recomputed).toEqual(c.recomputed);
        if (c.severity !== undefined) expect(first?.severity).toBe(c.severity);
      });
    }
    for (const c of cases.unverifiable) {
      it(`unverifiable: ${c.name}`, () => {
        const result = rule.check(entryContext(c, rule));
        expectRenderable(rule, result);
        expect(result.reports).toEqual([]);
        expect(result.verified).toBe(false);
        expect(result.recomputed).toBeNull();
      });
    }
  });
}

/** The context document checks see, built the way the engine builds it. */
export function documentContext(
  document: Document,
  options: { companions?: Document[]; rubric?: TestRubric; recomputedTotal?: number | null; indicatorSum?: number | null } = {},
): DocumentContext {
  const companions = options.companions ?? [];
  const indicatorSum =
    options.indicatorSum !== undefined
      ? options.indicatorSum
      : document.indicators.length > 0 ? Math.round(document.indicators.reduce((s, r) => s + (r.declaredScore ?? 0), 0) * 100) / 100 : null;
  const name = options.rubric !== undefined ? options.rubric : document.fiscalYear === 2022 ? 'gz-2022' : 'gz-2023';
  const rubric = name === null ? null : loadCheckedRubric(name);
  return {
    rubric,
    mode: rubric === null || rubric.rowRule !== null ? 'rows' : 'entries',
    document,
    companions,
    facts: factSource([document, ...companions]),
    checks: [],
    indicatorSum,
    recomputedTotal: options.recomputedTotal ?? null,
    tolerance: 0.015,
  };
}

/** Run a document check and render every report, failing on a message id the module lacks. */
export function runDocumentCheck(check: DocumentCheck, ctx: DocumentContext): Finding[] {
  return check.check(ctx).map((report) => renderReport(report, check.meta.id, check.meta.messages, null));
}
