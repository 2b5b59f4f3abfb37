/**
 * Vocabulary of the quantity parser: units as the samples write them, magnitude prefixes, and the
 * comparator words that sit before or after a number. Pure data plus small lookups; the scanner lives
 * in quantity.ts.
 */
import type { Comparator } from '../../src/schema/quantity.js';

/** Units that take a magnitude prefix (万人, 亿元, 万千瓦 …): money and counts. */
const COUNTABLE_UNITS = [
  '美元', '元', '人次', '家次', '个次', '个', '家', '场', '次', '份', '座', '人', '名', '户', '项', '宗', '根', '件',
  '条', '期', '批', '所', '套', '台', '辆', '公顷', '亩', '平方米', '平方公里', '公里', '立方米', '千瓦', '吨',
  '篇', '张', '处', '间', '栋', '盏', '株', '棵', '类', '组', '队', '位', '轮', '款', '例', '笔', '册',
  '米', '公斤', '千克', '吨公里', '千米', '平方千米',
];

/**
 * Units that never take a prefix. 日 and 月 are only durations when followed by 内/以内 (checked by
 * the scanner); 3个月 is the unit 个月.
 */
const PLAIN_UNITS = [
  '%', '‰', '个工作日', '工作日', '个百分点', '百分点', '个月', '天', '小时', '分钟', '倍', '分',
];

/** Units that are only durations when the next word is 内/以内 (otherwise 12月, 31日 are dates). */
export const DATE_LIKE_UNITS = ['日', '月'] as const;

/** Magnitude prefixes with their factor, longest first. */
export const MAGNITUDE_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 1e12], ['千万', 1e7], ['百万', 1e6], ['十万', 1e5], ['万', 1e4], ['亿', 1e8],
];

/** Every unit the scanner recognises, longest first so 个工作日 wins over 个 and 万元 over 万. */
export const KNOWN_UNITS: readonly string[] = (() => {
  const all = new Set<string>(PLAIN_UNITS);
  for (const unit of COUNTABLE_UNITS) {
    all.add(unit);
    for (const [prefix] of MAGNITUDE_PREFIXES) all.add(prefix + unit);
  }
  // A bare magnitude (突破600亿) is a unit as written too.
  for (const [prefix] of MAGNITUDE_PREFIXES) all.add(prefix);
  return [...all].sort((a, b) => b.length - a.length);
})();

/** The longest known unit at the start of `text`, or null. */
export function matchUnit(text: string): string | null {
  for (const unit of KNOWN_UNITS) if (text.startsWith(unit)) return unit;
  return null;
}

/** Units that measure time; 内 after them means "within" (控制在3个工作日内). */
const DURATION_UNITS = new Set(['个工作日', '工作日', '个月', '月', '天', '日', '小时', '分钟']);

export function isDurationUnit(unit: string | null): boolean {
  return unit !== null && DURATION_UNITS.has(unit);
}

/** Split a unit into its magnitude factor and base (万元 → 1e4 × 元); null when not money-like. */
export function splitMagnitude(unit: string): { factor: number; base: string } {
  for (const [prefix, factor] of MAGNITUDE_PREFIXES) {
    if (unit.startsWith(prefix) && unit.length > prefix.length) return { factor, base: unit.slice(prefix.length) };
  }
  return { factor: 1, base: unit };
}

/** Comparator words written before a number, longest first (不超过 before 超过, 不少于 before 少于). */
export const PREFIX_COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = (
  [
    ['大于等于', '>='], ['小于等于', '<='], ['不少于', '>='], ['不低于', '>='], ['不小于', '>='], ['不高于', '<='],
    ['不超过', '<='], ['不大于', '<='], ['不多于', '<='], ['不超出', '<='], ['不超', '<='], ['控制在', '<='],
    ['至少', '>='], ['达到', '>='], ['最少', '>='], ['最多', '<='], ['超过', '>'], ['高于', '>'], ['大于', '>'],
    ['多于', '>'], ['突破', '>'], ['低于', '<'], ['小于', '<'], ['少于', '<'], ['不足', '<'], ['不到', '<'],
    ['>=', '>='], ['<=', '<='], ['=>', '>='], ['=<', '<='],
    ['超', '>'], ['≥', '>='], ['≧', '>='], ['≤', '<='], ['≦', '<='], ['>', '>'], ['<', '<'], ['=', '='],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** Comparator words written after the number and unit (100 家以上, 3个工作日内). */
export const SUFFIX_COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ['及以上', '>='], ['或以上', '>='], ['以上', '>='], ['及以下', '<='], ['或以下', '<='], ['以下', '<='],
  ['以内', '<='], ['之内', '<='],
];

/** The comparator word that `before` ends with (spaces already trimmed), with its length. */
export function prefixComparator(before: string): { comparator: Comparator; length: number } | null {
  for (const [word, comparator] of PREFIX_COMPARATORS) {
    if (before.endsWith(word)) return { comparator, length: word.length };
  }
  return null;
}

/** The comparator word `after` starts with, with its length. */
export function suffixComparator(after: string): { comparator: Comparator; length: number } | null {
  for (const [word, comparator] of SUFFIX_COMPARATORS) {
    if (after.startsWith(word)) return { comparator, length: word.length };
  }
  return null;
}
