/**
 * Text runs → lines in reading order. Runs whose vertical middles agree within half a font size
 * share a line; a line is read left to right and split where the gap between runs is wide
 * (separate columns of a form). Joining follows the script: no space next to CJK, one space
 * between Latin words and numbers when the PDF left a visible gap.
 */
import { bboxUnion } from './bbox.js';
import type { BBox } from './model.js';
import { isCjkChar } from './text.js';

export interface TextRun {
  text: string;
  raw?: string;
  /** PDF points, top-left origin. */
  bbox: BBox;
  fontSize: number;
}

export interface TextLine {
  text: string;
  /** Set when some run's raw text differs from its normalised text. */
  raw?: string;
  bbox: BBox;
  fontSize: number;
  runs: TextRun[];
}

export interface LineOptions {
  /** A gap wider than this many font sizes splits a line in two. Infinity keeps rows whole. */
  maxGapEm?: number;
}

function middle(b: BBox): number {
  return (b[1] + b[3]) / 2;
}

const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uff65“”‘’—…·、]/u;

/**
 * Join two runs of one line. Never a space between two CJK characters or next to CJK punctuation;
 * otherwise a space where the PDF shows a visible gap (`优 90分`, `2022 年`).
 */
function joinRunText(left: string, right: string, gap: number, size: number): string {
  if (left === '') return right;
  const last = [...left].pop() ?? '';
  const first = right[0] ?? '';
  if (/\s$/u.test(left) || /^\s/u.test(right)) return left + right;
  if (isCjkChar(last) && isCjkChar(first)) return left + right;
  if (CJK_PUNCTUATION.test(last) || CJK_PUNCTUATION.test(first)) return left + right;
  return gap > 0.2 * size ? `${left} ${right}` : left + right;
}

function runsToLine(runs: TextRun[]): TextLine {
  let text = '';
  let raw = '';
  let prev: TextRun | null = null;
  for (const run of runs) {
    const gap = prev ? run.bbox[0] - prev.bbox[2] : 0;
    const size = prev ? Math.max(prev.fontSize, run.fontSize) : run.fontSize;
    text = joinRunText(text, run.text, gap, size);
    raw = joinRunText(raw, run.raw ?? run.text, gap, size);
    prev = run;
  }
  const line: TextLine = {
    text,
    bbox: bboxUnion(runs.map((r) => r.bbox)) as BBox,
    fontSize: Math.max(...runs.map((r) => r.fontSize)),
    runs,
  };
  if (raw !== text) line.raw = raw;
  return line;
}

/** Group runs into rows of one baseline, top to bottom; each row sorted left to right. */
export function runsToRows(runs: readonly TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => middle(a.bbox) - middle(b.bbox) || a.bbox[0] - b.bbox[0]);
  const rows: Array<{ runs: TextRun[]; middle: number; size: number }> = [];
  for (const run of sorted) {
    const m = middle(run.bbox);
    const row = rows[rows.length - 1];
    if (row && Math.abs(m - row.middle) <= 0.5 * Math.min(row.size, run.fontSize)) {
      row.runs.push(run);
      row.middle = (row.middle * (row.runs.length - 1) + m) / row.runs.length;
      row.size = Math.max(row.size, run.fontSize);
    } else {
      rows.push({ runs: [run], middle: m, size: run.fontSize });
    }
  }
  return rows.map((row) => row.runs.sort((a, b) => a.bbox[0] - b.bbox[0]));
}

/** Runs → lines in reading order (top to bottom, left to right within a row). */
export function runsToLines(runs: readonly TextRun[], options: LineOptions = {}): TextLine[] {
  const maxGapEm = options.maxGapEm ?? 3;
  const lines: TextLine[] = [];
  for (const row of runsToRows(runs)) {
    let current: TextRun[] = [];
    for (const run of row) {
      const prev = current[current.length - 1];
      if (prev && run.bbox[0] - prev.bbox[2] > maxGapEm * Math.max(prev.fontSize, run.fontSize)) {
        lines.push(runsToLine(current));
        current = [];
      }
      current.push(run);
    }
    if (current.length > 0) lines.push(runsToLine(current));
  }
  return lines;
}
