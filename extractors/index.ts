import { explanationExtractor } from './explanation/index.js';
import { projectTableExtractor } from './project-table/index.js';
import { reportExtractor } from './report/index.js';
import { tableExtractor } from './table/index.js';
import type { Extractor } from './types.js';

/** One extractor per document kind; adding a kind is adding a folder and a line here. */
export const extractors: readonly Extractor[] = [projectTableExtractor, explanationExtractor, reportExtractor, tableExtractor];

export type { ExtractedDocument, Extractor, SourceInfo } from './types.js';
