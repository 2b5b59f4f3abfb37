import type { LayoutDocument } from '../../src/layout/model.js';
import { emptyDocument } from '../shared/document.js';
import { findBudgetFigures, findFacts } from '../shared/figures.js';
import { applyIdentity, readIdentity } from '../shared/identity/index.js';
import { readTotalAndGrade } from '../shared/prose.js';
import { TextStream } from '../shared/text-stream.js';
import { kindScore } from '../kinds.js';
import type { ExtractedDocument, Extractor, SourceInfo } from '../types.js';
import { readBudgetExecutionScore, readReportGrid } from './grid.js';
import { readReportIndicators } from './indicators.js';
import { readCategoryScores } from './scores.js';
import { readSubtotals } from './subtotals.js';
import { readReportTargets } from './targets.js';

/** The section that states the department's own budget (not the per-project figures later on). */
const BUDGET_SECTION = /部门整体(?:预算)?收支情况/gu;
const NEXT_SECTION = /[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]、/gu;

function budgetSectionRange(text: string): [number, number] {
  let last: [number, number] | null = null;
  for (const m of text.matchAll(BUDGET_SECTION)) {
    const start = m.index ?? 0;
    NEXT_SECTION.lastIndex = start + m[0].length + 2;
    const next = NEXT_SECTION.exec(text);
    // The numbered heading "2.部门整体预算收支情况" comes after a "(三)…收支情况" one: keep the innermost.
    last = [start, next ? next.index : Math.min(text.length, start + 800)];
  }
  return last ?? [0, text.length];
}

/** Numbered tasks with 主要内容 (the goal) and 实际完成情况 (what was done). */
function readReportTasks(text: string): ExtractedDocument['goals']['tasks'] {
  const re = /([0-9]+)\s*[.．]\s*([^。：:]{2,60}?)\s*主要内容[:：]\s*([\s\S]+?)\s*实际完成情况[:：]\s*([\s\S]+?)(?=[0-9]+\s*[.．]\s*[^。：:0-9]{2,60}?主要内容[:：]|[（(][一二三四五六七八九十]+[)）]|$)/gu;
  return [...text.matchAll(re)].map((m) => ({
    index: Number(m[1]),
    goal: `${(m[2] ?? '').trim()}：${(m[3] ?? '').trim()}`,
    completion: (m[4] ?? '').trim(),
    unmetReason: null,
  }));
}

/** 共9项指标 / 设置了12个绩效指标: the number of indicators a report says it set. */
function readStatedIndicatorCount(doc: ExtractedDocument, stream: TextStream): void {
  const m = /共\s*([0-9]+)\s*(?:项|个)(?:绩效)?指标|设置了?\s*([0-9]+)\s*(?:项|个)(?:绩效)?指标/u.exec(stream.text);
  if (!m || doc.declared.byCategory['indicators']) return;
  doc.declared.byCategory['indicators'] = { score: null, max: null, statedCount: Number(m[1] ?? m[2]) };
  doc.declared.provenance['statedCount.indicators'] = stream.provenance(m.index, m.index + m[0].length);
}

function extractReport(layout: LayoutDocument, source: SourceInfo): ExtractedDocument {
  const kind = source.kind ?? 'self-evaluation-report';
  const doc = emptyDocument(kind, layout, source);
  const stream = TextStream.fromLayout(layout);
  applyIdentity(doc, readIdentity(layout, kind));
  // The total is stated in prose; table cells around it must not read as the clause before it.
  readTotalAndGrade(doc, TextStream.fromLayout(layout, { includeTables: false }));
  readCategoryScores(doc, stream);
  readSubtotals(layout, stream, doc);
  findBudgetFigures(stream, doc.budget, budgetSectionRange(stream.text));
  doc.facts = { ...findFacts(stream), ...doc.facts };
  doc.targets = readReportTargets(stream);
  doc.indicators = readReportIndicators(doc, stream);
  if (doc.indicators.length === 0) {
    // A report that prints its indicator table (project reports): its rows, after the budget row it states in prose.
    const rows = readReportGrid(layout, doc.fiscalYear);
    const budgetRow = rows.length > 0 ? readBudgetExecutionScore(stream) : null;
    doc.indicators = budgetRow ? [budgetRow, ...rows] : rows;
  }
  readStatedIndicatorCount(doc, stream);
  doc.goals.tasks = readReportTasks(stream.text);
  const goal = stream.text.match(/部门整体(?:支出)?绩效目标(?:是)?[:：]?\s*(.{10,1200}?)(?=[（(][一二三四五六七八九十]+[)）]|[0-9]+\s*[.．]\s*部门整体预算)/u);
  if (goal?.[1]) doc.goals.overall = goal[1].trim();
  return doc;
}

function matchReport(layout: LayoutDocument): number {
  return kindScore(layout, 'self-evaluation-report');
}

export const reportExtractor: Extractor = {
  kind: 'self-evaluation-report',
  match: matchReport,
  extract: extractReport,
};
