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

/** Justified text: at least this many consecutive gaps between words of one line are equal… */
const JUSTIFIED_MIN_GAPS = 3;
/** …within this many points (a justified line spreads its spare space evenly over its word spaces). */
const JUSTIFIED_TOLERANCE = 0.2;
/** A gap after a full stop, before a capital, up to this many font sizes is a sentence space (two spaces after a full stop). */
const SENTENCE_GAP_EM = 1.2;

/** Latin (or other alphabetic) words: CJK text has no word spaces to spread. */
const hasLetter = (text: string): boolean => /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u.test(text);

/**
 * Gaps (by index: gap i lies between runs i and i+1) that belong to a justified line: gaps next to
 * a word (not between two numbers), narrower than 1.5 font sizes, JUSTIFIED_MIN_GAPS or more of
 * them equal to one another (a justified line spreads its spare space evenly over its word
 * spaces). A gap after a full stop between two such gaps belongs too. Table cells are not spread
 * that evenly.
 */
export function justifiedGaps(row: readonly TextRun[]): Set<number> {
  const gaps = row.slice(1).map((r, i) => r.bbox[0] - (row[i] as TextRun).bbox[2]);
  const wordy = (i: number): boolean => hasLetter((row[i] as TextRun).text) || hasLetter((row[i + 1] as TextRun).text);
  const usable = gaps.map((g, i) => g > 0 && g < 1.5 * Math.max((row[i] as TextRun).fontSize, (row[i + 1] as TextRun).fontSize) && wordy(i));
  const out = new Set<number>();
  const order = gaps.map((_, i) => i).filter((i) => usable[i]).sort((a, b) => (gaps[a] as number) - (gaps[b] as number));
  let start = 0;
  for (let k = 1; k <= order.length; k++) {
    const same = k < order.length && (gaps[order[k] as number] as number) - (gaps[order[start] as number] as number) <= JUSTIFIED_TOLERANCE;
    if (same) continue;
    if (k - start >= JUSTIFIED_MIN_GAPS) for (const i of order.slice(start, k)) out.add(i);
    start = k;
  }
  gaps.forEach((_, i) => {
    if (usable[i] && out.has(i - 1) && out.has(i + 1) && /[.!?;:,]$/u.test((row[i] as TextRun).text.trim())) out.add(i);
  });
  return out;
}

/** A sentence space: the run before ends a sentence and the one after starts one. */
function isSentenceSpace(prev: TextRun, run: TextRun, gap: number): boolean {
  return /[.!?;:。！？；：]$/u.test(prev.text.trim()) && /^\p{Lu}/u.test(run.text.trim()) && gap <= SENTENCE_GAP_EM * Math.max(prev.fontSize, run.fontSize);
}

/**
 * One line's runs (left to right) → segments split at gaps wider than SEGMENT_GAP_EM, except the
 * spread word spaces of a justified line and the wider space after a full stop.
 */
export function rowToSegments(row: readonly TextRun[]): Segment[] {
  const segments: Segment[] = [];
  const justified = justifiedGaps(row);
  let current: TextRun[] = [];
  let right = Number.NEGATIVE_INFINITY;
  row.forEach((run, i) => {
    const size = Math.max(run.fontSize, current[current.length - 1]?.fontSize ?? 0);
    const prev = current[current.length - 1];
    // Two numbers a space apart are two cells of a tightly packed grid (see splitNumberRun).
    const limit = prev && isNumber(prev.text) && isNumber(run.text) ? NUMBER_GAP_EM : SEGMENT_GAP_EM;
    const gap = run.bbox[0] - right;
    const keep = i > 0 && (justified.has(i - 1) || (prev !== undefined && isSentenceSpace(prev, run, gap)));
    if (current.length > 0 && gap > limit * size && !keep) {
      segments.push(runsToSegment(current));
      current = [];
    }
    current.push(run);
    right = Math.max(current.length > 1 ? right : Number.NEGATIVE_INFINITY, run.bbox[2]);
  });
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
