/**
 * Stream tables, stage 1: words → text lines → segments. A segment is a run of words on one line
 * with no wide gap inside: the text of one cell on that line, or a whole prose line.
 */
import { bboxUnion } from '../bbox.js';
import { runsToRows, type TextRun } from '../lines.js';
import type { BBox } from '../model.js';

/** A horizontal gap wider than this many font sizes separates two segments (a word space is ~0.3 em; dense forms leave ~0.7 em between cells). */
export const SEGMENT_GAP_EM = 0.5;

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
    if (current.length > 0 && run.bbox[0] - right > SEGMENT_GAP_EM * size) {
      segments.push(runsToSegment(current));
      current = [];
    }
    current.push(run);
    right = Math.max(current.length > 1 ? right : Number.NEGATIVE_INFINITY, run.bbox[2]);
  }
  if (current.length > 0) segments.push(runsToSegment(current));
  return segments;
}

/** Words → lines of segments, top to bottom. */
export function wordsToSegmentLines(words: readonly TextRun[]): SegmentLine[] {
  return runsToRows(words.filter((w) => w.text.trim() !== '')).map((row) => {
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
