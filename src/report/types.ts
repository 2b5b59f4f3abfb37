/**
 * The data the audit report page is built from. Everything here is plain JSON: it is embedded in the
 * page as one overview blob plus one blob per document (parsed only when that document is opened),
 * so a page of thousands of documents opens without parsing every indicator of every document.
 */
import type { CheckStatus } from '../schema/verification.js';

/** One overview row: what the results line and the Document say about one input read. */
export interface OverviewRow {
  /** Index in the page (`#doc=N`). */
  id: number;
  file: string;
  output: string | null;
  format: string | null;
  kind: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  department: string | null;
  departmentKey: string | null;
  project: string | null;
  year: number | null;
  declared: number | null;
  recomputed: number | null;
  /** recomputed − declared, rounded to 0.01 (negative: the document declares more than holds). */
  diff: number | null;
  gradeDeclared: string | null;
  gradeRecomputed: string | null;
  checksOk: number;
  checksUnverifiable: number;
  checksMismatch: number;
  checksMissing: number;
  pointsVerified: number | null;
  pointsTotal: number | null;
  errors: number;
  warnings: number;
  codes: string[];
  /** `structural` when no rubric covers the document (RUBRIC_NOT_AVAILABLE); null when unknown. */
  scope: 'rubric' | 'structural' | null;
  /** Documents of the same department key and year but another kind. */
  companions: number[];
  /** The Document JSON could not be read: the row comes from results.jsonl alone. */
  outputMissing: boolean;
}

/** A source snippet: page (PDF) or null, and the text (which starts with the locator for formats without pages). */
export interface Snippet {
  page: number | null;
  text: string;
}

/** An evidence image: a crop of a PDF page with the value's box, both in PDF points (top-left origin). */
export interface Evidence {
  /** Key of the image in the page's image table. */
  image: string;
  page: number;
  crop: [number, number, number, number];
  box: [number, number, number, number];
}

export interface IndicatorRow {
  level1: string | null;
  level1Weight: number | null;
  level2: string | null;
  level2Weight: number | null;
  name: string | null;
  rubricId: string | null;
  part: number | null;
  weight: number | null;
  declared: number | null;
  inferred: boolean;
  notApplicable: boolean;
  recomputed: number | null;
  range: [number, number] | null;
  status: CheckStatus | null;
  rule: string | null;
  detail: string | null;
  snippet: Snippet;
}

export interface CheckRow {
  rubricId: string | null;
  name: string;
  weight: number | null;
  declared: number | null;
  recomputed: number | null;
  range: [number, number] | null;
  status: CheckStatus;
  rule: string;
  detail: string;
}

export interface TargetRow {
  category: string | null;
  name: string | null;
  target: string | null;
  actual: string;
  /** actual / target (target / actual when lower is better), as the completion-rate rule computes it; null when not comparable. */
  rate: number | null;
  unmetReason: string | null;
  snippet: Snippet;
}

export interface FindingRow {
  code: string;
  severity: string;
  message: string;
  indicator: string | null;
  rubricId: string | null;
  rule: string | null;
  expected: number | null;
  actual: number | null;
  snippets: Snippet[];
  evidence: Evidence[];
}

export interface DocumentDetail {
  id: number;
  file: string;
  source: { path: string; format: string; pageCount: number | null; producer: string | null; ocrPages: number[] };
  department: { name: string | null; key: string | null; inferred: boolean };
  region: { province: string | null; city: string | null; county: string | null; code: string | null } | null;
  project: { name: string | null; code: string | null; supervisor: string | null; implementer: string | null } | null;
  year: number | null;
  kind: string;
  rubric: { id: string; title: string } | null;
  scope: 'rubric' | 'structural';
  declaredTotal: number | null;
  indicatorSum: number | null;
  recomputedTotal: number | null;
  grade: { declared: string | null; fromDeclaredTotal: string | null; fromRecomputedTotal: string | null };
  summary: { ok: number; mismatch: number; unverifiable: number; missing: number; notApplicable: number; pointsVerified: number; pointsTotal: number | null };
  budget: { total: number | null; actualSpending: number | null; executionRate: number | null };
  indicators: IndicatorRow[];
  /** Checks no indicator row was matched to (reports, explanations, document-level entries). */
  otherChecks: CheckRow[];
  targets: TargetRow[];
  findings: FindingRow[];
  warnings: Array<{ code: string; message: string; snippet: Snippet | null }>;
  /** Chinese: why findings of a PDF show no page image (source moved, changed, unreadable); null when images were made or not applicable. */
  evidenceNote: string | null;
}

export interface FailedFile {
  file: string;
  stage: string | null;
  code: string;
  message: string;
  detail: string | null;
}

export interface SkippedFile {
  file: string;
  reason: string;
  detail: string;
}

export interface FindingTotal {
  code: string;
  error: number;
  warning: number;
  info: number;
  documents: number;
}

/** The overview blob. */
export interface ReportIndex {
  /** The output folder as given. */
  outDir: string;
  rows: OverviewRow[];
  findingTotals: FindingTotal[];
  failed: FailedFile[];
  skipped: SkippedFile[];
  /** Chinese notes on the outputs (unreadable lines, missing Document JSON). */
  notes: string[];
  /** Where images are: `inline` (data: URIs in the page) or `files` (a folder beside the page). */
  images: 'inline' | 'files' | 'none';
}
