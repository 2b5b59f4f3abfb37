import type { Department } from '../../src/schema/document.js';
import type { Provenance } from '../../src/schema/provenance.js';

const DISTRICTS = ['越秀区', '海珠区', '荔湾区', '天河区', '白云区', '黄埔区', '番禺区', '花都区', '南沙区', '从化区', '增城区'];

/** The district a department belongs to, from its name (广州市增城区… → 增城区). */
export function regionOf(name: string | null): string | null {
  if (!name) return null;
  const district = DISTRICTS.find((d) => name.includes(d));
  if (district) return district;
  const m = name.match(/([\u4e00-\u9fff]{2,3}(?:区|县|市))/u);
  return m?.[1] ?? null;
}

/** A department's full name with a trailing 公章/seal note removed. */
export function cleanDepartmentName(name: string): string {
  return name.replace(/[（(]\s*公章\s*[)）]/gu, '').replace(/\s+/gu, '').trim();
}

/**
 * A department name stated inside prose or a document title: 广州市X区…局/办公室/委员会 …, the longest
 * such name, preferring one followed by a parenthesised alias (增城开发区工业商务和信息化局).
 */
const DEPARTMENT_NAME =
  /广州市[\u4e00-\u9fff]{1,4}区[\u4e00-\u9fff]{2,30}?(?:局|办公室|委员会|中心|委|办)(?:[（(][\u4e00-\u9fff]{2,30}[)）])?/gu;

export function findDepartmentName(text: string): { name: string; index: number } | null {
  let best: { name: string; index: number } | null = null;
  for (const m of text.matchAll(DEPARTMENT_NAME)) {
    const name = m[0];
    // A name inside 《…》 is a document title, not the department itself.
    const before = text.slice(Math.max(0, (m.index ?? 0) - 1), m.index ?? 0);
    if (before === '《') continue;
    if (!best) best = { name, index: m.index ?? 0 };
  }
  return best;
}

/** The department named inside a 《…》 title (《广州市荔湾区协作办公室内部预算绩效管理制度》 → 广州市荔湾区协作办公室). */
export function findDepartmentInTitles(text: string): { name: string; index: number } | null {
  const re = /《(广州市[\u4e00-\u9fff]{1,4}区[\u4e00-\u9fff]{2,20}?(?:局|办公室|委员会|中心))/gu;
  const m = re.exec(text);
  return m && m[1] ? { name: m[1], index: (m.index ?? 0) + 1 } : null;
}

/**
 * A department name normalised for grouping and pairing: NFKC (full-width letters, digits and
 * brackets to half-width), brackets unified to the full-width form, whitespace and seal notes
 * (（公章）/（盖章）) dropped. The printed name stays in `department.name`.
 */
export function departmentKey(name: string | null): string | null {
  if (name === null) return null;
  const key = name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/gu, '')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）')
    .replace(/（(?:公章|盖章|印章|签章)）/gu, '');
  return key === '' ? null : key;
}

/** The Department record of a name found in the document. */
export function departmentOf(name: string, provenance: Provenance | null, inferred: boolean): Department {
  return { name, key: departmentKey(name), region: regionOf(name), inferred, provenance };
}
