import type { LayoutDocument, Table } from '../../src/layout/model.js';
import type { Indicator } from '../../src/schema/indicator.js';
import { NO_FORM_VALUES } from '../shared/document.js';
import { parsePair } from '../shared/pairs.js';
import { provenanceOf, unionAnchor } from '../shared/provenance.js';
import type { Quantity } from '../../src/schema/quantity.js';
import { parseNumber, parseQuantity, parseScore, type ParseQuantityOptions } from '../shared/quantity.js';
import type { TextStream } from '../shared/text-stream.js';
import { readIndicatorGrid } from '../table/rows.js';

/**
 * The indicator table a report prints (表1 项目绩效指标完成情况及自评得分: 一级 / 二级 / 三级 / 年度指标值 /
 * 实际完成值 / 分值 / 得分), read with the table extractor's grid reader, and the budget-execution score
 * the report states only in prose (加上预算执行指标得分9.5分（…满分10分）).
 */

const TARGET_HEADER = /^(?:年度指标值|指标值|年度目标值|目标值)$/u;
const ACTUAL_HEADER = /^(?:实际完成值|全年实际值|完成值|实际值|年度实际值)$/u;
const LEVEL_WEIGHT = /[（(]\s*([0-9]+(?:\.[0-9]+)?)\s*分\s*[)）]\s*$/u;

const squeeze = (s: string): string => s.replace(/[\s\u3000]+/gu, '');

/** A target and its actual; dates without a year (10月31日前) take the fiscal year where the parser reads dates. */
function readPair(targetText: string, actualText: string, fiscalYear: number | null): { target: Quantity; actual: Quantity } {
  const pair = parsePair(targetText, actualText);
  if (fiscalYear === null || !pair.target.qualitative) return pair;
  const options = { fiscalYear } as ParseQuantityOptions;
  const target = parseQuantity(targetText, options);
  if (target.date === null) return pair;
  return { target, actual: parseQuantity(actualText, options) };
}

function levelName(text: string | undefined): { name: string | null; weight: number | null } {
  if (!text) return { name: null, weight: null };
  const m = LEVEL_WEIGHT.exec(text);
  return { name: (m ? text.slice(0, m.index) : text).trim() || null, weight: m ? parseNumber(m[1] ?? '') : null };
}

/**
 * Text exports print a table row by row, and a row under a merged cell lacks that cell, so its values
 * are shifted left: put each short row's cells under the header's last columns (the merged ones are
 * the leading ones).
 */
function alignShortRows(layout: LayoutDocument): LayoutDocument {
  if (layout.format !== 'text') return layout;
  const align = (table: Table): Table => {
    const perRow = new Map<number, number>();
    for (const c of table.cells) perRow.set(c.row, (perRow.get(c.row) ?? 0) + 1);
    const width = perRow.get(0) ?? 0;
    const cells = table.cells.map((c) => {
      const n = perRow.get(c.row) ?? 0;
      return n < width ? { ...c, col: c.col + (width - n) } : c;
    });
    return { ...table, cells };
  };
  // Once aligned, the columns are positions to trust as in a grid format.
  return { ...layout, format: 'html', pages: layout.pages.map((p) => ({ ...p, blocks: p.blocks.map((b) => (b.type === 'table' ? { type: 'table', table: align(b.table) } : b)) })) };
}

export function readReportGrid(printed: LayoutDocument, fiscalYear: number | null = null): Indicator[] {
  const layout = alignShortRows(printed);
  const grid = readIndicatorGrid(layout);
  if (!grid || grid.rows.length === 0) return [];
  const tables = layout.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : [])));
  const headerCells = tables.flatMap((t) => t.cells.filter((c) => c.row <= 1));
  const targetCol = headerCells.find((c) => TARGET_HEADER.test(squeeze(c.text)))?.col ?? null;
  const actualCol = headerCells.find((c) => ACTUAL_HEADER.test(squeeze(c.text)))?.col ?? null;
  let previous: { level1: ReturnType<typeof levelName>; level2: ReturnType<typeof levelName> } | null = null;
  return grid.rows.map((row): Indicator => {
    // A level a shifted row does not print is the one above (its merged cell).
    const level1 = row.fields.level1 ? levelName(row.fields.level1.text) : (previous?.level1 ?? levelName(undefined));
    const level2 = row.fields.level2 ? levelName(row.fields.level2.text) : (previous?.level2 ?? levelName(undefined));
    previous = { level1, level2 };
    const cellAt = (col: number | null): string | null => (col === null ? null : (row.cells.find((c) => c.col === col)?.text.trim() ?? null));
    const targetText = cellAt(targetCol);
    const actualText = cellAt(actualCol);
    const pair = targetText ? readPair(targetText, actualText ?? '', fiscalYear) : null;
    const weight = row.fields.weight ? parseScore(row.fields.weight.text) : null;
    const score = row.fields.score ? parseScore(row.fields.score.text) : null;
    const own = row.cells.filter((c) => c.text.trim() !== '');
    return {
      level1: level1.name,
      level1Weight: row.fields.level1Weight ? parseScore(row.fields.level1Weight.text) : level1.weight,
      level2: level2.name,
      level2Weight: level2.weight,
      name: row.fields.name?.text.trim() ?? null,
      rubricId: null,
      rubricName: null,
      part: null,
      weight,
      declaredScore: score,
      scoreInferred: false,
      ...NO_FORM_VALUES,
      // A target printed without a sign means equality (100% → = 100%).
      target: pair && !pair.target.qualitative && pair.target.comparator === null && pair.target.value !== null ? { ...pair.target, comparator: '=' } : (pair?.target ?? null),
      actual: actualText && pair ? pair.actual : null,
      explanation: null,
      criteria: null,
      basis: null,
      shortfallReason: null,
      improvement: null,
      note: null,
      provenance: provenanceOf(unionAnchor(own.length > 0 ? own : row.cells), [row.fields.name?.text ?? '', row.fields.weight?.text ?? '', row.fields.score?.text ?? ''].filter(Boolean).join(' ')),
    };
  });
}

const BUDGET_SCORE = /预算执行(?:指标|情况)?(?:得分|自评得分)\s*(?:为)?\s*([0-9]+(?:\.[0-9]+)?)\s*分\s*(?:[（(][^）)]*?满分\s*([0-9]+(?:\.[0-9]+)?)\s*分[^）)]*[)）])?/u;

/** The budget-execution row a report states in prose, as the `budget-execution` indicator. */
export function readBudgetExecutionScore(stream: TextStream): Indicator | null {
  const m = BUDGET_SCORE.exec(stream.text);
  if (!m) return null;
  const start = m.index ?? 0;
  return {
    level1: null,
    level1Weight: null,
    level2: null,
    level2Weight: null,
    name: '预算执行',
    rubricId: null,
    rubricName: null,
    part: null,
    weight: m[2] ? parseNumber(m[2]) : null,
    declaredScore: parseNumber(m[1] ?? ''),
    scoreInferred: false,
    ...NO_FORM_VALUES,
    role: 'budget-execution',
    explanation: null,
    criteria: null,
    basis: null,
    shortfallReason: null,
    improvement: null,
    note: null,
    provenance: stream.provenance(start, start + m[0].length),
  };
}
