/**
 * `selfeval extract <files or folders…> --out DIR`: the auditor's bulk import. Exit codes: 0 every
 * file read; 1 some failed (the others written); 2 usage; 3 the output folder or database cannot be
 * written; 4 `--fail-on` found a finding of that severity; 130 interrupted (Ctrl-C).
 */
import { buffer } from 'node:stream/consumers';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { writeBatchCsv } from '../../output/csv.js';
import { DatabaseError, importBatch, openDatabase, type ImportResult } from '../../output/sqlite.js';
import {
  collectInputs, DEFAULT_OCR_PAGE_TIMEOUT_S, DEFAULT_TIMEOUT_S, OutputFolderError, runBatch, toolVersion, type BatchResult, type ResultLine,
} from '../../pipeline/batch.js';
import { defaultJobs, MAX_OCR_PAGES_TIMED } from '../../pipeline/pool.js';
import type { OcrMode } from '../../pipeline/run.js';
import { formatTable } from '../format.js';
import { ocrOption } from '../ocr-option.js';
import { createProgress, lineCells } from '../progress.js';
import { writeReportAndSay } from './report.js';

interface ExtractOptions {
  out: string;
  jobs?: number;
  db?: string;
  force?: boolean;
  prune?: boolean;
  timeout: number;
  ocrPageTimeout: number;
  ocrJobs?: number;
  maxMemory: number;
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
  failOn?: 'error' | 'warning';
  progress: boolean;
  ocr: OcrMode;
  report?: boolean;
}

function positiveInteger(name: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/u.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError(`${name} 必须是正整数：${value}`);
    return Number(value);
  };
}

const HELP_AFTER = `
示例：
  selfeval extract 自评材料/ --out out                     读取整个文件夹（含子文件夹）
  selfeval extract a.pdf b.docx --out out --jobs 2       指定文件，2 个线程
  selfeval extract 自评材料/ --out out --db audit.sqlite   同时写入 SQLite 数据库
  cat x.pdf | selfeval extract - --out out               从标准输入读取
  selfeval extract 自评材料/ --out out --fail-on error     有 error 级问题时退出码为 4（用于 CI）
  selfeval extract 自评材料/ --out out --report            读取后写出审计报告 out/report.html（见 selfeval help report）

输出：DIR/<文件名>.json、DIR/results.jsonl，以及 documents.csv、indicators.csv、targets.csv、
findings.csv、errors.csv、skipped.csv（UTF-8 带 BOM，可直接用 Excel 打开）。
再次运行到同一输出文件夹时，内容未变的文件不会重读（--force 全部重读）；换了 --ocr 模式时，PDF 和图像会重读。
时限：每个文件 ${DEFAULT_TIMEOUT_S} 秒，每个需要 OCR 的页另加 ${DEFAULT_OCR_PAGE_TIMEOUT_S} 秒（例如 30 页的扫描件共 ${DEFAULT_TIMEOUT_S + 30 * DEFAULT_OCR_PAGE_TIMEOUT_S} 秒）。
退出码：0 全部读取；1 部分文件失败；2 用法错误；3 输出文件夹或数据库无法写入；4 --fail-on 命中；130 被中断。`;

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('批量读取文件或文件夹，输出 JSON、CSV（以及可选的 SQLite），并复核自评分数')
    .argument('<paths...>', '文件或文件夹（- 表示标准输入）')
    .requiredOption('-o, --out <dir>', '输出文件夹')
    .option('-j, --jobs <n>', `同时读取的线程数（默认为 CPU 核数，本机 ${defaultJobs()}）`, positiveInteger('--jobs'))
    .option('--db <file>', '同时写入 SQLite 数据库文件')
    .option('--force', '全部重读，即使上次已完成')
    .option('--prune', '删除输出文件夹中已不在本次输入里的旧输出')
    .option('--timeout <seconds>', '每个文件的读取时限（秒），需要 OCR 的页另有时间（见 --ocr-page-timeout）', positiveInteger('--timeout'), DEFAULT_TIMEOUT_S)
    .option('--ocr-jobs <n>', '同时做 OCR 的线程数（默认 1：一页 OCR 要几百 MB 内存；内存充足时可设为 --jobs 的值，扫描件多的批次更快）', positiveInteger('--ocr-jobs'))
    .option('--ocr-page-timeout <seconds>', `每个 OCR 识别的页另加的时限（秒，最多计 ${MAX_OCR_PAGES_TIMED} 页）`, positiveInteger('--ocr-page-timeout'), DEFAULT_OCR_PAGE_TIMEOUT_S)
    .option('--max-memory <MB>', '每个线程的内存上限（MB）', positiveInteger('--max-memory'), 1024)
    .option('-q, --quiet', '只输出错误和最后的统计')
    .option('-v, --verbose', '逐个列出跳过的文件和错误详情')
    .option('--json', '只输出机器可读的 JSON 结果')
    .addOption(new Option('--fail-on <severity>', '存在该级别（或更严重）的问题时退出码为 4').choices(['error', 'warning']))
    .option('--no-progress', '不显示进度条')
    .option('--report', '读取完成后写出审计报告 DIR/report.html')
    .addOption(ocrOption())
    .addHelpText('after', HELP_AFTER)
    .action(async (paths: string[], opts: ExtractOptions) => {
      process.exitCode = await extract(paths, opts);
    });
}

async function extract(paths: string[], opts: ExtractOptions): Promise<number> {
  const out = (text: string): void => void process.stdout.write(text);
  const err = (text: string): void => void process.stderr.write(text);
  const inputs = await collectInputs(paths);
  if (inputs.files.length === 0) {
    err(`selfeval: 没有找到可读取的文件：${paths.join(' ')}\n`);
    for (const s of inputs.skipped) err(`  跳过 ${s.file}：${s.detail}\n`);
    return 2;
  }
  const mode = opts.json || opts.quiet ? 'none' : opts.progress && process.stderr.isTTY ? 'bar' : 'lines';
  const progress = createProgress(mode, opts.verbose === true, out);
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  let result: BatchResult;
  let imported: ImportResult | null = null;
  try {
    const db = opts.db ? openDatabase(opts.db) : null;
    try {
      result = await runBatch(inputs, {
        outDir: opts.out,
        ocr: opts.ocr,
        ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}),
        force: opts.force === true,
        prune: opts.prune === true,
        timeoutMs: opts.timeout * 1000,
        ocrPageTimeoutMs: opts.ocrPageTimeout * 1000,
        ...(opts.ocrJobs !== undefined ? { ocrJobs: opts.ocrJobs } : {}),
        maxHeapMb: opts.maxMemory,
        readStdin: async () => new Uint8Array(await buffer(process.stdin)),
        signal: controller.signal,
        onEvent: (e) => progress.onEvent(e),
      });
      progress.stop();
      if (!result.interrupted) {
        await writeBatchCsv(opts.out, result.lines, result.skipped);
        if (db) {
          const summary = { tool: toolVersion(), outDir: opts.out, read: result.read, resumed: result.resumed, skipped: result.skipped.length };
          imported = await importBatch(db, opts.out, result.lines, summary, opts.prune === true);
        }
      }
    } finally {
      db?.close();
    }
  } catch (error) {
    progress.stop();
    if (error instanceof OutputFolderError || error instanceof DatabaseError) {
      err(`selfeval: ${error.message}\n`);
      return 3;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }

  const failed = result.lines.filter((l) => !l.ok);
  if (opts.json) {
    out(`${JSON.stringify({ out: opts.out, interrupted: result.interrupted, files: result.lines.length, read: result.read, resumed: result.resumed, failed: failed.length, skipped: result.skipped, stale: result.stale, results: result.lines }, null, 2)}\n`);
  } else {
    report(result, opts, imported, out, err);
  }
  if (result.interrupted) return 130;
  if (opts.report) {
    // With --json, stdout holds the JSON summary alone.
    const written = await writeReportAndSay(opts.out, opts.json ? { say: err } : {});
    if (written !== 0) return written;
  }
  if (failed.length > 0) return 1;
  if (opts.failOn && failsOn(result.lines, opts.failOn)) return 4;
  return 0;
}

function failsOn(lines: readonly ResultLine[], severity: 'error' | 'warning'): boolean {
  return lines.some((l) => l.ok && (l.errors > 0 || (severity === 'warning' && l.warnings > 0)));
}

function report(result: BatchResult, opts: ExtractOptions, imported: ImportResult | null, out: (t: string) => void, err: (t: string) => void): void {
  const failed = result.lines.filter((l) => !l.ok);
  if (!opts.quiet && (result.lines.length <= 100 || opts.verbose)) out(`${summaryTable(result.lines)}\n`);
  for (const r of failed) err(`错误 ${r.error?.message ?? r.file}\n`);
  if (result.interrupted) {
    err(`已中断：${result.lines.length} 个文件已完成并保存；再次运行同一命令会从中断处继续。\n`);
    return;
  }
  const ok = result.lines.length - failed.length;
  out(`${ok}/${result.lines.length} 个文件已读取（本次读取 ${result.read}，沿用上次 ${result.resumed}），结果在 ${opts.out}/results.jsonl\n`);
  if (result.skipped.length > 0) out(`跳过 ${result.skipped.length} 个文件，原因见 ${opts.out}/skipped.csv\n`);
  if (result.stale.length > 0) {
    out(result.pruned ? `已删除 ${result.stale.length} 个不再属于输入的旧输出\n` : `${result.stale.length} 个旧输出不属于本次输入，使用 --prune 删除\n`);
  }
  if (imported) out(`数据库 ${opts.db}：导入 ${imported.imported} 个文件，未变 ${imported.unchanged} 个${imported.removed > 0 ? `，删除 ${imported.removed} 个` : ''}\n`);
}

export function summaryTable(rows: readonly ResultLine[]): string {
  return formatTable(['file', 'kind', 'department', 'year', 'declared', 'recomputed', 'errors/warnings', 'ok/mismatch/unverifiable/missing'], rows.map(lineCells));
}
