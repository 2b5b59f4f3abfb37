/**
 * selfeval as a library: read government performance self-evaluations (自评表, 自评报告, 自评表说明,
 * 项目支出绩效自评表) from PDF, HTML, DOCX, XLSX or text into one canonical {@link Document}, and
 * re-verify every declared score.
 *
 * ```js
 * import { readDocument } from 'selfeval';
 * const doc = await readDocument('samples/liwan-2023-table.txt');
 * console.log(doc.department.name, doc.declared.total, doc.verification.summary);
 * ```
 *
 * Everything exported here is the public API (semantic versioning applies to it); every other module
 * of the package is internal. This is the one module that may re-export from every layer.
 *
 * @packageDocumentation
 */
import { basename } from 'node:path';
import { SelfevalError, isSelfevalError } from './errors.js';
import type { LayoutDocument, Table } from './layout/model.js';
import { parseDocument as parseDocumentValue } from './pipeline/document-json.js';
import { readInputBytes, readInputFileBytes } from './pipeline/read-input.js';
import { verify } from './pipeline/run.js';
import { readLayout as readLayoutBytes, detectFormat } from './readers/index.js';
import { readPdfTables } from './readers/pdf/tables.js';
import { loadRubric } from './rubrics/index.js';
import type { Document } from './schema/document.js';
import { packageVersion } from './cli/version.js';

// ---- Data contract: zod schemas (runtime validators) and their types, the JSON Schemas ----
export * from './schema/index.js';
export { documentJsonSchema, resultLineJsonSchema } from './schema/json-schema.js';

// ---- Errors ----
export { SelfevalError, isSelfevalError, ERROR_CODES, errorMessage } from './errors.js';
export type { ErrorCode } from './errors.js';

// ---- Layout model (what readers produce) ----
export type { Anchor, Block, Cell, LayoutDocument, LayoutPage, LayoutWarning, Line, Table, Format as LayoutFormat } from './layout/model.js';

// ---- Rubrics (评分标准) ----
export { listRubrics, loadRubric, selectRubric } from './rubrics/index.js';
export type { Rubric, RubricEntry, RubricQuery, RubricSelection } from './rubrics/index.js';

/** The version of this package (as in its package.json). */
export const VERSION: string = packageVersion();

/** A file path, or the bytes of a file. */
export type Input = string | Uint8Array;

/** Options of {@link readDocument}. */
export interface ReadDocumentOptions {
  /**
   * The path recorded in `source.path` for bytes (default `"<bytes>"`); its extension is also a
   * format hint for formats without a signature (`.txt`, `.html`). Ignored for a path input.
   */
  fileName?: string;
  /** Other documents of the same department and year (a table's report): their figures are used. */
  companions?: readonly Document[];
  /** Score by this rubric (see {@link listRubrics}) instead of choosing one by region and year. */
  rubricId?: string;
}

/** Options of {@link verifyDocument}. */
export interface VerifyDocumentOptions {
  /** Other documents of the same department and year (a table's report): their figures are used. */
  companions?: readonly Document[];
  /** Score by this rubric (see {@link listRubrics}) instead of choosing one by region and year. */
  rubricId?: string;
}

async function bytesAndName(input: Input, fileName: string | undefined): Promise<{ bytes: Uint8Array; file: string; hint: string }> {
  if (typeof input === 'string') return { bytes: await readInputFileBytes(input), file: input, hint: basename(input) };
  if (!(input instanceof Uint8Array)) throw new TypeError('input must be a file path (string) or the file bytes (Uint8Array)');
  // Nameless bytes: the readers name the format from the content alone.
  return { bytes: input, file: fileName ?? '<bytes>', hint: fileName === undefined ? '' : basename(fileName) };
}

/** An unknown rubric id is a programming error, reported before any reading (loadRubric names the available ones). */
function checkRubricId(rubricId: string | undefined): void {
  if (rubricId !== undefined) loadRubric(rubricId);
}

/**
 * Read a file (path) or its bytes into a verified {@link Document}: the format is found from the
 * content, the document kind from its text; the scores are re-verified against the rubric for its
 * region and year (or `options.rubricId`). A Document JSON written by selfeval is validated and
 * verified again instead of being read.
 *
 * Reading is a pure function of the bytes: the same bytes give the same Document.
 *
 * @throws {@link SelfevalError} for input that cannot be read (code `ENCRYPTED`, `NO_TEXT_LAYER`,
 *   `NOT_SELF_EVALUATION`, … see {@link ERROR_CODES}); the message is Chinese and names the file.
 * @throws Error for an unknown `rubricId`.
 */
export async function readDocument(input: Input, options: ReadDocumentOptions = {}): Promise<Document> {
  checkRubricId(options.rubricId);
  const { bytes, file, hint } = await bytesAndName(input, options.fileName);
  const result = await readInputBytes(bytes, file, { fileName: hint, ...(options.rubricId === undefined ? {} : { rubricId: options.rubricId }) });
  if (!result.ok) throw result.error;
  const companions = options.companions ?? [];
  if (companions.length === 0) return result.document;
  return verifyDocument(result.document, options);
}

/**
 * Verify a Document again, optionally with companions (documents of the same department and year,
 * e.g. the report of a table, whose figures fill in what the document lacks) or a chosen rubric.
 * Accepts a Document or its parsed JSON (e.g. `JSON.parse` of `out/x.json`), which is validated first.
 * Returns a new Document; the input is not changed.
 *
 * @throws {@link SelfevalError} with code `INVALID_DOCUMENT` when the value is not a schema-version-2 Document.
 */
export function verifyDocument(document: Document | unknown, options: VerifyDocumentOptions = {}): Document {
  checkRubricId(options.rubricId);
  const parsed = parseDocument(document);
  const companions = (options.companions ?? []).map((c) => parseDocument(c));
  return verify(parsed, companions, options.rubricId === undefined ? {} : { rubricId: options.rubricId });
}

/**
 * Validate a value as a schema-version-2 {@link Document} (defaults filled in).
 *
 * @throws {@link SelfevalError} with code `INVALID_DOCUMENT` naming the first invalid field.
 */
export function parseDocument(value: unknown): Document {
  const file = typeof value === 'object' && value !== null && 'source' in value ? ((value as { source?: { path?: unknown } }).source?.path ?? null) : null;
  return parseDocumentValue(value, typeof file === 'string' ? file : null);
}

/** Options of {@link readLayout} and {@link findTables}. */
export interface LayoutOptions {
  /** For bytes: the name used in messages, and a format hint for formats without a signature. */
  fileName?: string;
}

/**
 * Read a file (path) or its bytes into the layout model every extractor reads: pages of lines and
 * tables, each cell with its row/column spans, page and box (PDF points, top-left origin).
 *
 * @throws {@link SelfevalError} for input that cannot be read.
 */
export async function readLayout(input: Input, options: LayoutOptions = {}): Promise<LayoutDocument> {
  const { bytes, file, hint } = await bytesAndName(input, options.fileName);
  try {
    return await readLayoutBytes(bytes, { fileName: hint });
  } catch (error) {
    throw isSelfevalError(error) ? error.withFile(file) : error;
  }
}

/** Options of {@link findTables}. */
export interface FindTablesOptions extends LayoutOptions {
  /** 1-based pages to read (PDF only); every page when absent. */
  pages?: readonly number[];
}

/** The tables of a file, in reading order. */
export interface FoundTables {
  /** Pages of the PDF; null for formats without pages. */
  pageCount: number | null;
  tables: Table[];
}

/**
 * Find every table in a PDF, ruled or unruled, page by page (not stitched across pages), with merged
 * cells kept as spans and every cell's page and box. Other formats give the tables their reader finds.
 *
 * @throws {@link SelfevalError} for input that cannot be read (`NO_TEXT_LAYER` for a scan, …).
 */
export async function findTables(input: Input, options: FindTablesOptions = {}): Promise<FoundTables> {
  const { bytes, file, hint: fileName } = await bytesAndName(input, options.fileName);
  try {
    if ((await detectFormat(bytes, fileName)) === 'pdf') {
      const { pageCount, tables } = await readPdfTables(bytes, options.pages ? { fileName, pages: [...options.pages] } : { fileName });
      return { pageCount, tables };
    }
    const layout = await readLayoutBytes(bytes, { fileName });
    const wanted = options.pages ? new Set(options.pages) : null;
    const tables = layout.pages
      .filter((page) => !wanted || page.number === null || wanted.has(page.number))
      .flatMap((page) => page.blocks.flatMap((block) => (block.type === 'table' ? [block.table] : [])));
    return { pageCount: layout.pageCount, tables };
  } catch (error) {
    if (isSelfevalError(error)) throw error.withFile(file);
    throw new SelfevalError('READ_FAILED', { file, detail: error instanceof Error ? error.message : String(error), cause: error });
  }
}
