/**
 * Progress of `extract`: on a terminal a bar (files done/total, pages/s, ETA, failures so far);
 * elsewhere one line per file as it finishes, written at once, so `| tee` and CI logs show progress.
 */
import { SingleBar } from 'cli-progress';
import type { BatchEvent, ResultLine } from '../pipeline/batch.js';

function fmt(n: number | null): string {
  return n === null ? '—' : String(n);
}

/** One file's summary in a line: file, kind, department, year, declared, recomputed, errors/warnings, checks. */
export function lineCells(r: ResultLine): string[] {
  const s = r.summary;
  return [
    r.file,
    r.ok ? (r.kind ?? '') : `FAILED ${r.error?.code ?? ''}`,
    r.department ?? '—',
    fmt(r.fiscalYear),
    fmt(r.declaredTotal),
    fmt(r.recomputedTotal),
    r.ok ? `${r.errors}/${r.warnings}` : '—',
    s ? `${s.ok}/${s.mismatch}/${s.unverifiable}/${s.missing}` : '—',
  ];
}

export interface Progress {
  onEvent(event: BatchEvent): void;
  stop(): void;
}

export function createProgress(mode: 'bar' | 'lines' | 'none', verbose: boolean, write: (text: string) => void): Progress {
  const started = Date.now();
  let pages = 0;
  let failed = 0;
  if (mode === 'bar') {
    const bar = new SingleBar({
      format: '{bar} {value}/{total} 个文件 | {pps} 页/秒 | 剩余 {eta_formatted} | 失败 {failed}',
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
      etaBuffer: 50,
    });
    let active = false;
    return {
      onEvent(event) {
        if (event.type === 'start') {
          bar.start(event.total, 0, { pps: '0', failed: 0 });
          active = true;
        } else if (event.type === 'file' || event.type === 'skip') {
          if (event.type === 'file') {
            pages += event.pages;
            if (!event.line.ok) failed++;
          }
          const seconds = Math.max(0.001, (Date.now() - started) / 1000);
          bar.increment(1, { pps: (pages / seconds).toFixed(1), failed });
        }
      },
      stop() {
        if (active) bar.stop();
      },
    };
  }
  let done = 0;
  let total = 0;
  return {
    onEvent(event) {
      if (mode === 'none') return;
      if (event.type === 'start') total = event.total;
      if (event.type === 'file') {
        done = event.done;
        const note = event.resumed ? '  （上次已完成，未重读）' : '';
        write(`[${done}/${total}] ${lineCells(event.line).join('  ')}${note}\n`);
        if (verbose && event.line.error) write(`    ${event.line.error.message}\n`);
      } else if (event.type === 'skip') {
        done++;
        if (verbose) write(`[${done}/${total}] 跳过 ${event.skipped.file}：${event.skipped.detail}\n`);
      } else if (event.type === 'pairing') {
        write(`同一部门、同一年度的自评表与自评报告互相复核：${event.documents} 个文件\n`);
      }
    },
    stop() {},
  };
}
