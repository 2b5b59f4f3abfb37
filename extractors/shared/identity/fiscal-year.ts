import type { Provenance } from '../../../src/schema/provenance.js';
import type { TextStream } from '../text-stream.js';
import { VOCABULARY, alternation } from './vocabulary.js';

/**
 * Years as printed: 2022, "20 22" (a year split by a space), 二〇二二 / 二零二二, full-width digits.
 * Returns each year with the characters it covers.
 */
export interface YearMention {
  year: number;
  start: number;
  end: number;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, О: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ARABIC = /(?<![0-9０-９])([12１２]\s?[0-9０-９]\s?[0-9０-９]\s?[0-9０-９])(?![0-9０-９])/gu;
const CHINESE = /([一二][〇零○О一二三四五六七八九]{3})/gu;

function plausible(year: number): boolean {
  return year >= 1990 && year <= 2100;
}

export function yearMentions(text: string): YearMention[] {
  const out: YearMention[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const year = Number((m[1] ?? '').normalize('NFKC').replace(/\s/gu, ''));
    if (plausible(year)) out.push({ year, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (const m of text.matchAll(CHINESE)) {
    const year = Number([...(m[1] ?? '')].map((c) => CN_DIGITS[c] ?? 0).join(''));
    if (plausible(year)) out.push({ year, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

const AFTER_EVALUATED = new RegExp(`^\\s*(?:${alternation(VOCABULARY.fiscalYearAfter).replace(/年/gu, '年\\s*')})`, 'u');
const NOT_EVALUATED_BEFORE = new RegExp(`(?:${alternation(VOCABULARY.yearNotEvaluated)})\\s*[:：]?\\s*$`, 'u');

/** How a year mention reads in its context: the year evaluated, a date, a notice number, a range … */
export function yearRole(text: string, m: YearMention): 'evaluated' | 'year' | 'excluded' {
  const before = text.slice(Math.max(0, m.start - 12), m.start);
  const after = text.slice(m.end, m.end + 12);
  // 〔2023〕5号 / [2023] / （2023）: a notice number.
  if (/[〔\[【［(（]\s*$/u.test(before) && /^\s*[〕\]】］)）]/u.test(after)) return 'excluded';
  // A date (2023年3月, 2023-03-28, 2023.3) or a range (2021—2025年, 2021至2025年).
  if (/^\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月/u.test(after) || /^\s*[-./／]\s*[0-9]{1,2}(?:\s*[-./／]|$)/u.test(after)) return 'excluded';
  if (/^\s*(?:年\s*)?[-—–~～至到]\s*(?:[12][0-9]{3}|[一二][〇零○一二三四五六七八九]{3})/u.test(after) || /[12][0-9]{3}\s*(?:年\s*)?[-—–~～至到]\s*$/u.test(before)) return 'excluded';
  if (NOT_EVALUATED_BEFORE.test(before)) return 'excluded';
  if (!/^\s*年/u.test(after)) return 'excluded';
  return AFTER_EVALUATED.test(after) ? 'evaluated' : 'year';
}

/** True when the offset sits inside 《…》 (the name of a policy or a notice). */
function insideBookTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open && text.indexOf('》', at) >= 0;
}

export interface FiscalYearFound {
  year: number;
  provenance: Provenance;
  how: 'label' | 'title' | 'opening' | 'count';
}

/** The year evaluated in a stretch of text: its first 2022年度 / 2022年部门整体… outside 《…》, or null. */
export function evaluatedYearIn(stream: TextStream, range: [number, number] = [0, stream.text.length]): { year: number; start: number; end: number } | null {
  const text = stream.text;
  for (const m of yearMentions(text)) {
    if (m.start < range[0] || m.end > range[1]) continue;
    if (yearRole(text, m) !== 'evaluated' || insideBookTitle(text, m.start)) continue;
    const end = m.end + (text.slice(m.end).match(/^\s*年\s*度?/u)?.[0].length ?? 0);
    return { year: m.year, start: m.start, end };
  }
  return null;
}

/**
 * The fallback when no title or opening states the year evaluated: the year the text names most as
 * a year (never dates, notice numbers, ranges or years inside 《…》); ties go to the earlier year,
 * since reports are written after the year they evaluate and name the next one only for plans.
 */
export function mostNamedYear(stream: TextStream): { year: number; start: number; end: number } | null {
  const text = stream.text;
  const counts = new Map<number, { n: number; first: YearMention }>();
  for (const m of yearMentions(text)) {
    if (yearRole(text, m) === 'excluded' || insideBookTitle(text, m.start)) continue;
    const c = counts.get(m.year);
    if (c) c.n++;
    else counts.set(m.year, { n: 1, first: m });
  }
  const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[0] - b[0])[0];
  if (!best) return null;
  const first = best[1].first;
  return { year: best[0], start: first.start, end: first.end + 1 };
}

/** The year in a labelled field's value (年度：2022 / 2022年度), or null. */
export function yearInValue(value: string): number | null {
  const m = yearMentions(value)[0];
  return m ? m.year : null;
}

/**
 * The last resort: the year a cited evaluation notice names (《关于开展2022年度部门整体支出绩效自评工作的通知》),
 * when nothing outside 《…》 states it. A policy's name (《…规划（2021—2025年）》) is never read.
 */
export function yearOfCitedEvaluation(stream: TextStream): { year: number; start: number; end: number } | null {
  const text = stream.text;
  for (const m of text.matchAll(/《([^》]{4,80})》/gu)) {
    if (!/自评|绩效评价|绩效自评/u.test(m[1] ?? '')) continue;
    const inner = m[1] ?? '';
    const offset = (m.index ?? 0) + 1;
    for (const y of yearMentions(inner)) {
      if (yearRole(inner, y) !== 'evaluated') continue;
      return { year: y.year, start: offset + y.start, end: offset + y.end + 2 };
    }
  }
  return null;
}
