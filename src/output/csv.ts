/**
 * The batch's CSV files for Excel and pandas: UTF-8 with a BOM, RFC 4180 (CRLF, fields quoted when
 * needed, by csv-stringify), rectangular (one fixed header per file), and text cells that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) escaped with a
 * leading apostrophe. Each file is written to a temporary name and renamed when complete.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { stringify, type Stringifier } from 'csv-stringify';
import type { Document } from '../schema/document.js';
import {
  DOCUMENT_COLUMNS, ERROR_COLUMNS, FINDING_COLUMNS, INDICATOR_COLUMNS, SKIPPED_COLUMNS, TARGET_COLUMNS,
  documentRow, errorRow, findingRows, indicatorRows, targetRows, type LineInput, type Row, type Value,
} from './records.js';

/** A text cell Excel or LibreOffice would evaluate: prefixed with `'` so it stays text. */
export function escapeFormula(value: Value): Value {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
}

/** One CSV file being written row by row (streamed: the batch is never held whole). */
export class CsvFile {
  private readonly stringifier: Stringifier;
  private readonly stream: WriteStream;
  private readonly temp: string;
  private readonly done: Promise<void>;

  constructor(
    readonly path: string,
    private readonly columns: readonly string[],
  ) {
    this.temp = join(dirname(path), `.${basename(path)}.selfeval-tmp-${randomBytes(6).toString('hex')}`);
    this.stream = createWriteStream(this.temp);
    this.stringifier = stringify({
      bom: true,
      header: true,
      columns: columns.map((key) => ({ key })),
      record_delimiter: 'windows',
      cast: { boolean: (v) => (v ? 'true' : 'false'), number: (v) => String(v) },
    });
    this.stringifier.pipe(this.stream);
    this.done = new Promise((resolve, reject) => {
      this.stream.on('finish', resolve);
      this.stream.on('error', reject);
      this.stringifier.on('error', reject);
    });
  }

  async write(row: Row): Promise<void> {
    const record: Record<string, Value> = {};
    for (const c of this.columns) record[c] = escapeFormula(row[c] ?? null);
    if (!this.stringifier.write(record)) await new Promise((resolve) => this.stringifier.once('drain', resolve));
  }

  async close(): Promise<void> {
    this.stringifier.end();
    await this.done;
    await rename(this.temp, this.path);
  }

  async abort(): Promise<void> {
    this.stringifier.destroy();
    this.stream.destroy();
    await rm(this.temp, { force: true });
  }
}

export interface SkippedRow {
  file: string;
  reason: string;
  detail: string;
}

export const CSV_FILES = ['documents.csv', 'indicators.csv', 'targets.csv', 'findings.csv', 'errors.csv', 'skipped.csv'] as const;

/**
 * Write the six CSV files of a batch into `outDir`, one input at a time in batch order: each read
 * document's JSON output is loaded, turned into rows and let go.
 */
export async function writeBatchCsv(outDir: string, lines: readonly LineInput[], skipped: readonly SkippedRow[]): Promise<void> {
  const files = {
    documents: new CsvFile(join(outDir, 'documents.csv'), DOCUMENT_COLUMNS),
    indicators: new CsvFile(join(outDir, 'indicators.csv'), INDICATOR_COLUMNS),
    targets: new CsvFile(join(outDir, 'targets.csv'), TARGET_COLUMNS),
    findings: new CsvFile(join(outDir, 'findings.csv'), FINDING_COLUMNS),
    errors: new CsvFile(join(outDir, 'errors.csv'), ERROR_COLUMNS),
    skipped: new CsvFile(join(outDir, 'skipped.csv'), SKIPPED_COLUMNS),
  };
  try {
    for (const line of lines) {
      await files.documents.write(documentRow(line));
      const error = errorRow(line);
      if (error) await files.errors.write(error);
      if (!line.ok || line.output === null) continue;
      const document = JSON.parse(await readFile(join(outDir, line.output), 'utf8')) as Document;
      for (const row of indicatorRows(line, document)) await files.indicators.write(row);
      for (const row of targetRows(line, document)) await files.targets.write(row);
      for (const row of findingRows(line, document)) await files.findings.write(row);
    }
    for (const s of skipped) await files.skipped.write({ file: s.file, reason: s.reason, detail: s.detail });
    for (const f of Object.values(files)) await f.close();
  } catch (error) {
    for (const f of Object.values(files)) await f.abort();
    throw error;
  }
}
