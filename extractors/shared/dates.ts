/**
 * Dates as forms print them in targets and actuals (10月31日前, 2023年11月16日, 2023-10-31, 12月底前): a
 * date without a year takes the fiscal year; 前 makes it an on-or-before target.
 */
import type { Comparator } from '../../src/schema/quantity.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `前 / 之前 / 以前 / 底前 / 前完成`: on or before the date. */
const BEFORE = /^(?:之前|以前|前)(?:完成|完工|到位)?$/u;

/**
 * A whole cell that states a date: `10月31日前`, `2023年11月16日`, `2023-10-31`, `12月底前`, `年底前`, with
 * `前` making it an on-or-before target. Null when the text is not just a date.
 */
export function parseDate(text: string, fiscalYear: number | null = null): { date: string; comparator: Comparator | null } | null {
  const t = text.replace(/[\uff01-\uff5e]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\s+/gu, '');
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  let rest = '';
  let m = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号]|(底|末))(.*)$/u.exec(t);
  if (m) {
    year = m[1] ? Number(m[1]) : fiscalYear;
    month = Number(m[2]);
    day = m[3] ? Number(m[3]) : year !== null ? lastDayOf(year, month) : null;
    rest = m[5] ?? '';
  } else if ((m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(.*)$/u.exec(t))) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
    rest = m[4] ?? '';
  } else if ((m = /^(?:(\d{4})年)?年?(?:底|末)(.*)$/u.exec(t)) && (m[1] !== undefined || t.startsWith('年'))) {
    year = m[1] ? Number(m[1]) : fiscalYear;
    month = 12;
    day = 31;
    rest = m[2] ?? '';
  } else return null;
  if (year === null || month === null || day === null || month < 1 || month > 12 || day < 1 || day > lastDayOf(year, month)) return null;
  if (rest !== '' && !BEFORE.test(rest)) return null;
  return { date: `${year}-${pad2(month)}-${pad2(day)}`, comparator: rest === '' ? null : '<=' };
}

