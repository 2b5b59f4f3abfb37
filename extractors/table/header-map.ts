/**
 * The columns of the indicator grid, found by their header text through the header vocabulary
 * (header-vocabulary.json). Forms differ in column order: 2022 Guangzhou has 指标解释 before 得分,
 * 2023 has 得分, 评分依据, 指标解释, 评分标准, 备注; the national project form puts 年度指标值 and
 * 实际完成值 before 分值, some variants 分值 before them; others split a target into 指标性质 / 指标值 /
 * 度量单位, or list indicators flat with 得分系数 and 是否核心指标.
 */
import data from './header-vocabulary.json' with { type: 'json' };
import { compact, gridHeaderField, headerKey, type GridField } from './header-vocabulary.js';

export type RowField = GridField;

/** label: a short name; number: a figure; value: a target or actual (figure or words); text: prose. */
export type FieldType = 'label' | 'number' | 'value' | 'text';

export const FIELD_TYPES: Record<RowField, FieldType> = {
  level1: 'label',
  level1Weight: 'number',
  level2: 'label',
  level2Weight: 'number',
  name: 'label',
  weight: 'number',
  explanation: 'text',
  criteria: 'text',
  score: 'number',
  basis: 'text',
  shortfallReason: 'text',
  improvement: 'text',
  note: 'text',
  sign: 'text',
  unit: 'text',
  initialTarget: 'value',
  target: 'value',
  actual: 'value',
  coefficient: 'number',
  core: 'text',
};

export interface HeaderColumn {
  field: RowField;
  /** First grid column of the header cell. */
  col: number;
  colSpan: number;
  /** The header says the column is in percent without a sign (得分系数（%））. */
  percent?: boolean;
  /** The header cell as printed. */
  text?: string;
}

/** Header words that are never content (used to strip a header row fused into a data row). */
export const HEADER_WORDS: ReadonlySet<string> = new Set(data.headerWords);

/** The field a header cell names, given the field of the header cell before it (for 分值). */
export function headerField(text: string, previous: RowField | null): RowField | null {
  return gridHeaderField(text, previous);
}

/**
 * Header columns from one row's cells (text + grid column), or null when the row is not the grid's
 * header: it must name the 三级指标 column and a score or weight column.
 */
export function headerColumnsOf(cells: ReadonlyArray<{ text: string; col: number; colSpan: number }>): HeaderColumn[] | null {
  const columns: HeaderColumn[] = [];
  let previous: RowField | null = null;
  for (const cell of splitFusedHeaders(cells)) {
    const field = headerField(cell.text, previous);
    if (field && !columns.some((c) => c.field === field)) {
      const column: HeaderColumn = { field, col: cell.col, colSpan: cell.colSpan, text: cell.text.trim() };
      if (headerKey(cell.text).percent) column.percent = true;
      columns.push(column);
    }
    if (field) previous = field;
  }
  const has = (f: RowField): boolean => columns.some((c) => c.field === f);
  if (!has('name') || !(has('score') || has('weight') || (has('target') && has('actual')))) return null;
  return columns;
}

type HeaderCell = { text: string; col: number; colSpan: number };

/**
 * A header cell holding two header words beside an empty header cell (a PDF whose layout ran
 * `得分系数（%）` and `权重（分）` into one cell) is two headers: the second takes the empty cell.
 */
function splitFusedHeaders(cells: readonly HeaderCell[]): HeaderCell[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col);
  const out: HeaderCell[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const cell = sorted[i] as HeaderCell;
    const next = sorted[i + 1];
    const t = compact(cell.text);
    const cut = next !== undefined && compact(next.text) === '' && !HEADER_WORDS.has(t) ? fusedCut(t) : -1;
    if (next === undefined || cut < 0) {
      out.push(cell);
      continue;
    }
    out.push({ ...cell, text: t.slice(0, cut) }, { ...next, text: t.slice(cut) });
    i++;
  }
  return out;
}

/** Where a text splits into two header words, or -1. */
function fusedCut(t: string): number {
  for (let cut = 2; cut <= t.length - 2; cut++) if (HEADER_WORDS.has(t.slice(0, cut)) && HEADER_WORDS.has(t.slice(cut))) return cut;
  return -1;
}

/** True when most of a row's non-empty texts are header words (a repeated header row). */
export function isHeaderRow(texts: readonly string[]): boolean {
  const nonEmpty = texts.map(compact).filter((t) => t !== '');
  const headers = nonEmpty.filter((t) => HEADER_WORDS.has(t));
  return headers.length >= 3 && headers.length >= nonEmpty.length * 0.6;
}
