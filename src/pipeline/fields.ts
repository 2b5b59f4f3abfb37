/**
 * The one place the batch reads schema-v2 fields (department key, region, project, verification
 * summary) from a Document, and the `results.jsonl` line it writes. Until schema v2 is on main these
 * are derived here from v1 fields; afterwards they are read from the Document as they are.
 */
import type { Document } from '../schema/document.js';
import { normalizeDepartmentName } from '../scoring/index.js';

export interface Region {
  province: string | null;
  city: string | null;
  county: string | null;
}

export interface VerificationSummary {
  ok: number;
  mismatch: number;
  unverifiable: number;
  missing: number;
  notApplicable: number;
  pointsVerified: number;
  pointsTotal: number | null;
}

/** One line of results.jsonl: what happened to one input (no timings: outputs are byte-identical between runs). */
export interface ResultLine {
  schemaVersion: string;
  file: string;
  sha256: string | null;
  ok: boolean;
  output: string | null;
  format: string | null;
  kind: string | null;
  department: string | null;
  departmentKey: string | null;
  region: Region | null;
  project: string | null;
  fiscalYear: number | null;
  declaredTotal: number | null;
  recomputedTotal: number | null;
  grade: { declared: string | null; recomputed: string | null };
  summary: VerificationSummary | null;
  errors: number;
  warnings: number;
  findingCodes: string[];
  pageCount: number | null;
  error: { code: string; message: string; detail: string | null } | null;
}

/**
 * Department name reduced for grouping and pairing (v1 stand-in for schema v2's department.key):
 * the district, then the name without city/district prefix, bracketed second name and whitespace.
 */
export function departmentKeyOf(document: Document): string | null {
  const name = document.department.name;
  if (name === null) return null;
  const key = normalizeDepartmentName(name);
  if (key === '') return null;
  const district = document.department.region?.replace(/^广州市/u, '') ?? /^(?:广州市)?([\u4e00-\u9fff]{1,4}?区)/u.exec(name.normalize('NFKC'))?.[1] ?? '';
  return `${district}${key}`;
}

const REGION_PREFIX = /^([\u4e00-\u9fff]{2,7}?(?:省|自治区))?([\u4e00-\u9fff]{2,6}?(?:市|自治州|地区|盟))?([\u4e00-\u9fff]{1,6}?(?:区|县|旗|市))?/u;

export function regionOf(document: Document): Region | null {
  const m = REGION_PREFIX.exec((document.department.name ?? '').normalize('NFKC').replace(/\s+/gu, ''));
  const province = m?.[1] ?? null;
  const city = m?.[2] ?? null;
  const county = document.department.region ?? m?.[3] ?? null;
  return province === null && city === null && county === null ? null : { province, city, county };
}

export function projectOf(_document: Document): string | null {
  return null;
}

export function summaryOf(document: Document): VerificationSummary {
  const checks = document.verification.checks;
  const count = (status: string): number => checks.filter((c) => c.status === status).length;
  const round = (n: number): number => Math.round(n * 100) / 100;
  return {
    ok: count('ok'),
    mismatch: count('mismatch'),
    unverifiable: count('unverifiable'),
    missing: count('missing'),
    notApplicable: count('not-applicable'),
    pointsVerified: round(checks.filter((c) => c.status === 'ok').reduce((s, c) => s + c.weight, 0)),
    pointsTotal: checks.length === 0 ? null : round(checks.reduce((s, c) => s + c.weight, 0)),
  };
}
