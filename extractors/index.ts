import { explanationExtractor } from './explanation/index.js';
import { projectReportExtractor } from './project-report/index.js';
import { projectTableExtractor } from './project-table/index.js';
import { reportExtractor } from './report/index.js';
import { tableExtractor } from './table/index.js';
import type { Extractor } from './types.js';

/** One extractor per document kind; adding a kind is adding a folder, a line here and its words in kinds.json. */
export const extractors: readonly Extractor[] = [
  explanationExtractor,
  reportExtractor,
  projectReportExtractor,
  projectTableExtractor,
  tableExtractor,
];

/** The extractor of a kind the classifier chose. */
export function extractorFor(kind: Extractor['kind']): Extractor | null {
  return extractors.find((e) => e.kind === kind) ?? null;
}

export type { ExtractedDocument, Extractor, SourceInfo } from './types.js';
