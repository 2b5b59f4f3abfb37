import type { Format, LayoutDocument } from '../../src/layout/model.js';
import { SCHEMA_VERSION, type Budget, type DocumentKind } from '../../src/schema/document.js';
import type { ExtractedDocument, SourceInfo } from '../types.js';

export function emptyBudget(): Budget {
  return {
    total: null, initial: null, basic: null, project: null, specialFunds: null, otherDevelopment: null,
    fiscalAppropriation: null, otherFunds: null, districtLevel: null, transfers: null, actualSpending: null,
    executionRate: null, carryover: null, lines: [],
  };
}

/** A document with every field present and empty (null, [], {}), ready for an extractor to fill. */
export function emptyDocument(kind: DocumentKind, layout: LayoutDocument, source: SourceInfo): ExtractedDocument {
  const format: Format = layout.format;
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { path: source.path, sha256: source.sha256, format, pageCount: layout.pageCount, producer: layout.producer },
    kind,
    department: { name: null, region: null, inferred: false, provenance: null },
    fiscalYear: null,
    goals: { overall: null, completion: null, unmetReasons: null, tasks: [] },
    budget: emptyBudget(),
    indicators: [],
    targets: [],
    declared: { total: null, grade: null, byLevel1: {}, byCategory: {}, provenance: {} },
    facts: {},
    warnings: [],
  };
}
