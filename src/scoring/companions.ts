import type { Document } from '../schema/index.js';

const DISTRICT_PREFIX = /^(?:广州市)?([\u4e00-\u9fff]{1,4}?区)/u;

function clean(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[（(][^（()）]*[)）]/gu, '')
    .replace(/\s+/gu, '');
}

/**
 * A department name reduced to what differs between departments of one district: no 广州市/…区 prefix, no
 * parenthesised second name, no spaces (广州市增城区科技工业商务和信息化局(增城开发区…) → 科技工业商务和信息化局).
 */
export function normalizeDepartmentName(name: string): string {
  return clean(name).replace(DISTRICT_PREFIX, '').replace(/^广州市/u, '').trim();
}

/** The district a document is from: its region field, else the prefix of its department name. */
function districtOf(document: Document): string | null {
  const region = document.department.region;
  if (region !== null && region.trim() !== '') return region.replace(/^广州市/u, '').trim();
  const name = document.department.name;
  return name === null ? null : (DISTRICT_PREFIX.exec(clean(name))?.[1] ?? null);
}

/**
 * Two documents of the same department and fiscal year (a table and its report), for companion grouping:
 * equal years, equal names once prefixes and parentheses are dropped, and no conflicting district.
 */
export function sameDepartmentAndYear(a: Document, b: Document): boolean {
  if (a.fiscalYear === null || a.fiscalYear !== b.fiscalYear) return false;
  const an = a.department.name;
  const bn = b.department.name;
  if (an === null || bn === null) return false;
  const ad = districtOf(a);
  const bd = districtOf(b);
  if (ad !== null && bd !== null && ad !== bd) return false;
  const x = normalizeDepartmentName(an);
  return x.length > 0 && x === normalizeDepartmentName(bn);
}
