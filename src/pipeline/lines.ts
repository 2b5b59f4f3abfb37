/** results.jsonl lines: one per input, built from a verified Document or from the error that stopped it. */
import type { SelfevalError } from '../errors.js';
import { SCHEMA_VERSION, type Document } from '../schema/document.js';
import { departmentKeyOf, projectOf, regionOf, summaryOf, type ResultLine } from './fields.js';

export type { ResultLine } from './fields.js';

export function documentLine(file: string, output: string, d: Document): ResultLine {
  const findings = d.verification.findings;
  return {
    schemaVersion: SCHEMA_VERSION,
    file,
    sha256: d.source.sha256,
    ok: true,
    output,
    format: d.source.format,
    kind: d.kind,
    department: d.department.name,
    departmentKey: departmentKeyOf(d),
    region: regionOf(d),
    project: projectOf(d),
    fiscalYear: d.fiscalYear,
    declaredTotal: d.declared.total,
    recomputedTotal: d.verification.recomputedTotal,
    grade: { declared: d.verification.grade.declared, recomputed: d.verification.grade.fromRecomputedTotal },
    summary: summaryOf(d),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length + d.warnings.length,
    findingCodes: [...new Set(findings.map((f) => f.code))].sort(),
    pageCount: d.source.pageCount,
    error: null,
  };
}

export function errorLine(file: string, sha256: string | null, error: SelfevalError, format: ResultLine['format'] = null): ResultLine {
  return {
    schemaVersion: SCHEMA_VERSION,
    file,
    sha256,
    ok: false,
    output: null,
    format,
    kind: null,
    department: null,
    departmentKey: null,
    region: null,
    project: null,
    fiscalYear: null,
    declaredTotal: null,
    recomputedTotal: null,
    grade: { declared: null, recomputed: null },
    summary: null,
    errors: 1,
    warnings: 0,
    findingCodes: [],
    pageCount: null,
    error: { code: error.code, message: error.message, detail: error.detail },
  };
}
