/**
 * The columns of the indicator grid, found by their header text (forms differ in column order:
 * 2022 has 指标解释 before 得分, 2023 has 得分, 评分依据, 指标解释, 评分标准, 备注).
 */
export type RowField =
  | 'level1'
  | 'level1Weight'
  | 'level2'
  | 'level2Weight'
  | 'name'
  | 'weight'
  | 'explanation'
  | 'criteria'
  | 'score'
  | 'basis'
  | 'shortfallReason'
  | 'improvement'
  | 'note';

export type FieldType = 'label' | 'number' | 'text';

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
};

export interface HeaderColumn {
  field: RowField;
  /** First grid column of the header cell. */
  col: number;
  colSpan: number;
}

const compact = (s: string): string => s.replace(/[\s\u3000]/gu, '');

/** Header words that are never content (used to strip a header row fused into a data row). */
export const HEADER_WORDS = new Set([
  '一级指标', '二级指标', '三级指标', '分值', '指标解释', '评分标准', '得分/自评分', '得分', '自评分', '自评得分',
  '评分依据、未达标原因、改进措施', '评分依据', '未达标原因', '改进措施', '备注', '权重', '指标名称',
]);

/** The field a header cell names, given the field of the header cell before it (for 分值). */
export function headerField(text: string, previous: RowField | null): RowField | null {
  const t = compact(text);
  if (t === '') return null;
  if (/^一级指标/u.test(t)) return 'level1';
  if (/^二级指标/u.test(t)) return 'level2';
  if (/^三级指标|^指标名称$/u.test(t)) return 'name';
  if (/^(分值|权重|标准分|满分)$/u.test(t)) {
    if (previous === 'level1') return 'level1Weight';
    if (previous === 'level2') return 'level2Weight';
    if (previous === 'name') return 'weight';
    return null;
  }
  if (/评分依据/u.test(t)) return 'basis';
  if (/^(得分|自评分|自评得分|得分\/自评分|评价得分)/u.test(t)) return 'score';
  if (/指标解释|指标说明/u.test(t)) return 'explanation';
  if (/评分标准|评分规则|计分方法/u.test(t)) return 'criteria';
  if (/未达标原因|偏差原因/u.test(t)) return 'shortfallReason';
  if (/改进措施/u.test(t)) return 'improvement';
  if (/^备注$/u.test(t)) return 'note';
  return null;
}

/**
 * Header columns from one row's cells (text + grid column), or null when the row is not the grid's
 * header: it must name the 三级指标 column and a score or weight column.
 */
export function headerColumnsOf(cells: ReadonlyArray<{ text: string; col: number; colSpan: number }>): HeaderColumn[] | null {
  const columns: HeaderColumn[] = [];
  let previous: RowField | null = null;
  for (const cell of [...cells].sort((a, b) => a.col - b.col)) {
    const field = headerField(cell.text, previous);
    if (field && !columns.some((c) => c.field === field)) columns.push({ field, col: cell.col, colSpan: cell.colSpan });
    if (field) previous = field;
  }
  const has = (f: RowField): boolean => columns.some((c) => c.field === f);
  if (!has('name') || !(has('score') || has('weight'))) return null;
  return columns;
}

/** True when most of a row's non-empty texts are header words (a repeated header row). */
export function isHeaderRow(texts: readonly string[]): boolean {
  const nonEmpty = texts.map(compact).filter((t) => t !== '');
  const headers = nonEmpty.filter((t) => HEADER_WORDS.has(t));
  return headers.length >= 3 && headers.length >= nonEmpty.length * 0.6;
}
