/**
 * The per-row values a form prints beside weight and score: the target (年度指标值 / 指标值, with a
 * separate 指标性质 sign and 度量单位 folded in), the initial target, the actual (完成值), the 得分系数, 是否核心指标,
 * and whether the row is marked not applicable. Values are read as printed; nothing is computed.
 */
import type { Quantity } from '../../src/schema/quantity.js';
import { comparatorOf, parseNumber, parseQuantity, withUnit } from '../shared/quantity.js';
import type { HeaderColumn, RowField } from './header-map.js';
import { isBlankCell, isFillInInstruction, isNotApplicable, isQualitativeSign, splitStatedWeight, yesNo } from './header-vocabulary.js';

export interface FormValues {
  target: Quantity | null;
  initialTarget: Quantity | null;
  actual: Quantity | null;
  coefficient: number | null;
  core: boolean | null;
  notApplicable: boolean;
}

/** A cell's text as the row gives it (null when blank). */
export type FieldText = (field: RowField) => string | null;

/** Digits a wrapped cell split with a space (`2023年10月3 1日前`) joined again. */
const joinDigits = (s: string): string => s.replace(/(\d)\s+(?=\d)/gu, '$1').trim();

/** Read as qualitative: the words as printed, no number. */
const qualitative = (text: string): Quantity => ({ text, value: null, unit: null, comparator: null, qualitative: true, date: null });

interface ValueOptions {
  /** A 指标性质 cell: a comparison sign (≥ ≤ =), or 定性 / 定量. */
  sign: string | null;
  /** A 度量单位 / 计量单位 cell. */
  unit: string | null;
  /** The form splits its target into sign, number and unit columns: the text is the three read together. */
  composed: boolean;
  /** The row is a qualitative indicator (定性, or a target in words). */
  qualitative: boolean;
  fiscalYear: number | null;
  /** A target without a sign means equality. */
  isTarget: boolean;
}

function readValue(raw: string | null, o: ValueOptions): Quantity | null {
  if (raw === null || isBlankCell(raw) || isFillInInstruction(raw)) return null;
  const cell = joinDigits(raw);
  const comparator = o.sign ? comparatorOf(o.sign) : null;
  const unit = o.unit !== null && !isBlankCell(o.unit) ? o.unit.trim() : null;
  const shownSign = comparator !== null && comparator !== '=' && o.isTarget ? (o.sign ?? '').trim() : '';
  const text = o.composed ? `${shownSign}${cell}${unit ?? ''}` : cell;
  if (o.qualitative) return qualitative(text);
  let q = parseQuantity(cell, { fiscalYear: o.fiscalYear });
  if (q.qualitative) return qualitative(text);
  q = withUnit(q, unit);
  if (o.isTarget && comparator !== null) q = { ...q, comparator };
  if (o.isTarget && q.comparator === null) q = { ...q, comparator: '=' };
  return { ...q, text };
}

/** 得分系数 as a fraction: 94 or 94% → 0.94; a bare value up to 1 is already a fraction unless the header says %. */
function readCoefficient(text: string | null, percentColumn: boolean): number | null {
  if (text === null || isBlankCell(text)) return null;
  const t = text.trim();
  const hasSign = /[%％]$/u.test(t);
  const value = parseNumber(t.replace(/[%％]$/u, ''));
  if (value === null) return null;
  return hasSign || percentColumn || value > 1 ? Number.parseFloat((value / 100).toPrecision(12)) : value;
}

/** The form values of one row. */
export function readFormValues(text: FieldText, columns: readonly HeaderColumn[], fiscalYear: number | null): FormValues {
  const has = (f: RowField): boolean => columns.some((c) => c.field === f);
  const column = (f: RowField): HeaderColumn | undefined => columns.find((c) => c.field === f);
  const sign = has('sign') ? text('sign') : null;
  const signIsComparison = sign !== null && comparatorOf(sign) !== null;
  const unitColumn = column('unit');
  const targetColumn = column('target');
  // A sign in its own column, or a unit column right after the target (指标值 | 度量单位), is part of the
  // target as printed: its text is the cells read together (≥ 4.2 万亩 → ≥4.2万亩).
  const unitFollowsTarget = unitColumn !== undefined && targetColumn !== undefined && unitColumn.col === targetColumn.col + targetColumn.colSpan;
  const composed = signIsComparison || unitFollowsTarget;
  const targetText = text('target');
  const initialText = text('initialTarget');
  const actualText = text('actual');
  const name = text('name');
  const notApplicable =
    (name !== null && isNotApplicable(name)) ||
    (targetText !== null && isNotApplicable(targetText) && (actualText === null || isNotApplicable(actualText)) && (text('weight') === null || isBlankCell(text('weight') ?? '')));
  if (notApplicable) return { target: null, initialTarget: null, actual: null, coefficient: null, core: null, notApplicable: true };

  const unit = unitColumn ? text('unit') : null;
  const base = { sign, unit, composed, fiscalYear };
  const targetWords = (t: string | null): boolean => t !== null && !isBlankCell(t) && parseQuantity(joinDigits(t), { fiscalYear }).qualitative;
  const isQualitative = (sign !== null && isQualitativeSign(sign)) || targetWords(targetText ?? initialText);
  const target = readValue(targetText, { ...base, qualitative: isQualitative, isTarget: true });
  const initialTarget = readValue(initialText, { ...base, qualitative: isQualitative || targetWords(initialText), isTarget: true });
  const actual = readValue(actualText, { ...base, qualitative: isQualitative, isTarget: false });
  const coefficientColumn = column('coefficient');
  return {
    target,
    initialTarget,
    actual,
    coefficient: coefficientColumn ? readCoefficient(text('coefficient'), coefficientColumn.percent === true) : null,
    core: has('core') && text('core') !== null ? yesNo(text('core') ?? '') : null,
    notApplicable: false,
  };
}

/** A level label with its stated maximum parsed out: `产出指标（50分）` → 产出指标, 50. */
export function readLevel(text: string | null): { name: string | null; weight: number | null } {
  if (text === null) return { name: null, weight: null };
  const { name, weight } = splitStatedWeight(text);
  return { name: name === '' ? null : name, weight };
}
