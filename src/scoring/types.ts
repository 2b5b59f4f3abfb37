import type { ZodType } from 'zod';
import type { Rubric, RubricEntry } from '../rubrics/index.js';
import type { Check, Document, FindingCode, Indicator, Provenance, Severity, Target } from '../schema/index.js';

/** What a rule found, as data: the Chinese sentence is rendered later from the module's meta.messages. */
export interface RuleReport {
  code: FindingCode;
  severity: Severity;
  /** A key of the reporting module's meta.messages. */
  messageId: string;
  data: Record<string, string | number>;
  /** A number (points, 万元 or a fraction) or null; text belongs in the message. */
  expected: number | null;
  actual: number | null;
  provenance: Provenance[];
  /** The indicator the finding names (rendered as Finding.indicator); defaults to the entry's name. */
  indicator?: string | null;
  /** The rubric entry a document-level finding is about (entry rules get their entry's id). */
  rubricId?: string | null;
}

/** A fact for a formula rule, taken from the documents or derived from its inputs. */
export interface ResolvedFact {
  key: string;
  value: number;
  /** true when computed from its inputs (e.g. 结转结余率 from 年末/年初结转结余 and 财政拨款). */
  derived: boolean;
  text: string;
  provenance: Provenance[];
}

export interface FactSource {
  /** The first value of `key` in the document or its companions, or one derived from its inputs. */
  get(key: string): ResolvedFact | null;
}

/** Everything one rubric entry's rule (or one row's, scored by the row's own printed weight) may look at. */
export interface EntryContext {
  /** The rubric applied; null when none covers the document (structural checks only). */
  rubric: Rubric | null;
  /**
   * The rubric entry, or for a row scored on its own (a national form's indicator, a row checked without a
   * rubric) a stand-in named after the row, with the row's printed weight.
   */
  entry: RubricEntry;
  /** What the Check and its findings report as rubricId: the entry's id, the row rule's id, or null. */
  rubricId: string | null;
  /** The weight the check applies: the entry's, or the row's printed one; null when the form prints none. */
  weight: number | null;
  /** The document verified (a rule that reads its budget figures or a rule the form states). */
  document: Document;
  /** The entry's rule params as in the rubric file (parsed by defineRule before `check` sees them). */
  params: unknown;
  /** 'table': scores come from indicator rows; 'report': from declared.byCategory. */
  source: 'table' | 'report';
  /** Table rows aligned to this entry (sub-rows in part order); empty for a report. */
  rows: Indicator[];
  /** Declared score: the sum of the rows, or the report's category score; null when absent. */
  declared: number | null;
  /** The declared score was inferred by the extractor from the total. */
  inferred: boolean;
  declaredProvenance: Provenance[];
  facts: FactSource;
  /** Target/actual pairs of the entry's category (this document's, else a companion's). */
  targets: Target[];
  /** The number of indicators the document says it set for this category (设置了 19 个产出指标). */
  statedCount: number | null;
  /** Allowed gap between two scores: 0.01 + half a unit of the document's precision. */
  tolerance: number;
}

export interface RuleResult {
  recomputed: number | null;
  range: [number, number] | null;
  /** true only when the substance was re-verified from figures; a Check is never 'ok' otherwise. */
  verified: boolean;
  detail: string;
  reports: RuleReport[];
}

export interface RuleMeta<P> {
  id: string;
  title: string;
  params: ZodType<P>;
  messages: Record<string, string>;
}

/** A rubric rule type (ESLint-style: metadata + one pure function), as the registry stores it. */
export interface RuleModule {
  meta: RuleMeta<unknown>;
  check(ctx: EntryContext): RuleResult;
}

/** A rule as written in its file: `check` receives its own params already parsed. */
export interface RuleSpec<P> {
  meta: RuleMeta<P>;
  check(ctx: EntryContext, params: P): RuleResult;
}

export function defineRule<P>(spec: RuleSpec<P>): RuleModule {
  return {
    meta: spec.meta,
    check: (ctx) => spec.check(ctx, spec.meta.params.parse(ctx.params)),
  };
}

/**
 * How a document is scored: 'entries' by a rubric that lists every indicator (广州市), 'rows' by the rows the
 * form itself prints (the national project rubric, or no rubric at all).
 */
export type ScoringMode = 'entries' | 'rows';

/** What document-level checks (weights, sums, grade, count, cross-document …) see. */
export interface DocumentContext {
  /** null: no rubric covers the document; only checks that need none are made. */
  rubric: Rubric | null;
  mode: ScoringMode;
  document: Document;
  companions: Document[];
  facts: FactSource;
  /** The per-entry checks already computed. */
  checks: Check[];
  indicatorSum: number | null;
  recomputedTotal: number | null;
  tolerance: number;
}

/**
 * When a document check runs: 'always'; 'entries' with a rubric that lists every indicator; 'rows' when the
 * form's own rows are scored (national rubric or none); 'rubric' whenever there is a rubric.
 */
export type CheckApplies = 'always' | 'entries' | 'rows' | 'rubric';

export interface DocumentCheck {
  meta: { id: string; title: string; applies: CheckApplies; messages: Record<string, string> };
  check(ctx: DocumentContext): RuleReport[];
}
