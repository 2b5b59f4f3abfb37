import type { Anchor, LayoutDocument, Line } from '../../src/layout/model.js';
import { selectRubric, type RubricEntry } from '../../src/rubrics/index.js';
import type { Indicator } from '../../src/schema/indicator.js';
import { NO_FORM_VALUES, emptyDocument } from '../shared/document.js';
import { cleanDepartmentName, departmentOf, findDepartmentInTitles, findDepartmentName } from '../shared/department.js';
import { findFacts } from '../shared/figures.js';
import { provenanceOf, unionAnchor } from '../shared/provenance.js';
import { parseScore } from '../shared/quantity.js';
import { TextStream, layoutLines } from '../shared/text-stream.js';
import type { ExtractedDocument, Extractor, SourceInfo } from '../types.js';
import { alignRowsToRubric } from './align.js';
import { readDeclared } from './declared.js';
import type { RowField } from './header-map.js';
import { readBudgetBlock, readHeaderBlock } from './preamble.js';
import { readIndicatorGrid, type GridRow } from './rows.js';
import { splitTasks } from './tasks.js';

const SPECIAL_FUNDS = /专项资金绩效完成情况|专项资金支出率|专项效能/u;

function fieldText(row: GridRow, field: RowField): string | null {
  const text = row.fields[field]?.text.trim();
  return text ? text : null;
}

function fieldNumber(row: GridRow, field: RowField): number | null {
  const text = fieldText(row, field);
  return text === null ? null : parseScore(text);
}

/** Lines that are not inside tables: the title and any notes around the form. */
const looseLines = (layout: LayoutDocument): Line[] => layoutLines(layout, false);

/**
 * The department: its form field, else a name in the title, else one inside a 《…》 title in the text
 * (liwan 2023 leaves 单位名称 empty and names itself in 《广州市荔湾区协作办公室内部预算绩效管理制度》).
 */
function readDepartment(
  doc: ExtractedDocument,
  header: ReturnType<typeof readHeaderBlock>,
  layout: LayoutDocument,
  allText: TextStream,
  titleText: string,
): void {
  if (header.department) {
    const name = cleanDepartmentName(header.department.text);
    doc.department = departmentOf(name, header.department.provenance, false);
    return;
  }
  const fromTitle = findDepartmentName(titleText);
  const found = fromTitle ?? findDepartmentInTitles(allText.text);
  if (!found) return;
  const titleLine = fromTitle ? (looseLines(layout).find((l) => l.text.includes(found.name)) ?? null) : null;
  const anchor = fromTitle ? titleLine : allText.anchorAt(found.index, found.index + found.name.length);
  // The passage the name was read from: the title line, or the 《…》 it sits in.
  const close = allText.text.indexOf('》', found.index);
  const passage = fromTitle
    ? (titleLine?.text ?? found.name)
    : allText.text.slice(found.index - 1, close > 0 ? close + 1 : found.index + found.name.length);
  const provenance = provenanceOf(anchor, passage);
  doc.department = departmentOf(found.name, provenance, true);
  doc.warnings.push({ code: 'DEPARTMENT_INFERRED', message: `表中单位名称为空，按正文推断为“${found.name}”`, provenance });
}

function extractTable(layout: LayoutDocument, source: SourceInfo): ExtractedDocument {
  const doc = emptyDocument('self-evaluation-table', layout, source);
  const grid = readIndicatorGrid(layout);
  const allText = TextStream.fromLayout(layout);
  if (!grid) {
    doc.warnings.push({ code: 'NO_INDICATOR_GRID', message: '未找到指标表（一级指标/三级指标/得分表头）', provenance: null });
    return doc;
  }

  // Header block and budget block.
  const header = readHeaderBlock(grid.preamble);
  readBudgetBlock(grid.preamble, doc.budget);
  doc.goals.overall = header.overall;
  doc.goals.completion = header.completion;
  doc.goals.unmetReasons = header.unmetReasons;
  doc.goals.tasks = splitTasks(header.overall, header.completion, header.unmetReasons);

  const titleText = [layout.title ?? '', ...looseLines(layout).map((l) => l.text)].join('\n');
  const titleYear = titleText.match(/(20\d{2})\s*年度/u)?.[1];
  if (header.year) doc.fiscalYear = header.year.value;
  else if (titleYear) doc.fiscalYear = Number(titleYear);

  readDepartment(doc, header, layout, allText, titleText);

  // Rows → rubric entries.
  const hasSpecialFundsRows = grid.rows.some((r) => SPECIAL_FUNDS.test(`${fieldText(r, 'name') ?? ''}${fieldText(r, 'level2') ?? ''}`));
  const selection = selectRubric({ region: doc.department.region, fiscalYear: doc.fiscalYear, hasSpecialFundsRows });
  for (const w of selection.warnings) doc.warnings.push({ ...w, provenance: null });
  const rubric = selection.rubric;
  const matches = alignRowsToRubric(
    grid.rows.map((r) => ({
      name: fieldText(r, 'name'),
      nameInherited: r.inherited.has('name'),
      weight: fieldNumber(r, 'weight'),
      text: ['explanation', 'criteria', 'basis'].map((f) => fieldText(r, f as RowField) ?? '').join(' '),
    })),
    rubric,
  );
  const levelWeight = (name: string | null, level: 'level1' | 'level2'): number | null =>
    rubric[level].find((n) => n.name === name)?.weight ?? null;

  doc.indicators = grid.rows.map((row, k): Indicator => {
    const match = matches[k] ?? { entry: null, part: null };
    const entry: RubricEntry | null = match.entry;
    const level1 = fieldText(row, 'level1') ?? entry?.level1 ?? null;
    const level2 = fieldText(row, 'level2') ?? entry?.level2 ?? null;
    const own = row.cells.filter((c) => c.text.trim() !== '');
    const anchor: Anchor | null = unionAnchor(own.length > 0 ? own : row.cells);
    // A merged 三级指标 cell names every sub-row it covers, but only the sub-rows of that indicator
    // (a producer that leaves out a rule must not lend one indicator's name to the next).
    const inheritedName = row.inherited.has('name') ? fieldText(row, 'name') : null;
    const name = row.inherited.has('name')
      ? inheritedName !== null && entry !== null && [entry.name, ...entry.aliases].includes(inheritedName) ? inheritedName : null
      : fieldText(row, 'name');
    const weight = fieldNumber(row, 'weight');
    const score = fieldNumber(row, 'score');
    return {
      level1,
      // Weights of merged level cells lost in a text export come from the rubric for that level.
      level1Weight: fieldNumber(row, 'level1Weight') ?? levelWeight(level1, 'level1'),
      level2,
      level2Weight: fieldNumber(row, 'level2Weight') ?? levelWeight(level2, 'level2'),
      name,
      rubricId: entry?.id ?? null,
      rubricName: entry?.name ?? null,
      part: match.part,
      weight,
      declaredScore: score,
      scoreInferred: false,
      ...NO_FORM_VALUES,
      explanation: fieldText(row, 'explanation'),
      criteria: fieldText(row, 'criteria'),
      basis: fieldText(row, 'basis'),
      shortfallReason: fieldText(row, 'shortfallReason'),
      improvement: fieldText(row, 'improvement'),
      note: fieldText(row, 'note'),
      provenance: provenanceOf(anchor, [row.inherited.has('name') ? '' : name ?? '', fieldText(row, 'weight') ?? '', fieldText(row, 'score') ?? ''].filter(Boolean).join(' ')),
    };
  });
  // Text exports lose merged cells: a later sub-row of an indicator printed under one merged name
  // cell (采购意向公开合规性 0.5 + 1.5) carries that name, as the grid formats give it.
  if (layout.format === 'text') {
    doc.indicators.forEach((ind, k) => {
      const previous = doc.indicators[k - 1];
      if (ind.name === null && (ind.part ?? 0) >= 2 && previous?.rubricId === ind.rubricId && previous.name !== null) ind.name = previous.name;
    });
  }

  readDeclared(grid, doc, rubric);

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

function matchTable(layout: LayoutDocument): number {
  const text = TextStream.fromLayout(layout).text.slice(0, 20000);
  const headerWords = ['一级指标', '二级指标', '三级指标', '得分', '分值'].filter((w) => text.includes(w)).length;
  const hasTable = layout.pages.some((p) => p.blocks.some((b) => b.type === 'table'));
  let score = headerWords / 5;
  if (/自评表(?!说明)/u.test(text)) score += 0.2;
  if (!hasTable) score *= 0.3;
  return Math.min(score, 1);
}

export const tableExtractor: Extractor = {
  kind: 'self-evaluation-table',
  match: matchTable,
  extract: extractTable,
};
