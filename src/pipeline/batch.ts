import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import pLimit from 'p-limit';
import type { Document } from '../schema/document.js';
import { sameDepartmentAndYear } from '../scoring/index.js';
import type { OcrMode } from '../readers/types.js';
import { runOne, verify, type RunResult } from './run.js';

export const SUPPORTED_EXTENSIONS = ['.pdf', '.html', '.htm', '.docx', '.xlsx', '.txt', '.doc', '.xls', '.wps', '.et'];

/** Files named on the command line, folders expanded (recursively, sorted, supported extensions only). */
export async function collectInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (path: string, explicit: boolean): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const entries = (await readdir(path)).sort();
      for (const entry of entries) if (!entry.startsWith('.')) await walk(join(path, entry), false);
    } else if (explicit || SUPPORTED_EXTENSIONS.some((e) => path.toLowerCase().endsWith(e))) {
      out.push(path);
    }
  };
  for (const p of paths) await walk(p, true);
  return out;
}

/**
 * The companions of a document among others of the run: one per other kind, of the same department
 * and year; when a companion exists in several formats, the one in the document's own format (else the
 * first), so that findings do not repeat per twin and do not depend on which twins were in the run.
 */
export function chooseCompanions(doc: Document, candidates: readonly Document[]): Document[] {
  const byKind = new Map<string, Document[]>();
  for (const other of candidates) {
    if (other === doc || other.kind === doc.kind || other.kind === 'unknown' || !sameDepartmentAndYear(doc, other)) continue;
    byKind.set(other.kind, [...(byKind.get(other.kind) ?? []), other]);
  }
  return [...byKind.values()].map((list) => list.find((o) => o.source.format === doc.source.format) ?? (list[0] as Document));
}

/** One line of results.jsonl: what happened to one input. */
export interface BatchRow {
  file: string;
  ok: boolean;
  output: string | null;
  kind: string | null;
  department: string | null;
  fiscalYear: number | null;
  declaredTotal: number | null;
  recomputedTotal: number | null;
  errors: number;
  warnings: number;
  error: { code: string; message: string } | null;
}

export function summarize(result: RunResult, output: string | null): BatchRow {
  if (!result.ok) {
    return {
      file: result.file, ok: false, output: null, kind: null, department: null, fiscalYear: null,
      declaredTotal: null, recomputedTotal: null, errors: 1, warnings: 0,
      error: { code: result.error.code, message: result.error.message },
    };
  }
  const d = result.document;
  const findings = d.verification.findings;
  return {
    file: result.file,
    ok: true,
    output,
    kind: d.kind,
    department: d.department.name,
    fiscalYear: d.fiscalYear,
    declaredTotal: d.declared.total,
    recomputedTotal: d.verification.recomputedTotal,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length + d.warnings.length,
    error: null,
  };
}

export interface BatchOptions {
  outDir: string;
  concurrency?: number;
  onResult?: (row: BatchRow, done: number, total: number) => void;
  /** Which PDF pages to read by OCR (default `auto`). */
  ocr?: OcrMode;
}

/** `out/<input file name>.json`; two inputs with the same name in different folders get -2, -3 …. */
function outputNames(files: readonly string[]): string[] {
  const used = new Map<string, number>();
  return files.map((f) => {
    const name = `${basename(f)}.json`;
    const n = (used.get(name) ?? 0) + 1;
    used.set(name, n);
    return n === 1 ? name : name.replace(/\.json$/u, `-${n}.json`);
  });
}

/**
 * Read every file into out/<name>.json and out/results.jsonl. Each document is written as soon as it
 * is read, so memory holds one document per worker, not the batch; then tables and reports of the same
 * department and year are verified again together (cross-document checks) and rewritten.
 */
export async function runBatch(files: readonly string[], options: BatchOptions): Promise<BatchRow[]> {
  await mkdir(options.outDir, { recursive: true });
  const limit = pLimit(options.concurrency ?? 2);
  const names = outputNames(files);
  const rows: BatchRow[] = new Array(files.length);
  // Only what pairing needs stays in memory.
  const index: Array<{ i: number; path: string; year: number | null }> = [];
  let done = 0;
  await Promise.all(
    files.map((file, i) =>
      limit(async () => {
        const result = await runOne(file, [], options.ocr ? { ocr: options.ocr } : {});
        const output = join(options.outDir, names[i] as string);
        if (result.ok) {
          await writeFile(output, `${JSON.stringify(result.document, null, 2)}\n`);
          index.push({ i, path: output, year: result.document.fiscalYear });
        }
        rows[i] = summarize(result, result.ok ? output : null);
        done++;
        options.onResult?.(rows[i] as BatchRow, done, files.length);
      }),
    ),
  );

  // Cross-document pass: group by year, then pair by department inside the group.
  const byYear = new Map<number, typeof index>();
  for (const entry of index) if (entry.year !== null) byYear.set(entry.year, [...(byYear.get(entry.year) ?? []), entry]);
  for (const group of byYear.values()) {
    if (group.length < 2) continue;
    const docs = await Promise.all(group.map(async (g) => JSON.parse(await readFile(g.path, 'utf8')) as Document));
    for (const [k, doc] of docs.entries()) {
      const companions = chooseCompanions(doc, docs);
      if (companions.length === 0) continue;
      const entry = group[k] as (typeof group)[number];
      const verified = verify(doc, companions);
      await writeFile(entry.path, `${JSON.stringify(verified, null, 2)}\n`);
      rows[entry.i] = summarize({ ok: true, file: files[entry.i] as string, document: verified }, entry.path);
    }
  }
  await writeFile(join(options.outDir, 'results.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return rows;
}
