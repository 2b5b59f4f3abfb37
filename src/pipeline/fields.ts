/**
 * The one place the batch reads the grouping and summary fields of a Document for results.jsonl
 * (schema v2: department.key, region, project, verification.summary).
 */
import type { Document } from '../schema/document.js';
import type { ResultLine } from '../schema/results.js';

export type { ResultLine } from '../schema/results.js';

export function departmentKeyOf(document: Document): string | null {
  return document.department.key ?? null;
}

export function regionOf(document: Document): ResultLine['region'] {
  const r = document.region;
  if (r !== null) return { province: r.province, city: r.city, county: r.county ?? document.department.region, code: r.code };
  // No structured region: the district printed with the department is still the county.
  return document.department.region === null ? null : { province: null, city: null, county: document.department.region, code: null };
}

export function projectOf(document: Document): string | null {
  return document.project?.name ?? null;
}

export function summaryOf(document: Document): ResultLine['summary'] {
  return document.verification.summary;
}
