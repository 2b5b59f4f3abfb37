import type { Document } from '../schema/index.js';

/** Leading area names a department's name may carry (广东省, 广州市, 增城区, 白溪县); none is tied to a place. */
const PROVINCE = /^[\u4e00-\u9fff]{2,7}?(?:省|自治区)/u;
// A city's name holds no county (渝岭区城市管理局 is a county's bureau); 市场监督管理局 is a bureau, not a city.
const CITY = /^(?:(?![区县旗乡镇])[\u4e00-\u9fff]){2,4}?市(?!场)/u;
const COUNTY = /^([\u4e00-\u9fff]{1,4}?[区县旗])/u;

function clean(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[（(][^（()）]*[)）]/gu, '')
    .replace(/\s+/gu, '');
}

/** The name without its leading province and city: 广州市增城区科技工业商务和信息化局 → 增城区科技工业商务和信息化局. */
function withoutProvinceAndCity(name: string): string {
  return clean(name).replace(PROVINCE, '').replace(CITY, '');
}

/**
 * A department name reduced to what differs between departments of one county: no province/city/county
 * prefix, no parenthesised second name, no spaces (广州市增城区科技工业商务和信息化局(增城开发区…) →
 * 科技工业商务和信息化局; 白溪县水利局 → 水利局).
 */
export function normalizeDepartmentName(name: string): string {
  return withoutProvinceAndCity(name).replace(COUNTY, '').trim();
}

/** The county a document is from: its structured region, its printed region, else the prefix of its department name. */
function districtOf(document: Document): string | null {
  const county = document.region?.county ?? null;
  if (county !== null && county.trim() !== '') return clean(county);
  const region = document.department.region;
  if (region !== null && region.trim() !== '') return withoutProvinceAndCity(region);
  const name = document.department.name;
  return name === null ? null : (COUNTY.exec(withoutProvinceAndCity(name))?.[1] ?? null);
}

/**
 * Two documents of the same department and fiscal year (a table and its report), for companion grouping:
 * equal years, equal names once prefixes and parentheses are dropped (the normalised key where both have
 * one), and no conflicting county.
 */
export function sameDepartmentAndYear(a: Document, b: Document): boolean {
  if (a.fiscalYear === null || a.fiscalYear !== b.fiscalYear) return false;
  const an = a.department.key ?? a.department.name;
  const bn = b.department.key ?? b.department.name;
  if (an === null || bn === null) return false;
  const ad = districtOf(a);
  const bd = districtOf(b);
  if (ad !== null && bd !== null && ad !== bd) return false;
  const x = normalizeDepartmentName(an);
  return x.length > 0 && x === normalizeDepartmentName(bn);
}
