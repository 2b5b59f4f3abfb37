import type { Document } from '../schema/index.js';

/**
 * A department name reduced to what differs between departments: no 广州市/…区 prefix, no parenthesised
 * second name, no spaces (广州市增城区科技工业商务和信息化局(增城开发区…) → 科技工业商务和信息化局).
 */
export function normalizeDepartmentName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[（(][^（()）]*[)）]/gu, '')
    .replace(/\s+/gu, '')
    .replace(/^广州市/u, '')
    .replace(/^[\u4e00-\u9fff]{1,4}?区/u, '')
    .trim();
}

/** Two documents of the same department and fiscal year (a table and its report), for companion grouping. */
export function sameDepartmentAndYear(a: Document, b: Document): boolean {
  if (a.fiscalYear === null || a.fiscalYear !== b.fiscalYear) return false;
  const an = a.department.name;
  const bn = b.department.name;
  if (an === null || bn === null) return false;
  const ar = a.department.region;
  const br = b.department.region;
  if (ar !== null && br !== null && ar !== br) return false;
  const x = normalizeDepartmentName(an);
  return x.length > 0 && x === normalizeDepartmentName(bn);
}
