import { departmentKey } from '../../extractors/shared/department.js';
import { Document, SCHEMA_VERSION } from '../../src/schema/index.js';
import type { Fact, FactUnit, Indicator, Provenance, Quantity, Target } from '../../src/schema/index.js';

/** Hand-made documents for scorer tests: a valid empty Document whose fields tests fill in. */

export function prov(text: string, page: number | null = 1): Provenance {
  return { page, bbox: null, text };
}

/** A fact; its unit follows the text (a percentage is a ratio, else 万元) unless given. */
export function fact(value: number, text: string, unit: FactUnit = /[%‰]/u.test(text) ? 'ratio' : '万元'): Fact {
  return { value, unit, text, provenance: prov(text) };
}

export function quantity(text: string, value: number | null, unit: string | null, comparator: Quantity['comparator'] = null): Quantity {
  return { text, value, unit, comparator, qualitative: false, date: null };
}

export function qualitative(text: string): Quantity {
  return { text, value: null, unit: null, comparator: null, qualitative: true, date: null };
}

export function target(category: Target['category'], index: number, name: string, goal: Quantity, actual: Quantity): Target {
  return { category, index, name, target: goal, actual, unmetReason: null, overCompletionReason: null, provenance: prov(`${name} ${goal.text} ${actual.text}`) };
}

export function indicator(fields: Partial<Indicator> & Pick<Indicator, 'rubricId' | 'weight' | 'declaredScore'>): Indicator {
  return {
    level1: null,
    level1Weight: null,
    level2: null,
    level2Weight: null,
    name: null,
    rubricName: null,
    part: null,
    scoreInferred: false,
    role: null,
    target: null,
    initialTarget: null,
    actual: null,
    coefficient: null,
    core: null,
    notApplicable: false,
    explanation: null,
    criteria: null,
    basis: null,
    shortfallReason: null,
    improvement: null,
    note: null,
    provenance: prov(`${fields.name ?? fields.rubricId ?? ''} ${fields.weight ?? ''} ${fields.declaredScore ?? ''}`),
    ...fields,
  };
}

export interface DocumentFields {
  kind?: Document['kind'];
  path?: string;
  name?: string | null;
  region?: string | null;
  fiscalYear?: number | null;
  indicators?: Indicator[];
  targets?: Target[];
  declared?: Partial<Document['declared']>;
  facts?: Document['facts'];
}

/** A valid Document (checked with the zod schema) with only the given fields filled. */
export function makeDocument(fields: DocumentFields = {}): Document {
  const document: Document = {
    schemaVersion: SCHEMA_VERSION,
    source: { path: fields.path ?? 'samples/test.pdf', sha256: '0'.repeat(64), format: 'pdf', pageCount: 1, producer: null, ocrPages: [] },
    kind: fields.kind ?? (fields.indicators?.length ? 'self-evaluation-table' : 'self-evaluation-report'),
    classification: { score: 1, evidence: [] },
    department: { name: fields.name ?? null, key: departmentKey(fields.name ?? null), region: fields.region ?? null, inferred: false, provenance: null },
    region: null,
    project: null,
    fiscalYear: fields.fiscalYear ?? null,
    fiscalYearProvenance: null,
    goals: { overall: null, completion: null, unmetReasons: null, tasks: [] },
    budget: {
      total: null, initial: null, basic: null, project: null, specialFunds: null, otherDevelopment: null,
      fiscalAppropriation: null, otherFunds: null, districtLevel: null, transfers: null, actualSpending: null,
      executionRate: null, carryover: null, lines: [], splits: [],
    },
    indicators: fields.indicators ?? [],
    targets: fields.targets ?? [],
    declared: { total: null, grade: null, byLevel1: {}, byCategory: {}, provenance: {}, ...fields.declared },
    facts: fields.facts ?? {},
    verification: {
      rubric: null, scope: 'structural', declaredTotal: null, indicatorSum: null, recomputedTotal: null,
      grade: { declared: null, fromDeclaredTotal: null, fromRecomputedTotal: null }, checks: [], findings: [],
      summary: { ok: 0, mismatch: 0, unverifiable: 0, missing: 0, notApplicable: 0, pointsVerified: 0, pointsTotal: null },
    },
    warnings: [],
  };
  return Document.parse(document);
}
