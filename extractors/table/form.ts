/**
 * Reading a form (a department-wide 自评表 or a 项目支出绩效自评表) from the layout: the indicator grid found
 * by its header words, the head block, the budget block (by its column headers, else the Guangzhou
 * block of labels over figures), the task list, the declared totals and stated maxima.
 */
import type { Anchor, LayoutDocument, Line } from '../../src/layout/model.js';
import { rubricQueryOf, selectRubric, type Rubric, type RubricEntry } from '../../src/rubrics/index.js';
import type { DocumentKind } from '../../src/schema/document.js';
import type { Indicator } from '../../src/schema/indicator.js';
import { emptyDocument } from '../shared/document.js';
import { applyIdentity, readIdentity } from '../shared/identity/index.js';
import { findFacts } from '../shared/figures.js';
import { provenanceOf, unionAnchor } from '../shared/provenance.js';
import { parseScore } from '../shared/quantity.js';
import { TextStream } from '../shared/text-stream.js';
import type { ExtractedDocument, SourceInfo } from '../types.js';
import { alignRowsToRubric } from './align.js';
import { readBudgetColumns, type BudgetBlock } from './budget-columns.js';
import { readDeclared } from './declared.js';
import { rebuildFlatTables } from './flat-text.js';
import { readFormValues, readLevel } from './form-values.js';
import type { RowField } from './header-map.js';
import { blockCategory, isFillInInstruction, isNotApplicable, splitStatedWeight, statesExecutionScoreRule, type BlockCategory } from './header-vocabulary.js';
import { readBudgetBlock, readHeaderBlock } from './preamble.js';
import { readIndicatorGrid, type GridRow, type IndicatorGrid } from './rows.js';
import { readTaskBlock, splitTasks } from './tasks.js';

const SPECIAL_FUNDS = /专项资金绩效完成情况|专项资金支出率|专项效能/u;

function fieldText(row: GridRow, field: RowField): string | null {
  const text = row.fields[field]?.text.trim();
  return text ? text : null;
}

function fieldNumber(row: GridRow, field: RowField): number | null {
  const text = fieldText(row, field);
  return text === null ? null : parseScore(text);
}

/** A prose cell: a fill-in instruction left in it (…（限150字）) is no content. */
function proseText(row: GridRow, field: RowField): string | null {
  const text = fieldText(row, field);
  return text === null || isFillInInstruction(text) ? null : text;
}

/** Read a form of the given kind. */
export function readForm(sourceLayout: LayoutDocument, source: SourceInfo, kind: Exclude<DocumentKind, 'unknown'>): ExtractedDocument {
  const doc = emptyDocument(kind, sourceLayout, source);
  // A one-cell-per-line text export gets its rows back first; everything below reads the rebuilt layout.
  const layout = rebuildFlatTables(sourceLayout);
  // Department, region, project and fiscal year: from the form's fields, its title or its seal line
  // (read from the rebuilt layout, so a flat export's 项目名称 / 主管部门 pairs are label/value rows).
  applyIdentity(doc, readIdentity(layout, kind));
  const grid = readIndicatorGrid(layout);
  const allText = TextStream.fromLayout(layout);
  if (!grid) {
    doc.warnings.push({ code: 'NO_INDICATOR_GRID', message: '未找到指标表（一级指标/三级指标/得分表头）', provenance: null });
    return doc;
  }

  // Head block, budget block, tasks.
  const header = readHeaderBlock(grid.preamble);
  const budgetBlock = readBudgetColumns(grid.preamble, doc.budget, { scoreIsWeightTimesRate: statesExecutionScoreRule(allText.text) });
  if (budgetBlock) doc.warnings.push(...budgetBlock.warnings);
  else readBudgetBlock(grid.preamble, doc.budget);
  doc.goals.overall = header.overall;
  doc.goals.completion = header.completion;
  doc.goals.unmetReasons = header.unmetReasons;
  const taskBlock = readTaskBlock(grid.preamble);
  if (taskBlock) {
    doc.goals.tasks = taskBlock.tasks;
    doc.budget.lines.push(...taskBlock.lines);
    if (taskBlock.split) doc.budget.splits.push(taskBlock.split);
  } else doc.goals.tasks = splitTasks(header.overall, header.completion, header.unmetReasons);

  const rubric = selectFormRubric(grid, doc);
  const indicators = readIndicators(grid, doc.fiscalYear, layout.format, rubric);
  doc.indicators = budgetBlock?.row ? [budgetBlock.row, ...indicators] : indicators;
  readDeclared(grid, doc, rubric);
  if (doc.declared.total === null && header.declaredTotal) {
    doc.declared.total = header.declaredTotal.value;
    doc.declared.provenance['total'] = header.declaredTotal.provenance;
  }
  readStatedMaxima(grid, budgetBlock, doc);

  // Facts stated by the department in its own words (评分依据, 未达标原因 …), never the rule text.
  const factLines: Line[] = grid.rows.flatMap((row) =>
    (['basis', 'shortfallReason', 'improvement', 'note'] as RowField[]).flatMap((f) => {
      const token = row.fields[f];
      return token ? [{ text: token.text, ...token.anchor }] : [];
    }),
  );
  doc.facts = findFacts(TextStream.fromLines(factLines));
  return doc;
}

/**
 * The rubric the rows are aligned to: the one the document's kind, region and year select, when it
 * names its indicators. A rubric that scores the form's own rows (the national project rubric) and a
 * document no rubric covers leave the rows unaligned.
 */
function selectFormRubric(grid: IndicatorGrid, doc: ExtractedDocument): Rubric | null {
  const hasSpecialFundsRows = grid.rows.some((r) => SPECIAL_FUNDS.test(`${fieldText(r, 'name') ?? ''}${fieldText(r, 'level2') ?? ''}`));
  const selection = selectRubric(rubricQueryOf(doc, hasSpecialFundsRows));
  for (const w of selection.warnings) doc.warnings.push({ ...w, provenance: null });
  return selection.rubric?.rowRule ? null : selection.rubric;
}

/**
 * The indicator table of any layout read as a form's grid (a report's 表1 with 一级指标 … 得分 included):
 * every row with its levels, weight, score, target and actual, not-applicable rows marked, the
 * budget-execution row of a budget block first; the declared total of its 总分/合计 row. Null when the
 * layout has no indicator grid. Rows are aligned to `rubric` when one is given.
 */
export function readFormIndicators(
  layout: LayoutDocument,
  options: { fiscalYear: number | null; rubric?: Rubric | null },
): { indicators: Indicator[]; declaredTotal: number | null } | null {
  const rebuilt = rebuildFlatTables(layout);
  const grid = readIndicatorGrid(rebuilt);
  if (!grid) return null;
  const budget = emptyDocument('project-report', rebuilt, { path: '', sha256: '' }).budget;
  const block = readBudgetColumns(grid.preamble, budget, { scoreIsWeightTimesRate: statesExecutionScoreRule(TextStream.fromLayout(rebuilt).text) });
  const indicators = readIndicators(grid, options.fiscalYear, rebuilt.format, options.rubric ?? null);
  const total = grid.footers.find((f) => f.kind === 'total');
  const column = total?.scoreColumn;
  const token = total && column ? total.tokens.find((t) => t.col >= column.col && t.col < column.col + column.colSpan) : undefined;
  return { indicators: block?.row ? [block.row, ...indicators] : indicators, declaredTotal: token ? parseScore(token.text) : null };
}

/** The grid's rows as indicators, aligned to the rubric when there is one. */
function readIndicators(grid: IndicatorGrid, fiscalYear: number | null, format: LayoutDocument['format'], rubric: Rubric | null): Indicator[] {
  const matches = rubric
    ? alignRowsToRubric(
        grid.rows.map((r) => ({
          name: fieldText(r, 'name'),
          nameInherited: r.inherited.has('name'),
          weight: fieldNumber(r, 'weight'),
          text: ['explanation', 'criteria', 'basis'].map((f) => fieldText(r, f as RowField) ?? '').join(' '),
        })),
        rubric,
      )
    : [];
  // Level names and weights come from the rubric only where the form has level columns (a text export
  // lost the merged cells); a flat list keeps its levels null.
  const hasColumn = (f: RowField): boolean => grid.columns.some((c) => c.field === f);
  const levelWeight = (name: string | null, level: 'level1' | 'level2'): number | null =>
    rubric && hasColumn(level) ? (rubric[level].find((n) => n.name === name)?.weight ?? null) : null;

  const indicators = grid.rows.map((row, k): Indicator => {
    const match = matches[k] ?? { entry: null, part: null };
    const entry: RubricEntry | null = match.entry;
    const level1Cell = readLevel(fieldText(row, 'level1'));
    const level2Cell = readLevel(fieldText(row, 'level2'));
    const level1 = level1Cell.name ?? (hasColumn('level1') ? entry?.level1 ?? null : null);
    const level2 = level2Cell.name ?? (hasColumn('level2') ? entry?.level2 ?? null : null);
    const own = row.cells.filter((c) => c.text.trim() !== '');
    const anchor: Anchor | null = unionAnchor(own.length > 0 ? own : row.cells);
    const values = readFormValues((f) => fieldText(row, f), grid.columns, fiscalYear);
    // A merged 三级指标 cell names every sub-row it covers, but only the sub-rows of that indicator
    // (a producer that leaves out a rule must not lend one indicator's name to the next).
    const inheritedName = row.inherited.has('name') ? fieldText(row, 'name') : null;
    const printedName = row.inherited.has('name')
      ? inheritedName !== null && entry !== null && [entry.name, ...entry.aliases].includes(inheritedName) ? inheritedName : null
      : fieldText(row, 'name');
    const name = printedName !== null && isNotApplicable(printedName) ? null : printedName;
    const weight = values.notApplicable ? null : fieldNumber(row, 'weight');
    const score = values.notApplicable ? null : fieldNumber(row, 'score');
    return {
      level1,
      // Weights of merged level cells lost in a text export come from the rubric for that level.
      level1Weight: fieldNumber(row, 'level1Weight') ?? level1Cell.weight ?? levelWeight(level1, 'level1'),
      level2,
      level2Weight: fieldNumber(row, 'level2Weight') ?? level2Cell.weight ?? levelWeight(level2, 'level2'),
      name,
      rubricId: entry?.id ?? null,
      rubricName: entry?.name ?? null,
      part: match.part,
      role: null,
      weight,
      declaredScore: score,
      scoreInferred: false,
      ...values,
      explanation: proseText(row, 'explanation'),
      criteria: proseText(row, 'criteria'),
      basis: proseText(row, 'basis'),
      shortfallReason: proseText(row, 'shortfallReason'),
      improvement: proseText(row, 'improvement'),
      note: proseText(row, 'note'),
      provenance: provenanceOf(anchor, [row.inherited.has('name') ? '' : name ?? '', fieldText(row, 'weight') ?? '', fieldText(row, 'score') ?? ''].filter(Boolean).join(' ')),
    };
  });
  // Text exports lose merged cells: a later sub-row of an indicator printed under one merged name
  // cell (采购意向公开合规性 0.5 + 1.5) carries that name, as the grid formats give it; a row no rubric
  // entry places sits under the level labels of the row above.
  if (format === 'text') {
    indicators.forEach((ind, k) => {
      const previous = indicators[k - 1];
      if (ind.name === null && (ind.part ?? 0) >= 2 && previous?.rubricId === ind.rubricId && previous.name !== null) ind.name = previous.name;
      if (!previous || ind.rubricId !== null || !grid.rows[k]?.shifted) return;
      if (ind.level2 === null && hasColumn('level2') && ind.level1 === null) {
        ind.level2 = previous.level2;
        ind.level2Weight ??= previous.level2Weight;
      }
      if (ind.level1 === null && hasColumn('level1')) {
        ind.level1 = previous.level1;
        ind.level1Weight ??= previous.level1Weight;
      }
    });
  }
  return indicators;
}

/**
 * Maxima a form states in its labels: 预算执行情况（10分）, 绩效指标（90分）, 产出指标（50分) → declared.byCategory,
 * with the score the rows under it declare when every one of them has a score.
 */
function readStatedMaxima(grid: IndicatorGrid, budget: BudgetBlock | null, doc: ExtractedDocument): void {
  const set = (key: BlockCategory, max: number, rows: readonly Indicator[], provenance: ReturnType<typeof provenanceOf>): void => {
    const scored = rows.filter((r) => !r.notApplicable);
    const score = scored.length > 0 && scored.every((r) => r.declaredScore !== null && !r.scoreInferred)
      ? Math.round(scored.reduce((s, r) => s + (r.declaredScore ?? 0), 0) * 10000) / 10000
      : null;
    doc.declared.byCategory[key] = { score, max, statedCount: null };
    doc.declared.provenance[`byCategory.${key}`] = provenance;
  };
  const budgetRows = doc.indicators.filter((r) => r.role === 'budget-execution');
  const indicatorRows = doc.indicators.filter((r) => r.role !== 'budget-execution');
  if (budget?.stated) set('budgetExecution', budget.stated.weight, budgetRows, budget.stated.provenance);
  else if (budgetRows[0]?.weight != null) set('budgetExecution', budgetRows[0].weight, budgetRows, budgetRows[0].provenance);
  if (grid.label) {
    const stated = splitStatedWeight(grid.label.text);
    if (stated.weight !== null && blockCategory(stated.name) === 'indicators') set('indicators', stated.weight, indicatorRows, provenanceOf(grid.label, grid.label.text.trim()));
  }
  const seen = new Set<string>();
  for (const row of indicatorRows) {
    if (row.level1 === null || row.level1Weight === null || seen.has(row.level1)) continue;
    seen.add(row.level1);
    const key = blockCategory(row.level1);
    const printed = grid.rows.some((r) => splitStatedWeight(fieldText(r, 'level1') ?? '').weight !== null);
    if (!key || key === 'indicators' || key === 'budgetExecution' || !printed) continue;
    set(key, row.level1Weight, indicatorRows.filter((r) => r.level1 === row.level1), row.provenance);
  }
}
