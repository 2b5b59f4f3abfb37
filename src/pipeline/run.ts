import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { SelfevalError, isSelfevalError } from '../errors.js';
import { readLayout } from '../readers/index.js';
import type { OcrMode } from '../readers/types.js';
import { Document } from '../schema/document.js';
import { verifyDocument } from '../scoring/index.js';
import { classify } from './classify.js';
import { lowOcrConfidenceWarnings } from './ocr-confidence.js';

export type { OcrMode };

export interface RunOptions {
  /** Which PDF pages to read by OCR (default `auto`: pages without a usable text layer). */
  ocr?: OcrMode;
}

export type RunResult =
  | { ok: true; file: string; document: Document }
  | { ok: false; file: string; error: SelfevalError };

function asSelfevalError(error: unknown, file: string): SelfevalError {
  if (isSelfevalError(error)) return error.withFile(file);
  const detail = error instanceof Error ? error.message : String(error);
  return new SelfevalError('READ_FAILED', { file, detail, cause: error });
}

/**
 * Read one file's bytes into a Document without its verification (the draft the batch keeps for
 * pairing companions). Never throws for bad input; returns the error as data.
 */
export async function extractDraft(bytes: Uint8Array, file: string, options: RunOptions = {}): Promise<RunResult> {
  try {
    const layout = await readLayout(bytes, { fileName: basename(file), ...(options.ocr ? { ocr: options.ocr } : {}) });
    const match = classify(layout);
    if (!match.ok) throw new SelfevalError('NOT_SELF_EVALUATION', { file, detail: match.detail });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const extracted = match.extractor.extract(layout, { path: file, sha256, kind: match.kind });
    extracted.kind = match.kind;
    extracted.classification = { score: match.score, evidence: match.evidence };
    for (const w of layout.warnings) extracted.warnings.push({ code: w.code, message: w.message, provenance: null });
    extracted.warnings.push(...lowOcrConfidenceWarnings(extracted));
    return { ok: true, file, document: { ...extracted, verification: emptyVerification() } as Document };
  } catch (error) {
    return { ok: false, file, error: asSelfevalError(error, file) };
  }
}

/**
 * Read one file's bytes into a verified Document. Reading is a pure function of the bytes: the path
 * is recorded, never used to decide anything. Never throws for bad input; returns the error as data.
 */
export async function extractBytes(bytes: Uint8Array, file: string, companions: readonly Document[] = [], options: RunOptions = {}): Promise<RunResult> {
  const draft = await extractDraft(bytes, file, options);
  if (!draft.ok) return draft;
  try {
    return { ok: true, file, document: verify(draft.document, companions) };
  } catch (error) {
    return { ok: false, file, error: asSelfevalError(error, file) };
  }
}

export async function runOne(file: string, companions: readonly Document[] = [], options: RunOptions = {}): Promise<RunResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    return { ok: false, file, error: new SelfevalError('READ_FAILED', { file, detail: (error as Error).message, cause: error }) };
  }
  return extractBytes(bytes, file, companions, options);
}

/** Score a document (again) with the given companions, and validate it against the schema. */
export function verify(document: Document, companions: readonly Document[] = []): Document {
  const { verification, warnings } = verifyDocument(document, { companions: [...companions] });
  const seen = new Set(document.warnings.map((w) => `${w.code}|${w.message}`));
  const merged = [...document.warnings, ...warnings.filter((w) => !seen.has(`${w.code}|${w.message}`))];
  return Document.parse({ ...document, verification, warnings: merged });
}

function emptyVerification(): Document['verification'] {
  return {
    rubric: null,
    scope: 'structural',
    declaredTotal: null,
    indicatorSum: null,
    recomputedTotal: null,
    grade: { declared: null, fromDeclaredTotal: null, fromRecomputedTotal: null },
    checks: [],
    findings: [],
    summary: { ok: 0, mismatch: 0, unverifiable: 0, missing: 0, notApplicable: 0, pointsVerified: 0, pointsTotal: null },
  };
}
