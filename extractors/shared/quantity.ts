/**
 * The quantity parser every extractor shares: numbers as the Guangzhou self-evaluations print them
 * (91,470.79 · ３.５４ · ≥5% · 不少于 180 家 · 控制在3个工作日内 · 超 2800 亿元), with the numbers that
 * are not measures (years, dates, ordinals, list markers, document numbers, 5G) skipped.
 * Pure functions, no dependencies beyond the schema type and the vocabulary in units.ts.
 */
import type { Comparator, Quantity } from '../../src/schema/quantity.js';
import { parseDate } from './dates.js';
import {
  isDurationUnit,
  matchUnit,
  prefixComparator,
  splitMagnitude,
  suffixComparator,
} from './units.js';

export { parseDate } from './dates.js';

export interface ScannedQuantity {
  quantity: Quantity;
  /** UTF-16 offsets into the original text: comparator word, number, unit and suffix. */
  start: number;
  end: number;
}

/** Full-width ASCII forms (U+FF01–U+FF5E: ０-９ ％ ， ： ． （） ＞＜＝ － ～) and the ideographic space to half-width; CJK untouched. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** toHalfWidth plus the dash and percent look-alikes; keeps every offset (one code unit per code unit). */
function normalizeForScan(text: string): string {
  return toHalfWidth(text)
    .replace(/[\u2212\u2013\ufe63]/g, '-')
    .replace(/\u301c/g, '~')
    .replace(/\ufe6a/g, '%')
    .replace(/\u00a0/g, ' ');
}

const NUMBER_ONLY = /^([-+])?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$/;

/**
 * A number written alone: `91,470.79`, `1,616`, `1，616`, `-45.81`, `－3`, `３.５４`, `.5`. Thousands
 * separators must form 3-digit groups; anything else (a lone `,`, `1,61`, `12a`) gives null.
 */
export function parseNumber(text: string): number | null {
  const s = normalizeForScan(text).trim();
  const m = NUMBER_ONLY.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const value = Number(`${m[1] ?? ''}${(m[2] ?? '0').replace(/,/g, '')}${m[3] ?? ''}`);
  return Number.isFinite(value) ? value + 0 : null; // `+ 0` turns -0 into 0
}

/** A number inside prose. Thousands groups only when each group has exactly 3 digits. */
const NUMBER_IN_TEXT = /(?<!\d)(?<!\d[.,])([-+])?(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?/g;
const NUMBER_AT = /^([-+])?(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?/;
const RANGE_CONNECTOR = /^\s*(?:-|~|—|至|到)\s*/;
const ASCII_LETTER = /[A-Za-z]/;
const IDEOGRAPH = /^[\u4e00-\u9fff]*$/;
const IDEOGRAPH_CHAR = /[\u4e00-\u9fff]/;
/** Characters after which a number opens a new item, so `1.` / `1、` / `1)` there are list markers. */
const SEGMENT_OPENERS = new Set(['\n', '\t', '。', '；', ';', '：', ':', '-', '—', '•', '·', '，', ',', '!', '！', '?', '？']);
/** Words after a number that make it a year, session, document or edition number rather than a measure. */
const NON_MEASURE_WORDS = ['年', '届', '号', '版', '周年'];

/** true at offsets inside 《…》: numbers in book titles are not measures. */
function bookTitleMask(text: string): boolean[] {
  const mask: boolean[] = new Array<boolean>(text.length).fill(false);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '《') depth++;
    else if (ch === '》') depth = Math.max(0, depth - 1);
    else mask[i] = depth > 0;
  }
  return mask;
}

function skipSpaces(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && /\s/.test(text[p] ?? '')) p++;
  return p;
}

/** The last non-space character before `pos` (tabs and newlines count: they open a segment). */
function previousVisible(text: string, pos: number): string | undefined {
  let p = pos - 1;
  while (p >= 0 && text[p] === ' ') p--;
  return p >= 0 ? text[p] : undefined;
}

/** Words after which a small number labels an item (任务1:, 附件 2, 表3) instead of measuring something. */
const LABEL_WORDS = /(?:任务|附件|附表|表|图|序号|编号|目标)\s*$/;

/**
 * `(2)`, `1.` / `1、` / `1)` opening an item, `任务1:`, and page numbers `— 6 —`. A `1.` after an
 * ideograph is still a marker when a space or ideograph follows the dot (得分1. 绩效目标管理) but not
 * when something else does (控制率小于0.\t is the number 0 ending an English-style sentence).
 */
function isListMarker(text: string, start: number, numEnd: number): boolean {
  const prev = text[start - 1];
  const next = text[numEnd];
  const after = text[numEnd + 1] ?? '';
  if (prev === '(' && next === ')') return true;
  const before = previousVisible(text, start);
  const opens = before === undefined || SEGMENT_OPENERS.has(before) || !IDEOGRAPH_CHAR.test(before);
  if ((next === '.' || next === '、' || next === ')') && !/\d/.test(after)) {
    if (opens) return true;
    if (next === '.' && (after === ' ' || IDEOGRAPH_CHAR.test(after))) return true;
  }
  const label = text.slice(Math.max(0, start - 6), start);
  if ((next === ':' || next === '：') && LABEL_WORDS.test(label)) return true;
  if (/(?:附件|附表)\s*$/.test(label)) return true;
  const nextVisible = text.slice(numEnd).trimStart()[0];
  return (before === '—' || before === '-') && (nextVisible === '—' || nextVisible === '-');
}

interface UnitMatch {
  unit: string | null;
  /** offset just after the unit (or after the number when there is none) */
  end: number;
  /** 余/多 between number and unit: "more than" */
  approxMore: boolean;
  /** the word after the number marks a year, session, date … */
  nonMeasure: boolean;
}

/** The unit written after a number ending at `pos` (spaces and 余/多 allowed in between). */
function unitAfter(text: string, pos: number): UnitMatch {
  let p = skipSpaces(text, pos);
  let approxMore = false;
  if ((text[p] === '余' || text[p] === '多') && matchUnit(text.slice(p + 1)) !== null) {
    approxMore = true;
    p++;
  }
  const rest = text.slice(p, p + 12);
  const unit = matchUnit(rest);
  if (unit !== null) {
    const wrapped = unitAcrossBreak(text, p);
    if (wrapped && wrapped.unit.length > unit.length) return { ...wrapped, approxMore, nonMeasure: false };
    return { unit, end: p + unit.length, approxMore, nonMeasure: false };
  }
  if (NON_MEASURE_WORDS.some((w) => rest.startsWith(w))) return { unit: null, end: pos, approxMore, nonMeasure: true };
  // 日/月 are durations only as "3日内", "6个月" (the latter is the unit 个月); otherwise dates.
  if (rest[0] === '日' || rest[0] === '月') {
    const within = /^\s*(?:以内|之内|内)/.test(rest.slice(1));
    return within
      ? { unit: rest[0], end: p + 1, approxMore, nonMeasure: false }
      : { unit: null, end: pos, approxMore, nonMeasure: true };
  }
  return { unit: null, end: pos, approxMore: false, nonMeasure: false };
}

/** A unit broken by a line wrap (34.3 亿\n\n元 → 亿元): match on the text with whitespace removed. */
function unitAcrossBreak(text: string, pos: number): { unit: string; end: number } | null {
  let compact = '';
  const offsets: number[] = [];
  for (let i = pos; i < text.length && compact.length < 8; i++) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) continue;
    compact += ch;
    offsets.push(i);
  }
  const unit = matchUnit(compact);
  if (unit === null) return null;
  return { unit, end: (offsets[unit.length - 1] ?? pos) + 1 };
}

/** The suffix comparator after a unit: 以上/以下/以内 (up to 2 ideographs in between: 300 家企业以上) or 内. */
function suffixAfter(text: string, pos: number, unit: string | null): { comparator: Comparator; end: number } | null {
  const p = skipSpaces(text, pos);
  const rest = text.slice(p, p + 8);
  const maxGap = unit === null ? 0 : 2;
  for (let gap = 0; gap <= maxGap; gap++) {
    if (!IDEOGRAPH.test(rest.slice(0, gap))) break;
    const hit = suffixComparator(rest.slice(gap));
    if (hit) return { comparator: hit.comparator, end: p + gap + hit.length };
  }
  // 内 alone: "3个工作日内", "预算 5 万元内。" — but not "3 个内容".
  if (rest[0] === '内' && (isDurationUnit(unit) || !/[\u4e00-\u9fff]/.test(rest[1] ?? ''))) {
    return { comparator: '<=', end: p + 1 };
  }
  return null;
}

function toValue(sign: string, int: string, frac: string): number {
  return Number(`${sign}${int.replace(/,/g, '')}${frac}`) + 0;
}

/**
 * Every measure in a prose string, in order, with its comparator and unit as written. Years, dates,
 * ordinals (第 3), sessions (133 届), list markers (1. / (2)), document numbers ([2022]68号), numbers in
 * 《…》, codes (5G, 020-…) and bare 4-digit years are skipped. A range (3-5 个, 3～5 个, 3至5个) gives its
 * lower bound with comparator '>=': a range target is met once the lower bound is reached.
 */
export function scanQuantities(text: string): ScannedQuantity[] {
  const norm = normalizeForScan(text);
  const inBook = bookTitleMask(norm);
  const found: ScannedQuantity[] = [];
  const re = new RegExp(NUMBER_IN_TEXT.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm)) !== null) {
    let sign = m[1] ?? '';
    const int = m[2] ?? '';
    const frac = m[3] ?? '';
    const numStart = m.index + sign.length;
    const numEnd = m.index + m[0].length;
    const before = norm[m.index - 1];
    // "3-5": the dash belongs to a range or code, not to the number.
    if (sign !== '' && before !== undefined && /[\dA-Za-z)\]]/.test(before)) sign = '';
    const start = numStart - sign.length;
    const prev = norm[numStart - 1];
    const next = norm[numEnd];

    const isContinuation = sign === '' && prev !== undefined && '-/:~.'.includes(prev) && /\d/.test(norm[numStart - 2] ?? '');
    const isCode =
      (prev !== undefined && ASCII_LETTER.test(prev)) ||
      (next !== undefined && ASCII_LETTER.test(next)) ||
      (frac === '' && int.length > 1 && int.startsWith('0')) ||
      (frac === '' && !int.includes(',') && int.length >= 10);
    const lookStart = Math.max(0, start - 16);
    const prefixText = norm.slice(lookStart, start).trimEnd();
    const isOrdinal = prefixText.endsWith('第');
    const inBrackets = (prev === '[' || prev === '〔' || prev === '【') && (next === ']' || next === '〕' || next === '】');
    const isMarker = frac === '' && int.length <= 2 && isListMarker(norm, start, numEnd);
    if (isContinuation || isCode || isOrdinal || inBrackets || isMarker || inBook[numStart]) continue;

    let value = toValue(sign, int, frac);
    let unitMatch = unitAfter(norm, numEnd);
    let rangeComparator: Comparator | null = null;

    // Range or code: A-B, A~B, A至B with an optional unit after A.
    const afterA = norm.slice(unitMatch.end);
    const conn = RANGE_CONNECTOR.exec(afterA);
    if (conn && !unitMatch.nonMeasure) {
      const bStart = unitMatch.end + conn[0].length;
      const b = NUMBER_AT.exec(norm.slice(bStart));
      if (b) {
        const bEnd = bStart + b[0].length;
        const unitB = unitAfter(norm, bEnd);
        if (unitB.nonMeasure && unitMatch.unit === null) {
          re.lastIndex = bEnd; // 2022-2024 年, 12-31 日
          continue;
        }
        if (unitB.unit !== null && (unitMatch.unit === null || unitMatch.unit === unitB.unit)) {
          const valueB = toValue(b[1] ?? '', b[2] ?? '', b[3] ?? '');
          if (valueB < value) value = valueB; // 100%-80%: the lower bound whichever way it is written
          unitMatch = unitB;
          rangeComparator = '>=';
          re.lastIndex = unitB.end;
        } else if (unitMatch.unit === null && unitB.unit === null && !/[至到]/.test(conn[0])) {
          re.lastIndex = bEnd; // 020-34611158, 2022-12: codes and dates, not measures
          continue;
        }
      }
    }
    if (unitMatch.nonMeasure) continue;
    const unit = unitMatch.unit;
    // A day after a month (6月20) or a bare year (2023 版本) is not a measure.
    if (unit === null && (prev === '月' || norm[skipBack(norm, numStart)] === '月')) continue;
    if (unit === null && frac === '' && !int.includes(',') && /^(19|20)\d\d$/.test(int)) continue;

    const suffix = suffixAfter(norm, unitMatch.end, unit);
    const prefix = prefixComparator(prefixText);
    const comparator: Comparator | null =
      rangeComparator ?? suffix?.comparator ?? prefix?.comparator ?? (unitMatch.approxMore ? '>' : null);
    const qStart = prefix ? lookStart + prefixText.length - prefix.length : start;
    const qEnd = suffix ? suffix.end : unitMatch.end > numEnd ? unitMatch.end : numEnd;
    if (qEnd > re.lastIndex) re.lastIndex = qEnd;
    found.push({
      quantity: { text: text.slice(qStart, qEnd), value: asContractValue(value, unit), unit, comparator, qualitative: false, date: null },
      start: qStart,
      end: qEnd,
    });
  }
  return found;
}

/** Offset of the last non-space character before `pos` (or -1). */
function skipBack(text: string, pos: number): number {
  let p = pos - 1;
  while (p >= 0 && /\s/.test(text[p] ?? '')) p--;
  return p;
}

export interface ParseQuantityOptions {
  /** Take the first measure in this unit when the text holds several (目标 家 → 实际 家). */
  preferUnit?: string | null;
  /**
   * Read a date target or actual (10月31日前, 2023年11月16日, 12月底前) as a date; a date without a year
   * takes this year. Without it only dates that print their year are read as dates.
   */
  fiscalYear?: number | null;
}

/**
 * A target or actual value as written. A bare number is taken whole; otherwise the first measure
 * (in `preferUnit` when given and present). No measure at all makes the quantity qualitative.
 */
export function parseQuantity(text: string, options: ParseQuantityOptions = {}): Quantity {
  const trimmed = text.trim();
  if (options.fiscalYear !== undefined) {
    const date = parseDate(trimmed, options.fiscalYear);
    if (date) return { text: trimmed, value: null, unit: null, comparator: date.comparator, qualitative: false, date: date.date };
  }
  // A whole cell `≥15年` / `15年`: a number of years (in prose 年 after a number is a year).
  const years = /^([≥≤><=]|[><]=)?\s*(\d+(?:\.\d+)?)\s*年(以上|以内|以下)?$/u.exec(normalizeForScan(trimmed));
  if (years && !/^(19|20)\d\d$/u.test(years[2] ?? '')) {
    const suffix = years[3] ? suffixComparator(years[3])?.comparator ?? null : null;
    const prefix = years[1] ? prefixComparator(years[1])?.comparator ?? null : null;
    return { text: trimmed, value: Number(years[2]), unit: '年', comparator: prefix ?? suffix, qualitative: false, date: null };
  }
  const bare = parseNumber(trimmed);
  if (bare !== null) return { text: trimmed, value: bare, unit: null, comparator: null, qualitative: false, date: null };
  const all = scanQuantities(trimmed);
  const preferred =
    options.preferUnit != null ? all.find((f) => f.quantity.unit === options.preferUnit) : undefined;
  const chosen = preferred ?? all[0];
  if (!chosen) return { text: trimmed, value: null, unit: null, comparator: null, qualitative: true, date: null };
  const { value, unit, comparator } = chosen.quantity;
  return { text: trimmed, value, unit, comparator, qualitative: false, date: null };
}

/** Round away binary noise (92.97 / 100 = 0.9297000000000001) without touching real digits. */
function clean(x: number): number {
  return Number.parseFloat(x.toPrecision(12)) + 0;
}

/** Units whose values the contract stores as fractions (97.3% → 0.973). */
const FRACTION_UNITS: Readonly<Record<string, number>> = { '%': 100, '‰': 1000 };

/** The number as the output contract stores it: rates as fractions, everything else as written. */
function asContractValue(value: number, unit: string | null): number {
  const divisor = unit === null ? undefined : FRACTION_UNITS[unit];
  return divisor === undefined ? value : clean(value / divisor);
}

/** A rate quantity's value, already a fraction (5 % → 0.05, 3 ‰ → 0.003); other units give null. */
export function toFraction(q: Pick<Quantity, 'value' | 'unit'>): number | null {
  if (q.value === null || q.unit === null) return null;
  return Object.hasOwn(FRACTION_UNITS, q.unit) ? q.value : null;
}

/** Money in 万元 (亿元 × 10000, 元 ÷ 10000, 万元 × 1), rounded to 6 decimals; null for other units or 美元. */
export function toWan(value: number | null, unit: string | null): number | null {
  if (value === null || unit === null) return null;
  const { factor, base } = splitMagnitude(unit);
  if (base !== '元') return null;
  return Number((value * (factor / 1e4)).toFixed(6)) + 0;
}

/** A score or weight cell: `6.28`, `10.00`, `91.41分`, `２０`; empty, `—`, `-`, `/` and words give null. */
export function parseScore(text: string): number | null {
  const s = normalizeForScan(text).trim().replace(/\s*分$/, '');
  if (s === '' || /^[—―─\-/\\]+$/.test(s)) return null;
  return parseNumber(s);
}

/** Decimals of the first number as printed (`10.00` → 2, `91,470.79` → 2, `5` → 0): the document's precision. */
export function decimalsOf(text: string): number {
  const m = /\d(?:[\d,]*\d)?(?:\.(\d+))?/.exec(normalizeForScan(text));
  return m?.[1]?.length ?? 0;
}

/**
 * The quantity with a unit printed in its own column (度量单位 / 计量单位) folded in: the value becomes a
 * fraction for % and ‰. A quantity that already has a unit, a date or no value keeps what it has.
 */
export function withUnit(q: Quantity, unit: string | null): Quantity {
  const u = unit === null ? '' : toHalfWidth(unit).trim();
  if (u === '' || q.unit !== null || q.date !== null || q.qualitative) return q;
  const value = q.value === null ? null : asContractValue(q.value, u);
  return { ...q, unit: u, value };
}

/** A comparison written alone (a 指标性质 cell: ≥, ≤, =, >, <, 不低于 …), or null. */
export function comparatorOf(sign: string): Comparator | null {
  const s = normalizeForScan(sign).replace(/\s+/gu, '');
  if (s === '') return null;
  const hit = prefixComparator(s);
  return hit && hit.length === s.length ? hit.comparator : null;
}
