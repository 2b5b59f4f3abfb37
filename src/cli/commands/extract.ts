import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { collectInputs, runBatch, type BatchRow } from '../../pipeline/batch.js';
import type { OcrMode } from '../../pipeline/run.js';
import { formatTable } from '../format.js';
import { ocrOption } from '../ocr-option.js';

function fmt(n: number | null): string {
  return n === null ? '—' : String(n);
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('read files or folders into DIR/<file name>.json and DIR/results.jsonl')
    .argument('<paths...>', 'files or folders')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('-j, --jobs <n>', 'files read at the same time', '2')
    .option('--no-progress', 'no progress bar')
    .addOption(ocrOption())
    .action(async (paths: string[], opts: { out: string; jobs: string; progress: boolean; ocr: OcrMode }) => {
      const files = await collectInputs(paths);
      if (files.length === 0) {
        process.stderr.write(`selfeval: 没有找到可读取的文件：${paths.join(' ')}\n`);
        process.exitCode = 2;
        return;
      }
      const bar = opts.progress && process.stderr.isTTY ? new SingleBar({ format: '{bar} {value}/{total} {file}', clearOnComplete: true }) : null;
      bar?.start(files.length, 0, { file: '' });
      const rows = await runBatch(files, {
        outDir: opts.out,
        concurrency: Math.max(1, Number.parseInt(opts.jobs, 10) || 2),
        onResult: (row, done) => bar?.update(done, { file: row.file }),
        ocr: opts.ocr,
      });
      bar?.stop();
      process.stdout.write(`${summaryTable(rows)}\n`);
      const failed = rows.filter((r) => !r.ok);
      for (const r of failed) process.stderr.write(`错误 ${r.error?.message ?? r.file}\n`);
      process.stdout.write(`${rows.length - failed.length}/${rows.length} 个文件已读取，结果在 ${opts.out}/results.jsonl\n`);
      process.exitCode = failed.length > 0 ? 1 : 0;
    });
}

export function summaryTable(rows: readonly BatchRow[]): string {
  return formatTable(
    ['file', 'kind', 'department', 'year', 'declared', 'recomputed', 'errors/warnings'],
    rows.map((r) => [
      r.file,
      r.ok ? (r.kind ?? '') : `FAILED ${r.error?.code ?? ''}`,
      r.department ?? '—',
      fmt(r.fiscalYear),
      fmt(r.declaredTotal),
      fmt(r.recomputedTotal),
      r.ok ? `${r.errors}/${r.warnings}` : '—',
    ]),
  );
}
