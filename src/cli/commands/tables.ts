/**
 * `selfeval tables <files…> [--pages 1,3-5] [--format json|csv|md]`: print every table found, one
 * file at a time. PDFs go through the per-page table finder (ruled, then unruled); other formats
 * through their reader. A file that cannot be read is reported on stderr and the others still
 * print; the exit code is 1 when any file failed.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { SelfevalError, isSelfevalError } from '../../errors.js';
import type { Table } from '../../layout/model.js';
import { tablesToCsv, tablesToJsonLine, tablesToMarkdown, type FileTables } from '../../output/tables.js';
import { detectFormat, readLayout } from '../../readers/index.js';
import { readPdfTables } from '../../readers/pdf/tables.js';
import type { OcrMode } from '../../readers/types.js';
import { ocrOption } from '../ocr-option.js';

export type TablesFormat = 'json' | 'csv' | 'md';

export interface TablesOptions {
  /** 1-based pages to read (PDF only); all pages when absent. */
  pages?: number[];
  /** Which PDF pages to read by OCR (default `auto`). */
  ocr?: OcrMode;
}

/** Parse `1,3-5` into [1, 3, 4, 5] (sorted, no duplicates); throws a usage error in Chinese. */
export function parsePageList(value: string): number[] {
  const pages = new Set<number>();
  for (const part of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const match = /^(\d+)(?:\s*-\s*(\d+))?$/u.exec(part);
    const from = match ? Number(match[1]) : Number.NaN;
    const to = match?.[2] === undefined ? from : Number(match[2]);
    if (!match || from < 1 || to < from || to - from > 100_000) {
      throw new InvalidArgumentError(`页码格式应为 1,3-5（页码从 1 开始）：${part}`);
    }
    for (let p = from; p <= to; p++) pages.add(p);
  }
  if (pages.size === 0) throw new InvalidArgumentError('页码不能为空，格式如 1,3-5');
  return [...pages].sort((a, b) => a - b);
}

function asSelfevalError(error: unknown, file: string): SelfevalError {
  if (isSelfevalError(error)) return error.withFile(file);
  return new SelfevalError('READ_FAILED', { file, detail: error instanceof Error ? error.message : String(error), cause: error });
}

/** The tables of one file's bytes. `file` is the path as given, used for messages and output only. */
export async function tablesFromBytes(bytes: Uint8Array, file: string, options: TablesOptions = {}): Promise<FileTables> {
  try {
    const fileName = basename(file);
    if ((await detectFormat(bytes, fileName)) === 'pdf') {
      const ocr = options.ocr ? { ocr: options.ocr } : {};
      const { pageCount, tables } = await readPdfTables(bytes, options.pages ? { fileName, pages: options.pages, ...ocr } : { fileName, ...ocr });
      return { file, pages: pageCount, tables };
    }
    const layout = await readLayout(bytes, { fileName, ...(options.ocr ? { ocr: options.ocr } : {}) });
    const wanted = options.pages ? new Set(options.pages) : null;
    const tables: Table[] = [];
    for (const page of layout.pages) {
      if (wanted && page.number !== null && !wanted.has(page.number)) continue;
      for (const block of page.blocks) if (block.type === 'table') tables.push(block.table);
    }
    return { file, pages: layout.pageCount, tables };
  } catch (error) {
    throw asSelfevalError(error, file);
  }
}

/** The tables of one file on disk (the command's core, also used by tests and the benchmark). */
export async function tablesForFile(file: string, options: TablesOptions = {}): Promise<FileTables> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '是文件夹，不是文件' : error instanceof Error ? error.message : String(error);
    throw new SelfevalError('READ_FAILED', { file, detail, cause: error });
  }
  return tablesFromBytes(bytes, file, options);
}

/** Format one file's tables; `first` says whether this is the first output (CSV BOM and header). */
export function formatFileTables(result: FileTables, format: TablesFormat, first: boolean): string {
  if (format === 'json') return `${tablesToJsonLine(result)}\n`;
  if (format === 'csv') return tablesToCsv(result, { bom: first, header: first });
  return `${tablesToMarkdown(result)}\n`;
}

/** Run the command over files, writing as each file finishes; resolves to the exit code. */
export async function runTables(
  files: readonly string[],
  options: TablesOptions & { format: TablesFormat },
  out: (text: string) => void = (t) => process.stdout.write(t),
  err: (text: string) => void = (t) => process.stderr.write(t),
): Promise<number> {
  let failed = 0;
  let first = true;
  for (const file of files) {
    try {
      const result = await tablesForFile(file, options);
      out(formatFileTables(result, options.format, first));
      first = false;
    } catch (error) {
      failed++;
      err(`selfeval tables: ${asSelfevalError(error, file).message}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

export function registerTables(program: Command): void {
  program
    .command('tables')
    .description('print every table found in the files (ruled and unruled PDF tables, HTML/DOCX/XLSX tables)')
    .argument('<files...>', 'files to read')
    .option('-p, --pages <list>', 'pages to read, e.g. 1,3-5 (PDF)', parsePageList)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'csv', 'md']).default('md'))
    .addOption(ocrOption())
    .action(async (files: string[], opts: { pages?: number[]; format: TablesFormat; ocr: OcrMode }) => {
      // `selfeval tables … | head` closes the pipe early: stop quietly instead of crashing.
      process.stdout.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw error;
      });
      const code = await runTables(files, opts.pages ? { pages: opts.pages, format: opts.format, ocr: opts.ocr } : { format: opts.format, ocr: opts.ocr });
      process.exitCode = Math.max(typeof process.exitCode === 'number' ? process.exitCode : 0, code);
    });
}
