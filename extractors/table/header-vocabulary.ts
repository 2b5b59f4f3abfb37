/**
 * The forms' header vocabulary (header-vocabulary.json): which header words name which field of the
 * indicator grid, the budget block, the task list and the head block, and the cell words that mean
 * "not applicable", "blank", "qualitative" or "yes/no". Code here only compiles and looks up the data.
 */
import data from './header-vocabulary.json' with { type: 'json' };

export type GridField =
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
  | 'note'
  | 'sign'
  | 'unit'
  | 'initialTarget'
  | 'target'
  | 'actual'
  | 'coefficient'
  | 'core';

export type BudgetColumnField = 'initial' | 'total' | 'actualSpending' | 'executionRate' | 'weight' | 'score' | 'reason';
export type TaskField = 'name' | 'content' | 'amount';
export type HeadField = 'declaredTotal' | 'label';
export type BlockCategory = 'budgetExecution' | 'indicators' | 'output' | 'benefit' | 'satisfaction';

interface Entry<F> {
  field: F;
  pattern: RegExp;
}

const compile = <F>(list: ReadonlyArray<{ field: string; match: string }>): Entry<F>[] =>
  list.map((e) => ({ field: e.field as F, pattern: new RegExp(e.match, 'u') }));

const GRID = compile<GridField>(data.grid);
const BUDGET = compile<BudgetColumnField>(data.budget);
const TASKS = compile<TaskField>(data.tasks);
const HEAD = compile<HeadField>(data.head);
const BLOCKS = data.blocks.map((b) => ({ category: b.category as BlockCategory, pattern: new RegExp(b.match, 'u') }));
const TRAILING_NOTE = new RegExp(data.trailingNote, 'u');
const PERCENT_NOTE = new RegExp(data.percentNote, 'u');
const NOT_APPLICABLE = new RegExp(data.notApplicable, 'u');
const BLANK = new RegExp(data.blank, 'u');
const FILL_IN = new RegExp(data.fillInInstruction, 'u');
const QUALITATIVE = new RegExp(data.qualitativeSign, 'u');
const QUANTITATIVE = new RegExp(data.quantitativeSign, 'u');
const YES = new RegExp(data.yes, 'u');
const NOTE_ROW = new RegExp(data.noteRow, 'u');
const TOTAL_ROW = new RegExp(data.totalRow, 'u');
const SPLIT_HEADING = new RegExp(data.splitHeading, 'u');
/** `其中：` before a part's label. */
export const PART_PREFIX = new RegExp(data.partPrefix, 'u');
const EXECUTION_SCORE_RULE = new RegExp(data.executionScoreRule, 'u');
const NO = new RegExp(data.no, 'u');

/** Spaces (including the ideographic space) removed: headers wrap and pad. */
export const compact = (s: string): string => s.replace(/[\s\u3000]/gu, '');

export interface HeaderKey {
  /** The header without spaces and without its trailing note. */
  key: string;
  /** The note said the column is in percent without a sign (得分系数（%）, 执行率（%）). */
  percent: boolean;
}

export function headerKey(text: string): HeaderKey {
  const t = compact(text);
  const note = TRAILING_NOTE.exec(t);
  if (!note || note.index === 0) return { key: t, percent: false };
  return { key: t.slice(0, note.index), percent: PERCENT_NOTE.test(note[0]) };
}

const lookup = <F>(list: readonly Entry<F>[], text: string): F | null => {
  const { key } = headerKey(text);
  if (key === '') return null;
  return list.find((e) => e.pattern.test(key))?.field ?? null;
};

/** The grid field a header cell names (分值/权重 after a level column is that level's weight). */
export function gridHeaderField(text: string, previous: GridField | null): GridField | null {
  const field = lookup(GRID, text);
  if (field !== 'weight') return field;
  if (previous === 'level1') return 'level1Weight';
  if (previous === 'level2') return 'level2Weight';
  return 'weight';
}

export const budgetHeaderField = (text: string): BudgetColumnField | null => lookup(BUDGET, text);
export const taskHeaderField = (text: string): TaskField | null => lookup(TASKS, text);
export const headField = (text: string): HeadField | null => lookup(HEAD, text.replace(/[:：]$/u, ''));

/** The category a block or level label stands for (产出指标 → output, 预算执行情况 → budgetExecution). */
export function blockCategory(label: string): BlockCategory | null {
  const t = compact(label);
  return BLOCKS.find((b) => b.pattern.test(t))?.category ?? null;
}

/** A cell that marks its row as not applicable (/, 不适用). */
export const isNotApplicable = (text: string): boolean => NOT_APPLICABLE.test(compact(text));
/** A cell with nothing in it but a dash or slash. */
export const isBlankCell = (text: string): boolean => BLANK.test(compact(text));
/** A form's fill-in instruction left in a cell (…（限150字）). */
export const isFillInInstruction = (text: string): boolean => FILL_IN.test(text);
export const isQualitativeSign = (text: string): boolean => QUALITATIVE.test(compact(text));
export const isQuantitativeSign = (text: string): boolean => QUANTITATIVE.test(compact(text));

/** 是 → true, 否 → false, anything else null. */
export function yesNo(text: string): boolean | null {
  const t = compact(text);
  if (YES.test(t)) return true;
  if (NO.test(t)) return false;
  return null;
}

/** A label with its stated maximum, `产出指标（50分）` → 产出指标 and 50 (spaces inside the note allowed). */
export function splitStatedWeight(label: string): { name: string; weight: number | null } {
  const m = /^(.*?)[（(]\s*([0-9０-９][0-9０-９\s.．]*)\s*分\s*[)）]\s*$/u.exec(label.trim());
  if (!m) return { name: label.trim(), weight: null };
  const digits = (m[2] ?? '').replace(/\s/gu, '').replace(/[０-９．]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const weight = Number(digits);
  return { name: (m[1] ?? '').trim(), weight: Number.isFinite(weight) ? weight : null };
}

/** The document states its budget rule 得分 = 分值 × 执行率 (执行率得分＝执行率×执行率权重, 按执行率乘以分值计算). */
export const statesExecutionScoreRule = (text: string): boolean => EXECUTION_SCORE_RULE.test(compact(text));

/** A note or sign-off line a spreadsheet keeps as a row of the grid (注：1.…, 填报日期：…). */
export const isNoteRow = (text: string): boolean => NOTE_ROW.test(text.trim());

/** A total row's label (总分, 合计 …), spaces ignored. */
export const isTotalLabel = (text: string): boolean => TOTAL_ROW.test(compact(text));
/** A heading that splits a total into the figures under it (按资金来源, 按支出性质). */
export const isSplitHeading = (text: string): boolean => SPLIT_HEADING.test(compact(text));
