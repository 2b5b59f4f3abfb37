/**
 * `selfeval tables <files…> [--pages 1,3-end] [--format md|json|csv] [--ocr auto|always|never]`:
 * print every table found, one file at a time. PDFs go through the per-page table finder (ruled,
 * then unruled; scanned pages by OCR), with page furniture left out and tables continued across
 * page breaks joined; other formats through their reader. A file that cannot be read is reported on stderr and the others still print; the exit
 * code is 1 when any file failed.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { SelfevalError, isSelfevalError } from '../../errors.js';
import { applyGlyphVariants } from '../../layout/glyph-variants.js';
import type { Table } from '../../layout/model.js';
import { stitchTables } from '../../layout/table/stitch.js';
import { tablesToCsv, tablesToJsonLines, tablesToMarkdown, type FileTables } from '../../output/tables.js';
import { detectFormat, readLayout } from '../../readers/index.js';
import { checkPdfBytes, pageErrorToSelfevalError } from '../../readers/pdf/errors.js';
import { removeFurniture } from '../../readers/pdf/furniture.js';
import { readOcrPages } from '../../readers/pdf/ocr-pages.js';
import { readPdfPages, type PdfPageLayout } from '../../readers/pdf/pages.js';
import { withPdfDocument } from '../../readers/pdf/pdfjs.js';
import type { OcrMode } from '../../readers/types.js';
import { ocrOption } from '../ocr-option.js';

export type TablesFormat = 'json' | 'csv' | 'md';

/** A page range of `--pages`; `'end'` is the last page of each file. */
export interface PageRange {
  from: number | 'end';
  to: number | 'end';
}

export interface TablesOptions {
  /** 1-based pages (or ranges) to read; all pages when absent. */
  pages?: readonly number[] | readonly PageRange[];
  /** Which PDF pages to read by OCR (default `auto`). */
  ocr?: OcrMode;
}

const PAGE_HELP = '格式如 1,3-5、3-end、end 或 all（页码从 1 开始）';

/** Parse `--pages`: `all`, `end`, `1,3-5`, `3-end`. Throws a usage error in Chinese. */
export function parsePageList(value: string): PageRange[] {
  const ranges: PageRange[] = [];
  const bound = (s: string): number | 'end' => (s.toLowerCase() === 'end' ? 'end' : Number(s));
  for (const part of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    if (part.toLowerCase() === 'all') {
      ranges.push({ from: 1, to: 'end' });
      continue;
    }
    const match = /^(\d+|end)(?:\s*-\s*(\d+|end))?$/iu.exec(part);
    const from = match ? bound(match[1] as string) : Number.NaN;
    const to = match?.[2] === undefined ? from : bound(match[2]);
    const bad =
      !match ||
      (typeof from === 'number' && from < 1) ||
      (from === 'end' && to !== 'end') ||
      (typeof from === 'number' && typeof to === 'number' && (to < from || to - from > 100_000));
    if (bad) throw new InvalidArgumentError(`页码${PAGE_HELP}：${part}`);
    ranges.push({ from, to });
  }
  if (ranges.length === 0) throw new InvalidArgumentError(`页码不能为空，${PAGE_HELP}`);
  return ranges;
}

/** The pages a selection names in a file of `pageCount` pages, ascending, without duplicates. */
export function resolvePages(pages: readonly number[] | readonly PageRange[], pageCount: number): number[] {
  const out = new Set<number>();
  for (const p of pages) {
    if (typeof p === 'number') {
      if (Number.isInteger(p) && p >= 1 && p <= pageCount) out.add(p);
      continue;
    }
    const from = p.from === 'end' ? pageCount : p.from;
    const to = Math.min(p.to === 'end' ? pageCount : p.to, pageCount);
    for (let n = Math.max(1, from); n <= to; n++) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

function asSelfevalError(error: unknown, file: string): SelfevalError {
  if (isSelfevalError(error)) return error.withFile(file);
  return new SelfevalError('READ_FAILED', { file, detail: error instanceof Error ? error.message : String(error), cause: error });
}

/** Fewer characters than this per page on average, with images on the pages: a scan (as the PDF reader decides). */
const SCAN_CHARS_PER_PAGE = 10;

function assertTextLayer(pages: readonly PdfPageLayout[], fileName: string): void {
  const chars = pages.reduce((n, p) => n + p.textChars, 0);
  const images = pages.reduce((n, p) => n + p.images, 0);
  if (pages.length > 0 && chars < SCAN_CHARS_PER_PAGE * pages.length && images > 0) {
    const detail = `所读 ${pages.length} 页只有 ${chars} 个字符、${images} 幅图像，是扫描件，表格无法从文本中识别；请用 --ocr auto 或 always 识别`;
    throw new SelfevalError('NO_TEXT_LAYER', { file: fileName, detail });
  }
}

/**
 * The tables of a PDF's pages, in reading order within each page: scanned pages read by OCR
 * (`--ocr`, default auto), page furniture (page numbers, running headers) left out, and a table
 * continued on the next page joined into the page where it starts (with `pages` listing every
 * page it covers). A scan with OCR turned off says NO_TEXT_LAYER.
 */
async function pdfTables(bytes: Uint8Array, fileName: string, options: TablesOptions): Promise<{ pageCount: number; tables: Table[] }> {
  checkPdfBytes(bytes, fileName);
  return withPdfDocument(
    bytes,
    async (doc) => {
      let layouts: PdfPageLayout[];
      let ocr: Awaited<ReturnType<typeof readOcrPages>>;
      try {
        const text = await readPdfPages(doc, options.pages ? resolvePages(options.pages, doc.numPages) : undefined);
        ocr = await readOcrPages(doc, text, options.ocr ?? 'auto');
        if (ocr.ocrPages.length === 0) assertTextLayer(text, fileName);
        layouts = ocr.pages;
      } catch (error) {
        throw pageErrorToSelfevalError(error, null, fileName);
      }
      const bodyLines = removeFurniture(layouts.map((p) => ({ height: p.height, lines: p.lines })));
      const stitched = stitchTables(
        layouts.map((p, i) => ({ tables: p.tables, height: p.height, lineBoxes: (bodyLines[i] ?? []).flatMap((l) => (l.bbox ? [l.bbox] : [])) })),
      );
      const pages = layouts.map((p, i) => ({ number: p.number, width: p.width, height: p.height, blocks: (stitched[i] ?? []).map((table) => ({ type: 'table' as const, table })) }));
      // OCR'd values carry their confidence, and glyph-shared variants (戶 for 户) are mapped back in
      // simplified documents, as in the PDF reader.
      ocr.mark(pages);
      applyGlyphVariants(pages);
      return { pageCount: doc.numPages, tables: stitched.flat() };
    },
    { fileName },
  );
}

/** The tables of one file's bytes. `file` is the path as given, used for messages and output only. */
export async function tablesFromBytes(bytes: Uint8Array, file: string, options: TablesOptions = {}): Promise<FileTables> {
  try {
    const fileName = basename(file);
    if ((await detectFormat(bytes, fileName)) === 'pdf') {
      const { pageCount, tables } = await pdfTables(bytes, fileName, options);
      return { file, pages: pageCount, tables };
    }
    const layout = await readLayout(bytes, { fileName, ...(options.ocr ? { ocr: options.ocr } : {}) });
    const wanted = options.pages && layout.pageCount !== null ? new Set(resolvePages(options.pages, layout.pageCount)) : null;
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

/** Format one file's tables for the streaming formats (json, md). */
export function formatFileTables(result: FileTables, format: Exclude<TablesFormat, 'csv'>): string {
  if (format === 'json') {
    const lines = tablesToJsonLines(result);
    return lines === '' ? '' : `${lines}\n`;
  }
  return `${tablesToMarkdown(result)}\n`;
}

/**
 * Run the command over files; resolves to the exit code. JSON and Markdown are written as each
 * file finishes; CSV once at the end, since its width is the widest table's.
 */
export async function runTables(
  files: readonly string[],
  options: TablesOptions & { format: TablesFormat },
  out: (text: string) => void = (t) => process.stdout.write(t),
  err: (text: string) => void = (t) => process.stderr.write(t),
): Promise<number> {
  let failed = 0;
  const forCsv: FileTables[] = [];
  for (const file of files) {
    try {
      const result = await tablesForFile(file, options);
      if (options.format === 'csv') forCsv.push(result);
      else out(formatFileTables(result, options.format));
    } catch (error) {
      failed++;
      err(`selfeval tables: ${asSelfevalError(error, file).message}\n`);
    }
  }
  if (options.format === 'csv') out(tablesToCsv(forCsv));
  return failed > 0 ? 1 : 0;
}

const HELP_AFTER = `
输出格式（--format）：
  md    默认。每个表一个标题（文件、页码、表序号、行×列），下面是 Markdown 表格。
  json  JSON Lines：每行一个表，按文件和阅读顺序排列，字段为
          file, table（文件内从 1 起的序号）, page（起始页）, pages（跨页表的全部页码）,
          bbox（PDF 点，左上角为原点）, rowCount, colCount,
          rows（密集网格：合并单元格的文字在其左上位置，被覆盖的位置为空串）,
          cells（每个单元格一次：row, col, rowSpan, colSpan, text, page, bbox, header）。
        没有表格的文件不输出任何行。
  csv   一个矩形 CSV（UTF-8 BOM，CRLF，RFC 4180），表头为
          file,page,table,row,col1…colN
        N 为所有表中最多的列数，较窄的表用空字段补齐；多个表以 (file, table) 区分，
        page 为该行文字所在页，row 为表内从 1 起的行号。以 = + - @ 开头的文字前加 ' 防公式注入。

页码（--pages）：1,3-5 ｜ 3-end（第 3 页到最后一页）｜ end（最后一页）｜ all（默认，全部页）。
扫描页（无文本层）默认做 OCR（--ocr auto；always 为每页都做，never 为不做）；不做 OCR 时扫描件报 NO_TEXT_LAYER。
某个文件读取失败时在 stderr 报告，其余文件照常输出，退出码为 1。

示例：
  selfeval tables report.pdf
  selfeval tables report.pdf --pages 3-end --format json
  selfeval tables a.pdf b.pdf --format csv > tables.csv
  selfeval tables report.pdf --format csv | python3 -c 'import pandas,sys; print(pandas.read_csv(sys.stdin))'
`;

export function registerTables(program: Command): void {
  program
    .command('tables')
    .description('找出文件中的全部表格并输出（PDF 的有框线表和无框线表，跨页表合并为一个；扫描页可 OCR；以及 HTML/DOCX/XLSX 表格），合并单元格保留为跨行跨列')
    .argument('<files...>', '要读取的文件')
    .option('-p, --pages <list>', `只读这些页（PDF），${PAGE_HELP}`, parsePageList)
    .addOption(new Option('-f, --format <format>', '输出格式：md、json（每行一个表）或 csv（一个矩形表）').choices(['json', 'csv', 'md']).default('md'))
    .addOption(ocrOption())
    .addHelpText('after', HELP_AFTER)
    .action(async (files: string[], opts: { pages?: PageRange[]; format: TablesFormat; ocr: OcrMode }) => {
      // `selfeval tables … | head` closes the pipe early: stop quietly instead of crashing.
      process.stdout.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw error;
      });
      const code = await runTables(files, opts.pages ? { pages: opts.pages, format: opts.format, ocr: opts.ocr } : { format: opts.format, ocr: opts.ocr });
      process.exitCode = Math.max(typeof process.exitCode === 'number' ? process.exitCode : 0, code);
    });
}
