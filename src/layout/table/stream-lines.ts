/**
 * Stream tables, stage 1: words → text lines → segments. A segment is a run of words on one line
 * with no wide gap inside: the text of one cell on that line, or a whole prose line.
 */
import { bboxUnion } from '../bbox.js';
import { runsToRows, type TextRun } from '../lines.js';
import type { BBox } from '../model.js';

/** A horizontal gap wider than this many font sizes separates two segments (a word space is ~0.3 em; dense forms leave ~0.7 em between cells). */
export const SEGMENT_GAP_EM = 0.5;
/** Between two numbers, a gap this wide already separates segments. */
export const NUMBER_GAP_EM = 0.15;

export interface Segment {
  runs: TextRun[];
  /** PDF points, top-left origin. */
  bbox: BBox;
  fontSize: number;
}

export interface SegmentLine {
  segments: Segment[];
  bbox: BBox;
  fontSize: number;
}

export function runsToSegment(runs: TextRun[]): Segment {
  return { runs, bbox: bboxUnion(runs.map((r) => r.bbox)) as BBox, fontSize: Math.max(...runs.map((r) => r.fontSize)) };
}

/** One line's runs (left to right) → segments split at gaps wider than SEGMENT_GAP_EM. */
export function rowToSegments(row: readonly TextRun[]): Segment[] {
  const segments: Segment[] = [];
  let current: TextRun[] = [];
  let right = Number.NEGATIVE_INFINITY;
  for (const run of row) {
    const size = Math.max(run.fontSize, current[current.length - 1]?.fontSize ?? 0);
    const prev = current[current.length - 1];
    // Two numbers a space apart are two cells of a tightly packed grid (see splitNumberRun).
    const limit = prev && isNumber(prev.text) && isNumber(run.text) ? NUMBER_GAP_EM : SEGMENT_GAP_EM;
    if (current.length > 0 && run.bbox[0] - right > limit * size) {
      segments.push(runsToSegment(current));
      current = [];
    }
    current.push(run);
    right = Math.max(current.length > 1 ? right : Number.NEGATIVE_INFINITY, run.bbox[2]);
  }
  if (current.length > 0) segments.push(runsToSegment(current));
  return segments;
}

const NUMBER = /^[-+(]?\d[\d,]*(\.\d+)?%?\)?$/u;

/** A plain number: 1,234.5  -4.6%  (12) */
export function isNumber(text: string): boolean {
  return NUMBER.test(text.trim());
}

/** Advance of a character in font sizes, roughly (sans-serif digits and punctuation). */
function numberAdvance(ch: string): number {
  if (ch === ' ') return 0.278;
  if (ch === ',' || ch === '.') return 0.278;
  if (ch === '%') return 0.889;
  if (ch === '-' || ch === '(' || ch === ')') return 0.333;
  return 0.556;
}

/**
 * A run of numbers separated by single spaces ("10,412 10,880 10,230") is several cells drawn as
 * one run by a producer that packs columns tightly: split it, estimating each number's position.
 */
export function splitNumberRun(run: TextRun): TextRun[] {
  const tokens = run.text.trim().split(/ +/u);
  if (tokens.length < 2 || !tokens.every((t) => NUMBER.test(t))) return [run];
  const text = tokens.join(' ');
  const total = [...text].reduce((sum, ch) => sum + numberAdvance(ch), 0);
  const scale = (run.bbox[2] - run.bbox[0]) / total;
  const out: TextRun[] = [];
  let pos = 0;
  for (const token of tokens) {
    const width = [...token].reduce((sum, ch) => sum + numberAdvance(ch), 0);
    out.push({ text: token, bbox: [run.bbox[0] + pos * scale, run.bbox[1], run.bbox[0] + (pos + width) * scale, run.bbox[3]], fontSize: run.fontSize });
    pos += width + numberAdvance(' ');
  }
  return out;
}

/** Words → lines of segments, top to bottom. */
export function wordsToSegmentLines(words: readonly TextRun[]): SegmentLine[] {
  return runsToRows(words.filter((w) => w.text.trim() !== '').flatMap(splitNumberRun)).map((row) => {
    const segments = rowToSegments(row);
    return {
      segments,
      bbox: bboxUnion(segments.map((s) => s.bbox)) as BBox,
      fontSize: Math.max(...segments.map((s) => s.fontSize)),
    };
  });
}

/** Median of a non-empty list (NaN for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
