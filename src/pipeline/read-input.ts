/**
 * One input for the single-document commands (`verify`) and the library: a file selfeval reads, or a
 * Document JSON it wrote before (re-verified, not re-read). Never throws for bad input.
 */
import { readFile } from 'node:fs/promises';
import { SelfevalError, isSelfevalError } from '../errors.js';
import { listRubrics } from '../rubrics/index.js';
import { parseDocumentJson } from './document-json.js';
import { extractBytes, verify, type RunOptions, type RunResult } from './run.js';

export interface ReadInputOptions extends RunOptions {
  /** Score by this rubric instead of choosing one by region and year. */
  rubricId?: string;
}

function asSelfevalError(error: unknown, file: string): SelfevalError {
  if (isSelfevalError(error)) return error.withFile(file);
  return new SelfevalError('READ_FAILED', { file, detail: error instanceof Error ? error.message : String(error), cause: error });
}

/** The ids of the rubrics selfeval ships (`gz-2022`, `gz-2023`, …). */
export function rubricIds(): string[] {
  return listRubrics().map((r) => r.id);
}

/** Bytes → a verified Document: a Document JSON is validated and verified again; anything else is read. */
export async function readInputBytes(bytes: Uint8Array, file: string, options: ReadInputOptions = {}): Promise<RunResult> {
  const rubric = options.rubricId === undefined ? {} : { rubricId: options.rubricId };
  try {
    const json = parseDocumentJson(bytes, file);
    if (json) return { ok: true, file, document: verify(json, [], rubric) };
  } catch (error) {
    return { ok: false, file, error: asSelfevalError(error, file) };
  }
  // Every reading option (file-name hint, OCR mode …) goes to the reader; the rubric only to scoring.
  const { rubricId: _rubricId, ...reading } = options;
  const result = await extractBytes(bytes, file, [], reading);
  if (!result.ok || options.rubricId === undefined) return result;
  return { ...result, document: verify(result.document, [], rubric) };
}

/** The bytes of a file on disk; READ_FAILED with a Chinese reason when it cannot be read. */
export async function readInputFileBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '是文件夹，不是文件' : code === 'EACCES' ? '没有读取权限' : (error as Error).message;
    throw new SelfevalError('READ_FAILED', { file, detail, cause: error });
  }
}

/** A file on disk → a verified Document (see readInputBytes). */
export async function readInputFile(file: string, options: ReadInputOptions = {}): Promise<RunResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFileBytes(file);
  } catch (error) {
    return { ok: false, file, error: asSelfevalError(error, file) };
  }
  return readInputBytes(bytes, file, options);
}
