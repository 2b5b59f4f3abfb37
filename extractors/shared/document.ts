import type { Format, LayoutDocument } from '../../src/layout/model.js';
import { SCHEMA_VERSION, type Budget, type DocumentKind } from '../../src/schema/document.js';
import type { Indicator } from '../../src/schema/indicator.js';
import type { ExtractedDocument, SourceInfo } from '../types.js';

export function emptyBudget(): Budget {
  return {
    total: null, initial: null, basic: null, project: null, specialFunds: null, otherDevelopment: null,
    fiscalAppropriation: null, otherFunds: null, districtLevel: null, transfers: null, actualSpending: null,
    executionRate: null, carryover: null, lines: [], splits: [],
  };
}

/** A document with every field present and empty (null, [], {}), ready for an extractor to fill. */
export function emptyDocument(kind: DocumentKind, layout: LayoutDocument, source: SourceInfo): ExtractedDocument {
  const format: Format = layout.format;
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { path: source.path, sha256: source.sha256, format, pageCount: layout.pageCount, producer: layout.producer, ocrPages: layout.ocrPages ?? [] },
    kind,
    classification: { score: 0, evidence: [] },
    department: { name: null, key: null, region: null, inferred: false, provenance: null },
    region: null,
    project: null,
    fiscalYear: null,
    fiscalYearProvenance: null,
    goals: { overall: null, completion: null, unmetReasons: null, tasks: [] },
    budget: emptyBudget(),
    indicators: [],
    targets: [],
    declared: { total: null, grade: null, byLevel1: {}, byCategory: {}, provenance: {} },
    facts: {},
    warnings: [],
  };
}

/** The per-row values of forms that print targets and actuals, for rows of forms that do not. */
export const NO_FORM_VALUES = {
  role: null,
  target: null,
  initialTarget: null,
  actual: null,
  coefficient: null,
  core: null,
  notApplicable: false,
} as const satisfies Partial<Indicator>;
