/**
 * Flat rows of one batch result for CSV and SQLite: a document row per input (read or failed), and
 * the document's indicators, targets and findings. Values are kept as numbers where they are
 * numbers; nothing is computed here that the Document does not hold.
 */
import { errorReason } from '../errors.js';
import type { Document } from '../schema/document.js';

export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

/** The part of a results.jsonl line the tables are made from (structurally a ResultLine). */
export interface LineInput {
  file: string;
  sha256: string | null;
  ok: boolean;
  output: string | null;
  format: string | null;
  kind: string | null;
  department: string | null;
  departmentKey: string | null;
  region: { province: string | null; city: string | null; county: string | null; code: string | null } | null;
  project: string | null;
  fiscalYear: number | null;
  declaredTotal: number | null;
  recomputedTotal: number | null;
  grade: { declared: string | null; recomputed: string | null };
  summary: { ok: number; mismatch: number; unverifiable: number; missing: number; pointsVerified: number; pointsTotal: number | null } | null;
  errors: number;
  warnings: number;
  findingCodes: string[];
  pageCount: number | null;
  error: { code: string; message: string; detail: string | null } | null;
}

export const DOCUMENT_COLUMNS = [
  'file', 'output', 'sha256', 'format', 'kind', 'status', 'error_code', 'province', 'city', 'county', 'region_code', 'department',
  'department_key', 'project', 'fiscal_year', 'declared_total', 'recomputed_total', 'grade_declared', 'grade_recomputed',
  'checks_ok', 'checks_mismatch', 'checks_unverifiable', 'checks_missing', 'points_verified', 'points_total',
  'errors', 'warnings', 'finding_codes', 'pages',
] as const;

export const INDICATOR_COLUMNS = [
  'file', 'department', 'fiscal_year', 'position', 'level1', 'level2', 'indicator', 'rubric_id', 'part', 'weight',
  'declared_score', 'recomputed', 'check_status', 'score_inferred', 'page', 'source_text',
] as const;

export const TARGET_COLUMNS = [
  'file', 'department', 'fiscal_year', 'category', 'position', 'name', 'target_text', 'target_value', 'target_unit',
  'actual_text', 'actual_value', 'actual_unit', 'unmet_reason', 'page', 'source_text',
] as const;

export const FINDING_COLUMNS = [
  'file', 'department', 'county', 'fiscal_year', 'code', 'severity', 'indicator', 'rubric_id', 'rule', 'expected', 'actual',
  'message', 'page', 'source_text',
] as const;

export const ERROR_COLUMNS = ['file', 'stage', 'code', 'message', 'detail'] as const;

export const SKIPPED_COLUMNS = ['file', 'reason', 'detail'] as const;

/** English sentences for errors.csv's detail column (the message column is the Chinese one). */
const ENGLISH: Record<string, string> = {
  ENCRYPTED: 'The file is encrypted and cannot be read.',
  CORRUPT: 'The file is damaged and cannot be parsed.',
  TRUNCATED: 'The file is incomplete (truncated).',
  NO_TEXT_LAYER: 'A scan without a text layer: OCR is needed.',
  NOT_SELF_EVALUATION: 'Not a performance self-evaluation document.',
  UNSUPPORTED_FORMAT: 'The file format is not supported.',
  LEGACY_FORMAT: 'A legacy Office file: LibreOffice (soffice) is needed to convert it.',
  TOO_LARGE: 'The file (or its content once inflated) is over the size limit.',
  UNSAFE_XML: 'The XML declares a DTD or entities and was refused.',
  READ_FAILED: 'Reading failed.',
  TIMEOUT: 'Reading took longer than the per-file time limit and was stopped.',
  OUT_OF_MEMORY: 'Reading needed more memory than the per-file limit and was stopped.',
};

/** Where in the pipeline an error stopped a file. */
export function errorStage(code: string, fileWasRead: boolean): string {
  if (fileWasRead) return 'verify';
  if (code === 'NOT_SELF_EVALUATION') return 'classify';
  if (code === 'TIMEOUT' || code === 'OUT_OF_MEMORY') return 'worker';
  if (code === 'UNSUPPORTED_FORMAT') return 'sniff';
  return 'read';
}

export function documentRow(line: LineInput): Row {
  const s = line.summary;
  return {
    file: line.file,
    output: line.output,
    sha256: line.sha256,
    format: line.format,
    kind: line.kind,
    status: line.ok ? 'ok' : 'failed',
    error_code: line.ok ? null : (line.error?.code ?? null),
    province: line.region?.province ?? null,
    city: line.region?.city ?? null,
    county: line.region?.county ?? null,
    region_code: line.region?.code ?? null,
    department: line.department,
    department_key: line.departmentKey,
    project: line.project,
    fiscal_year: line.fiscalYear,
    declared_total: line.declaredTotal,
    recomputed_total: line.recomputedTotal,
    grade_declared: line.grade.declared,
    grade_recomputed: line.grade.recomputed,
    checks_ok: s?.ok ?? null,
    checks_mismatch: s?.mismatch ?? null,
    checks_unverifiable: s?.unverifiable ?? null,
    checks_missing: s?.missing ?? null,
    points_verified: s?.pointsVerified ?? null,
    points_total: s?.pointsTotal ?? null,
    errors: line.errors,
    warnings: line.warnings,
    finding_codes: line.findingCodes.join(' '),
    pages: line.pageCount,
  };
}

export function errorRow(line: LineInput): Row | null {
  if (line.error === null) return null;
  return {
    file: line.file,
    stage: errorStage(line.error.code, line.ok),
    code: line.error.code,
    // File and code have their own columns: the message is the Chinese reason alone.
    message: errorReason(line.error.code, line.error.detail),
    detail: ENGLISH[line.error.code] ?? 'Error.',
  };
}

function firstPage(provenance: { page: number | null } | null | undefined): number | null {
  return provenance?.page ?? null;
}

export function indicatorRows(line: LineInput, d: Document): Row[] {
  const checks = new Map(d.verification.checks.map((c) => [c.rubricId, c]));
  return d.indicators.map((ind, i) => {
    const check = ind.rubricId === null ? undefined : checks.get(ind.rubricId);
    return {
      file: line.file,
      department: line.department,
      fiscal_year: line.fiscalYear,
      position: i + 1,
      level1: ind.level1,
      level2: ind.level2,
      indicator: ind.name,
      rubric_id: ind.rubricId,
      part: ind.part,
      weight: ind.weight,
      declared_score: ind.declaredScore,
      recomputed: check?.recomputed ?? null,
      check_status: check?.status ?? null,
      score_inferred: ind.scoreInferred,
      page: firstPage(ind.provenance),
      source_text: ind.provenance.text,
    };
  });
}

export function targetRows(line: LineInput, d: Document): Row[] {
  return d.targets.map((t, i) => ({
    file: line.file,
    department: line.department,
    fiscal_year: line.fiscalYear,
    category: t.category,
    position: t.index ?? i + 1,
    name: t.name,
    target_text: t.target?.text ?? null,
    target_value: t.target?.value ?? null,
    target_unit: t.target?.unit ?? null,
    actual_text: t.actual?.text ?? null,
    actual_value: t.actual?.value ?? null,
    actual_unit: t.actual?.unit ?? null,
    unmet_reason: t.unmetReason,
    page: firstPage(t.provenance),
    source_text: t.provenance.text,
  }));
}

export function findingRows(line: LineInput, d: Document): Row[] {
  return d.verification.findings.map((f) => {
    return {
      file: line.file,
      department: line.department,
      county: line.region?.county ?? null,
      fiscal_year: line.fiscalYear,
      code: f.code,
      severity: f.severity,
      indicator: f.indicator,
      rubric_id: f.rubricId,
      rule: f.rule,
      expected: f.expected,
      actual: f.actual,
      message: f.message,
      page: firstPage(f.provenance[0]),
      source_text: f.provenance.map((p) => p.text).join(' | ') || null,
    };
  });
}
