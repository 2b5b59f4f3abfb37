import { explanationExtractor } from './explanation/index.js';
import { projectReportExtractor } from './project-report/index.js';
import { reportExtractor } from './report/index.js';
import { tableExtractor } from './table/index.js';
import type { Extractor } from './types.js';

/** One extractor per document kind; adding a kind is adding a folder, a line here and its words in kinds.json. */
export const extractors: readonly Extractor[] = [explanationExtractor, reportExtractor, projectReportExtractor, tableExtractor];

/**
 * A kind without an extractor of its own is read by the extractor of the nearest kind (a project form
 * by the table extractor until it has its own), which is told the kind it reads.
 */
const NEAREST: Partial<Record<Extractor['kind'], Extractor['kind']>> = {
  'project-table': 'self-evaluation-table',
  'project-report': 'self-evaluation-report',
};

export function extractorFor(kind: Extractor['kind']): Extractor | null {
  const own = extractors.find((e) => e.kind === kind);
  if (own) return own;
  const nearest = NEAREST[kind];
  return nearest ? (extractors.find((e) => e.kind === nearest) ?? null) : null;
}

export type { ExtractedDocument, Extractor, SourceInfo } from './types.js';
