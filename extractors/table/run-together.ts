/**
 * Figures a text export ran together into one cell (`202010100.00%10` for 全年预算数 20 / 全年执行数 20 /
 * 分值 10 / 执行率 100.00% / 得分 10). Every way to cut the run into one figure per column is tried; a
 * cut must fit each column's kind (amounts and points are plain figures without leading zeros, a rate
 * printed with % ends at its %, a dash fills a column left blank) and the arithmetic the columns state:
 * 执行率 = 执行数 / 预算数 to the printed precision, 得分 ≤ 分值, a weight of at most 100, and 得分 = 分值 × 执行率
 * where the form states that rule. Only a cut that is the one consistent reading is taken; the caller
 * leaves the figures null with a warning otherwise.
 */
import { toHalfWidth } from '../shared/quantity.js';
import type { BudgetColumnField } from './header-vocabulary.js';

export interface RunColumn {
  field: BudgetColumnField;
  /** The header says the rate is in percent without a sign (执行率（%）). */
  percent: boolean;
}

/** A run of figures with nothing between them: digits, points, %, dashes; at least two figures. */
export function isRunTogether(text: string): boolean {
  const s = toHalfWidth(text).replace(/\s/gu, '');
  if (!/^[\d.,%—―\-/]+$/u.test(s)) return false;
  const figures = s.match(/\d+(?:\.\d+)?%?|[—―\-/]+/gu) ?? [];
  const single = /^-?\d[\d,]*(?:\.\d+)?%?$/u.test(s);
  return !single && (figures.length >= 2 || /\.\d+\./u.test(s));
}

const DASH = /^(?:[—―]{1,2}|-|\/)/u;
const MAX_DECIMALS = 4;

/** Every figure token that can start at `p` for a column: its end offsets. */
function tokenEnds(s: string, p: number, rate: boolean, rateSigned: boolean): number[] {
  const ends: number[] = [];
  const dash = DASH.exec(s.slice(p));
  if (dash) ends.push(p + dash[0].length);
  if (!/\d/u.test(s[p] ?? '')) return ends;
  // Integer part: a lone 0, or digits without a leading zero.
  const maxInt = s[p] === '0' ? 1 : Number.POSITIVE_INFINITY;
  for (let q = p + 1; q <= s.length && q - p <= maxInt && /\d/u.test(s[q - 1] ?? ''); q++) {
    const candidates = [q];
    if (s[q] === '.') for (let f = 1; f <= MAX_DECIMALS && /\d/u.test(s[q + f] ?? ''); f++) candidates.push(q + 1 + f);
    for (const end of candidates) {
      if (rate && rateSigned) {
        if (s[end] === '%') ends.push(end + 1);
      } else if (s[end] !== '%') ends.push(end);
    }
  }
  return ends;
}

const isDash = (t: string): boolean => DASH.test(t) && !/\d/u.test(t);
const numberOf = (t: string): number | null => (isDash(t) ? null : Number(t.replace(/%$/u, '')));
const decimals = (t: string): number => /\.(\d+)/u.exec(t)?.[1]?.length ?? 0;

export interface RunOptions {
  /** The form states its budget rule 得分 = 分值 × 执行率: the cut must satisfy it too. */
  scoreIsWeightTimesRate?: boolean;
}

/** The cut is consistent with the columns' arithmetic. */
function consistent(tokens: readonly string[], columns: readonly RunColumn[], options: RunOptions): boolean {
  const get = (f: BudgetColumnField): { text: string; value: number | null } | null => {
    const k = columns.findIndex((c) => c.field === f);
    if (k < 0) return null;
    const text = tokens[k] as string;
    return { text, value: numberOf(text) };
  };
  const weight = get('weight');
  const score = get('score');
  if (weight?.value != null && weight.value > 100) return false;
  if (weight?.value != null && score?.value != null && score.value > weight.value + 1e-9) return false;
  const total = get('total');
  const actual = get('actualSpending');
  const rate = get('executionRate');
  // A printed rate is 执行数 / 预算数: it cannot stand beside a blank 执行数 or 预算数.
  if (rate?.value != null && (total?.value === null || actual?.value === null)) return false;
  if (total?.value != null && actual?.value != null && rate?.value != null) {
    if (total.value === 0) return false;
    const percent = (actual.value / total.value) * 100;
    const half = 0.5 * 10 ** -decimals(rate.text);
    if (Math.abs(percent - rate.value) > half + 1e-9) return false;
  }
  if (options.scoreIsWeightTimesRate && weight?.value != null && score?.value != null && rate?.value != null) {
    const expected = weight.value * Math.min(1, rate.value / 100);
    if (Math.abs(expected - score.value) > 0.5 * 10 ** -decimals(score.text) + 1e-9) return false;
  }
  return true;
}

/**
 * Every consistent cut of `text` into one token per column, in column order (a dash token for a blank
 * column). An empty list: no reading fits.
 */
export function splitRunTogether(text: string, columns: readonly RunColumn[], options: RunOptions = {}): string[][] {
  const s = toHalfWidth(text).replace(/[\s,]/gu, '');
  const rateSigned = s.includes('%');
  const out: string[][] = [];
  const walk = (p: number, k: number, tokens: string[]): void => {
    if (out.length > 64) return;
    if (k === columns.length) {
      if (p === s.length && consistent(tokens, columns, options)) out.push([...tokens]);
      return;
    }
    const column = columns[k] as RunColumn;
    for (const end of tokenEnds(s, p, column.field === 'executionRate', rateSigned)) walk(end, k + 1, [...tokens, s.slice(p, end)]);
  };
  walk(0, 0, []);
  return out;
}
