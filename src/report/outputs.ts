/**
 * Reading an extract output folder: results.jsonl (one ResultLine per input), the Document JSON each
 * line names, errors.csv (for the stage a file failed at) and skipped.csv. The inputs themselves are
 * never read here.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Document } from '../schema/document.js';
import { ResultLine } from '../schema/results.js';
import type { SkippedFile } from './types.js';

/** The folder has no results to report on: exit code 2 with this Chinese message. */
export class ReportInputError extends Error {
  constructor(
    readonly code: 'REPORT_NO_RESULTS',
    message: string,
  ) {
    super(message);
    this.name = 'ReportInputError';
  }
}

export interface ResultsRead {
  lines: ResultLine[];
  /** Chinese notes about lines that could not be used. */
  notes: string[];
}

export async function readResults(dir: string): Promise<ResultsRead> {
  const path = resolve(dir, 'results.jsonl');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ReportInputError('REPORT_NO_RESULTS', `${dir} 中没有 results.jsonl：请先运行 selfeval extract … --out ${dir}`);
  }
  const lines: ResultLine[] = [];
  const notes: string[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      notes.push(`results.jsonl 第 ${i + 1} 行不是有效的 JSON，已忽略`);
      continue;
    }
    const line = ResultLine.safeParse(parsed);
    if (line.success) lines.push(line.data);
    else notes.push(`results.jsonl 第 ${i + 1} 行不符合结果格式（schema 版本 2），已忽略`);
  }
  return { lines, notes };
}

/** The Document JSON a results line names, or why it cannot be used. */
export async function readDocument(dir: string, output: string): Promise<{ document: Document } | { note: string }> {
  const root = resolve(dir);
  const path = resolve(root, output);
  // results.jsonl names files inside the folder; anything else is not one of this run's outputs.
  const rel = relative(root, path);
  if (rel.startsWith('..') || rel.startsWith(sep) || rel === '') return { note: `输出文件 ${output} 不在 ${dir} 中，已忽略` };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { note: `找不到输出文件 ${output}，该行只显示 results.jsonl 中的汇总` };
  }
  try {
    const parsed = Document.safeParse(JSON.parse(text));
    if (parsed.success) return { document: parsed.data };
  } catch {
    // falls through to the note
  }
  return { note: `输出文件 ${output} 不是有效的文档 JSON（schema 版本 2），该行只显示 results.jsonl 中的汇总` };
}

async function readCsv(path: string): Promise<Record<string, string>[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  try {
    return parse(text, { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  } catch {
    return [];
  }
}

export async function readSkipped(dir: string): Promise<SkippedFile[]> {
  const rows = await readCsv(resolve(dir, 'skipped.csv'));
  return rows.map((r) => ({ file: r.file ?? '', reason: r.reason ?? '', detail: r.detail ?? '' }));
}

/** The stage each failed file stopped at (errors.csv), by file. */
export async function readErrorStages(dir: string): Promise<Map<string, string>> {
  const rows = await readCsv(resolve(dir, 'errors.csv'));
  return new Map(rows.filter((r) => r.file && r.stage).map((r) => [r.file as string, r.stage as string]));
}
