import type { LayoutDocument } from '../../src/layout/model.js';
import { kindScore } from '../kinds.js';
import { reportExtractor } from '../report/index.js';
import type { ExtractedDocument, Extractor, SourceInfo } from '../types.js';

/**
 * 项目支出 / 专项资金 / 转移支付 绩效自评报告: a report about one project. It reads as a department report
 * does (scores, budget, targets, an indicator table when it prints one), with the project's head fields.
 */
function extractProjectReport(layout: LayoutDocument, source: SourceInfo): ExtractedDocument {
  return reportExtractor.extract(layout, { ...source, kind: 'project-report' });
}

export const projectReportExtractor: Extractor = {
  kind: 'project-report',
  match: (layout) => kindScore(layout, 'project-report'),
  extract: extractProjectReport,
};
