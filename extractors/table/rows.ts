import { cellsStartingOnRow, tableToGrid } from '../../src/layout/grid.js';
import type { Anchor, Cell, LayoutDocument, Table } from '../../src/layout/model.js';
import { assignFields, swapWeightBeforeLabel, type FieldAssignment, type RowToken } from './assign-fields.js';
import { headerColumnsOf, isHeaderRow, type HeaderColumn, type RowField } from './header-map.js';
import { isNoteRow, isTotalLabel } from './header-vocabulary.js';
import { isRebuiltTable } from './flat-text.js';
import { rubricVocabulary } from './vocabulary.js';

/** A row of the indicator grid with its cells assigned to fields. */
export interface GridRow {
  fields: FieldAssignment<Anchor>;
  /** The row's own cells (not merged cells from above), for provenance. */
  cells: Cell[];
  /** Fields filled from a merged cell that starts on a row above (not printed on this row). */
  inherited: Set<RowField>;
  /** The row comes from a text export whose cells shift left (merged cells lost). */
  shifted: boolean;
}

/** A row after the grid: 总分/合计 or 评价等级. */
export interface FooterRow {
  kind: 'total' | 'grade';
  cells: Cell[];
  /** Cell texts with their columns, in order. */
  tokens: RowToken<Anchor>[];
  /** The grid's score column, to read the declared total from. */
  scoreColumn: HeaderColumn | null;
  /** The row keeps its columns (not a text export whose cells shifted left). */
  positional: boolean;
}

export interface IndicatorGrid {
  columns: HeaderColumn[];
  rows: GridRow[];
  footers: FooterRow[];
  /** Tables and rows before the grid's header (header block, budget block). */
  preamble: Array<{ table: Table; rows: number[] }>;
  /** The block label beside the grid (绩效指标（90分）), when the form prints one. */
  label: Cell | null;
}

/** Fields whose merged cells (row spans) apply to every row they cover. */
const SPANNING_FIELDS = new Set<RowField>(['level1', 'level1Weight', 'level2', 'level2Weight', 'name', 'explanation', 'criteria']);

const GRADE_LABEL = /评价等级|自评等级|绩效等级/u;

function tokensOf(cells: readonly Cell[]): RowToken<Anchor>[] {
  return cells
    .filter((c) => c.text.trim() !== '')
    .map((c) => ({ text: c.text.trim(), col: c.col, anchor: { page: c.page, bbox: c.bbox, ref: c.ref, ...(c.confidence === undefined ? {} : { confidence: c.confidence }) } }));
}

/**
 * Find the indicator grid: the header row naming 三级指标 and 得分/分值, then every data row after it
 * in that table and the tables that follow (forms are split over several tables or pages), with
 * repeated header rows skipped and 总分/评价等级 rows set apart.
 */
export function readIndicatorGrid(layout: LayoutDocument): IndicatorGrid | null {
  const tables = layout.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : [])));
  const vocabulary = rubricVocabulary();
  // Text exports shift cells left where merged cells were empty: trust positions less there (a table
  // rebuilt from a one-cell-per-line export has its columns back).
  const shifted = (table: Table): boolean => layout.format === 'text' && !isRebuiltTable(table);
  let columns: HeaderColumn[] | null = null;
  const preamble: IndicatorGrid['preamble'] = [];
  const rows: GridRow[] = [];
  const footers: FooterRow[] = [];
  let label: Cell | null = null;

  for (const table of tables) {
    const grid = tableToGrid(table);
    const positionalWeight = shifted(table) ? 1 : 10;
    const pre: number[] = [];
    for (let r = 0; r < table.rowCount; r++) {
      const own = cellsStartingOnRow(table, r);
      const texts = own.map((c) => c.text);
      if (!columns) {
        const header = headerColumnsOf(own);
        if (header) {
          columns = header;
          const first = Math.min(...header.map((c) => c.col));
          label = (grid[r] ?? []).slice(0, first).find((c): c is Cell => c !== null && c.text.trim() !== '' && c.rowSpan > 1) ?? null;
        } else pre.push(r);
        continue;
      }
      if (own.length === 0) continue;
      if (isHeaderRow(texts) && !own.some((c) => /\d/u.test(c.text) && !/指标/u.test(c.text))) continue;
      const first = own.find((c) => c.text.trim() !== '');
      const firstText = first?.text.replace(/\s/gu, '') ?? '';
      if (isTotalLabel(firstText) || GRADE_LABEL.test(firstText)) {
        footers.push({
          kind: GRADE_LABEL.test(firstText) ? 'grade' : 'total',
          cells: own,
          tokens: tokensOf(own),
          scoreColumn: columns.find((c) => c.field === 'score') ?? null,
          positional: !shifted(table),
        });
        continue;
      }
      // Merged level/name cells from rows above apply to this row too (clean grids only).
      const merged: Cell[] = [];
      if (!shifted(table)) {
        for (const column of columns) {
          if (!SPANNING_FIELDS.has(column.field)) continue;
          const cell = grid[r]?.[column.col];
          if (cell && cell.row < r && !merged.includes(cell)) merged.push(cell);
        }
      }
      let tokens = tokensOf([...merged, ...own].sort((a, b) => a.col - b.col));
      if (tokens.length === 0) continue;
      if (shifted(table)) tokens = swapWeightBeforeLabel(tokens, vocabulary);
      const fields = assignFields(tokens, columns, vocabulary, positionalWeight);
      // A merged cell from above only fills fields that span; never a score or weight.
      for (const key of Object.keys(fields) as RowField[]) {
        const token = fields[key];
        if (token && !SPANNING_FIELDS.has(key) && merged.some((m) => m.col === token.col && m.row < r)) delete fields[key];
      }
      // A level weight without its label in the same row is a shifted cell of something else.
      if (shifted(table)) {
        if (fields.level1Weight && !fields.level1) delete fields.level1Weight;
        if (fields.level2Weight && !fields.level2) delete fields.level2Weight;
      }
      if (!fields.name && !fields.weight && !fields.score && !fields.explanation && !fields.criteria && !fields.basis && !fields.target && !fields.actual) continue;
      // A note printed inside the table: nothing but a 注：… / 填报日期：… line, or a sign-off row
      // of such labels (项目负责人： | 财务负责人： | 填表人：).
      const filled = own.filter((c) => c.text.trim() !== '');
      if (filled.length > 0 && filled.every((c) => isNoteRow(c.text)) && !fields.weight && !fields.score && !fields.target && !fields.actual) continue;
      const inherited = new Set<RowField>();
      for (const key of Object.keys(fields) as RowField[]) {
        const token = fields[key];
        if (token && merged.some((m) => m.col === token.col && m.row < r && m.text.trim() === token.text)) inherited.add(key);
      }
      rows.push({ fields, cells: own, inherited, shifted: shifted(table) });
    }
    if (pre.length > 0) preamble.push({ table, rows: pre });
  }
  if (!columns) return null;
  return { columns, rows, footers, preamble, label };
}
