/**
 * The batch's SQLite database (better-sqlite3): tables documents, indicators, targets, findings,
 * errors and runs, created by numbered migrations (PRAGMA user_version says which have run).
 * Re-importing a file replaces its rows in one transaction; a file whose output is unchanged since
 * the last import is left as it is. One row in runs per completed import.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Document } from '../schema/document.js';
import { documentRow, errorRow, findingRows, indicatorRows, targetRows, type LineInput, type Row } from './records.js';

/** Migrations, in order; migration n brings user_version from n-1 to n. Never edit one that shipped: add one. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE runs (
     id INTEGER PRIMARY KEY,
     finished_at TEXT NOT NULL,
     tool TEXT NOT NULL,
     out_dir TEXT NOT NULL,
     files INTEGER NOT NULL, read INTEGER NOT NULL, resumed INTEGER NOT NULL,
     failed INTEGER NOT NULL, skipped INTEGER NOT NULL
   );
   CREATE TABLE documents (
     id INTEGER PRIMARY KEY,
     file TEXT NOT NULL UNIQUE,
     output TEXT, sha256 TEXT, output_sha256 TEXT,
     format TEXT, kind TEXT, status TEXT NOT NULL CHECK (status IN ('ok', 'failed')), error_code TEXT,
     province TEXT, city TEXT, county TEXT, region_code TEXT,
     department TEXT, department_key TEXT, project TEXT, fiscal_year INTEGER,
     declared_total REAL, recomputed_total REAL, grade_declared TEXT, grade_recomputed TEXT,
     checks_ok INTEGER, checks_mismatch INTEGER, checks_unverifiable INTEGER, checks_missing INTEGER,
     points_verified REAL, points_total REAL,
     errors INTEGER NOT NULL, warnings INTEGER NOT NULL, finding_codes TEXT, pages INTEGER,
     run_id INTEGER REFERENCES runs(id)
   );
   CREATE INDEX documents_department ON documents(department_key, fiscal_year);
   CREATE INDEX documents_year ON documents(fiscal_year);
   CREATE INDEX documents_county ON documents(county);
   CREATE TABLE indicators (
     id INTEGER PRIMARY KEY,
     document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     position INTEGER NOT NULL, level1 TEXT, level2 TEXT, indicator TEXT, rubric_id TEXT, part INTEGER,
     weight REAL, declared_score REAL, recomputed REAL, check_status TEXT, score_inferred INTEGER,
     page INTEGER, source_text TEXT
   );
   CREATE INDEX indicators_document ON indicators(document_id);
   CREATE INDEX indicators_rubric ON indicators(rubric_id);
   CREATE TABLE targets (
     id INTEGER PRIMARY KEY,
     document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     category TEXT, position INTEGER, name TEXT,
     target_text TEXT, target_value REAL, target_unit TEXT,
     actual_text TEXT, actual_value REAL, actual_unit TEXT, unmet_reason TEXT,
     page INTEGER, source_text TEXT
   );
   CREATE INDEX targets_document ON targets(document_id);
   CREATE TABLE findings (
     id INTEGER PRIMARY KEY,
     document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     code TEXT NOT NULL, severity TEXT NOT NULL, indicator TEXT, rubric_id TEXT, rule TEXT,
     expected REAL, actual REAL, message TEXT NOT NULL, page INTEGER, source_text TEXT
   );
   CREATE INDEX findings_document ON findings(document_id);
   CREATE INDEX findings_code ON findings(code);
   CREATE TABLE errors (
     id INTEGER PRIMARY KEY,
     document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     file TEXT NOT NULL, stage TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, detail TEXT
   );
   CREATE INDEX errors_document ON errors(document_id);
   CREATE INDEX errors_code ON errors(code);`,
];

export class DatabaseError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`无法写入数据库 ${path}：${reason}`);
    this.name = 'DatabaseError';
  }
}

type Db = Database.Database;

export function openDatabase(path: string): Db {
  let db: Db;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const reason = /CANTOPEN/u.test(code) ? '无法打开（文件夹不存在或没有权限）' : /READONLY/u.test(code) ? '只读' : /NOTADB/u.test(code) ? '不是 SQLite 数据库' : (error as Error).message;
    throw new DatabaseError(path, reason);
  }
  return db;
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

function sqlValue(v: Row[string]): string | number | null {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v ?? null;
}

function inserter(db: Db, table: string, columns: readonly string[]): (row: Row, extra?: Record<string, string | number>) => number {
  const names = [...columns];
  const statements = new Map<string, Database.Statement>();
  return (row, extra = {}) => {
    const all = [...names, ...Object.keys(extra)];
    const key = all.join(',');
    let stmt = statements.get(key);
    if (!stmt) {
      stmt = db.prepare(`INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
      statements.set(key, stmt);
    }
    return Number(stmt.run(...names.map((c) => sqlValue(row[c] ?? null)), ...Object.values(extra)).lastInsertRowid);
  };
}

const DOC_COLUMNS = ['file', 'output', 'sha256', 'format', 'kind', 'status', 'error_code', 'province', 'city', 'county', 'region_code', 'department',
  'department_key', 'project', 'fiscal_year', 'declared_total', 'recomputed_total', 'grade_declared', 'grade_recomputed', 'checks_ok',
  'checks_mismatch', 'checks_unverifiable', 'checks_missing', 'points_verified', 'points_total', 'errors', 'warnings', 'finding_codes', 'pages'];
const IND_COLUMNS = ['position', 'level1', 'level2', 'indicator', 'rubric_id', 'part', 'weight', 'declared_score', 'recomputed', 'check_status', 'score_inferred', 'page', 'source_text'];
const TGT_COLUMNS = ['category', 'position', 'name', 'target_text', 'target_value', 'target_unit', 'actual_text', 'actual_value', 'actual_unit', 'unmet_reason', 'page', 'source_text'];
const FND_COLUMNS = ['code', 'severity', 'indicator', 'rubric_id', 'rule', 'expected', 'actual', 'message', 'page', 'source_text'];
const ERR_COLUMNS = ['file', 'stage', 'code', 'message', 'detail'];

export interface ImportSummary {
  tool: string;
  outDir: string;
  read: number;
  resumed: number;
  skipped: number;
}

export interface ImportResult {
  imported: number;
  unchanged: number;
  removed: number;
}

/**
 * Import a batch: per input, its rows replaced in one transaction unless its output is unchanged.
 * With `prune`, documents of files no longer in the batch are deleted too.
 */
export async function importBatch(db: Db, outDir: string, lines: readonly LineInput[], summary: ImportSummary, prune = false): Promise<ImportResult> {
  const insertDoc = inserter(db, 'documents', DOC_COLUMNS);
  const insertInd = inserter(db, 'indicators', IND_COLUMNS);
  const insertTgt = inserter(db, 'targets', TGT_COLUMNS);
  const insertFnd = inserter(db, 'findings', FND_COLUMNS);
  const insertErr = inserter(db, 'errors', ERR_COLUMNS);
  const existing = db.prepare('SELECT output_sha256 AS h, status FROM documents WHERE file = ?');
  const remove = db.prepare('DELETE FROM documents WHERE file = ?');
  const setRun = db.prepare('UPDATE documents SET run_id = ? WHERE file = ?');
  const result: ImportResult = { imported: 0, unchanged: 0, removed: 0 };
  const runId = Number(
    db.prepare('INSERT INTO runs (finished_at, tool, out_dir, files, read, resumed, failed, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(new Date().toISOString(), summary.tool, outDir, lines.length, summary.read, summary.resumed, lines.filter((l) => !l.ok).length, summary.skipped).lastInsertRowid,
  );
  for (const line of lines) {
    const text = line.ok && line.output ? await readFile(join(outDir, line.output), 'utf8') : null;
    const hash = createHash('sha256').update(text ?? JSON.stringify(line)).digest('hex');
    const before = existing.get(line.file) as { h: string | null; status: string } | undefined;
    if (before?.h === hash) {
      setRun.run(runId, line.file);
      result.unchanged++;
      continue;
    }
    const document = text === null ? null : (JSON.parse(text) as Document);
    db.transaction(() => {
      remove.run(line.file);
      const id = insertDoc(documentRow(line), { output_sha256: hash, run_id: runId });
      const error = errorRow(line);
      if (error) insertErr(error, { document_id: id });
      if (document) {
        for (const row of indicatorRows(line, document)) insertInd(row, { document_id: id });
        for (const row of targetRows(line, document)) insertTgt(row, { document_id: id });
        for (const row of findingRows(line, document)) insertFnd(row, { document_id: id });
      }
    })();
    result.imported++;
  }
  if (prune) {
    const keep = new Set(lines.map((l) => l.file));
    const all = db.prepare('SELECT file FROM documents').all() as Array<{ file: string }>;
    db.transaction(() => {
      for (const { file } of all) if (!keep.has(file)) result.removed += remove.run(file).changes;
    })();
  }
  return result;
}
