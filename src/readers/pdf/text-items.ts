/**
 * pdf.js text items → words in top-left page coordinates. A text item is a run of glyphs in one
 * font; producers split runs at every font change (Chromium gives a look-alike radical its own
 * font), so touching runs on one baseline are merged back, and a run is split where it holds a
 * wide gap of spaces.
 */
import type { BBox } from '../../layout/model.js';
import { isCjkChar, normalizeLookalikes } from '../../layout/text.js';

/** The fields of a pdf.js TextItem we read. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export interface Word {
  /** Normalised text (look-alike radicals mapped to ideographs). */
  text: string;
  /** The text as the PDF gives it, when it differs from `text`. */
  raw?: string;
  /** PDF points, top-left origin. */
  bbox: BBox;
  /** Font size in points. */
  fontSize: number;
}

/** A 2-D affine transform [a, b, c, d, e, f] as PDF writes it. */
export type Matrix = [number, number, number, number, number, number];

export function applyMatrix(m: readonly number[], x: number, y: number): [number, number] {
  return [(m[0] ?? 1) * x + (m[2] ?? 0) * y + (m[4] ?? 0), (m[1] ?? 0) * x + (m[3] ?? 1) * y + (m[5] ?? 0)];
}

/** Full-width and CJK punctuation: never a space next to it. */
const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uff65“”‘’—…·、]/u;

/** Share of a font size below the baseline that glyph boxes cover (descenders). */
const DESCENT = 0.15;

interface Run {
  raw: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
}

/** Horizontal em advance we assume for a character when splitting a run by estimated positions. */
function emAdvance(ch: string): number {
  return isCjkChar(ch) ? 1 : 0.5;
}

/** Split a run at runs of two or more spaces, estimating positions from character widths. */
function splitRunAtGaps(run: Run): Run[] {
  if (!/\S\s{2,}\S/u.test(run.raw)) return [run];
  const chars = [...run.raw];
  const total = chars.reduce((s, ch) => s + emAdvance(ch), 0);
  const scale = total > 0 ? (run.x1 - run.x0) / total : 0;
  const pieces: Run[] = [];
  let start = 0;
  let pos = 0;
  const positions = chars.map((ch) => {
    const p = pos;
    pos += emAdvance(ch);
    return p;
  });
  const pattern = /\s{2,}/gu;
  const text = chars.join('');
  let match: RegExpExecArray | null;
  const cut = (from: number, to: number): void => {
    const piece = chars.slice(from, to).join('').trim();
    if (piece === '') return;
    const left = run.x0 + (positions[from] ?? 0) * scale;
    const right = run.x0 + ((positions[to - 1] ?? 0) + emAdvance(chars[to - 1] ?? ' ')) * scale;
    pieces.push({ ...run, raw: piece, x0: left, x1: right });
  };
  // Indexes in `text` are UTF-16 offsets; map them to code point indexes.
  const cpIndex = (offset: number): number => [...text.slice(0, offset)].length;
  while ((match = pattern.exec(text)) !== null) {
    const from = cpIndex(match.index);
    cut(start, from);
    start = cpIndex(match.index + match[0].length);
  }
  cut(start, chars.length);
  return pieces.length > 0 ? pieces : [run];
}

/**
 * Text items → runs in viewport space (top-left origin, the page's /Rotate applied).
 * `viewport` is the transform pdf.js gives for scale 1.
 */
function itemsToRuns(items: readonly PdfTextItem[], viewport: readonly number[]): Run[] {
  const runs: Run[] = [];
  for (const item of items) {
    if (item.str === '' || item.str.trim() === '') continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
    const size = Math.hypot(a, b) || Math.hypot(c, d);
    if (size <= 0) continue;
    const dx = a / size;
    const dy = b / size;
    // "Up" is the baseline direction turned a quarter counter-clockwise (some producers flip d).
    const ux = -dy;
    const uy = dx;
    const width = item.width > 0 ? item.width : size * [...item.str].length * 0.5;
    const corners: Array<[number, number]> = [];
    for (const along of [0, width]) {
      for (const up of [-DESCENT * size, (1 - DESCENT) * size]) {
        corners.push(applyMatrix(viewport, e + dx * along + ux * up, f + dy * along + uy * up));
      }
    }
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    runs.push({
      raw: item.str,
      x0: Math.min(...xs),
      x1: Math.max(...xs),
      y0: Math.min(...ys),
      y1: Math.max(...ys),
      size,
    });
  }
  return runs;
}

/** Two runs on one baseline, close enough to be one word. */
function touches(left: Run, right: Run): boolean {
  const size = Math.max(left.size, right.size);
  if (Math.abs(left.size - right.size) > 0.25 * size) return false;
  if (Math.abs(left.y1 - right.y1) > 0.2 * size) return false;
  const gap = right.x0 - left.x1;
  // Runs split at a font change touch (gap ≈ 0); text of the next cell is at least its padding away.
  return gap > -0.3 * size && gap < 0.15 * size;
}

function joinRuns(left: Run, right: Run): Run {
  const gap = right.x0 - left.x1;
  const a = left.raw.replace(/\s+$/u, '');
  const b = right.raw.replace(/^\s+/u, '');
  // A space the PDF wrote at the junction stays unless both sides are CJK (`2022 ` + `年` → `2022 年`).
  const last = [...a].pop() ?? '';
  const first = b[0] ?? '';
  const bothCjk = isCjkChar(last) && isCjkChar(first);
  const punctuation = CJK_PUNCTUATION.test(last) || CJK_PUNCTUATION.test(first);
  const written = a !== left.raw || b !== right.raw;
  const space = !bothCjk && !punctuation && (written || gap > 0.1 * left.size) ? ' ' : '';
  return {
    raw: a + space + b,
    x0: Math.min(left.x0, right.x0),
    x1: Math.max(left.x1, right.x1),
    y0: Math.min(left.y0, right.y0),
    y1: Math.max(left.y1, right.y1),
    size: Math.max(left.size, right.size),
  };
}

/**
 * Spaces between two CJK characters, or next to CJK punctuation, carry nothing in Chinese; they
 * come from justified lines whose stretched gaps pdf.js reads as spaces. Spaces between CJK and
 * digits or Latin words stay.
 */
export function dropSpacesBetweenCjk(text: string): string {
  return text.replace(/(?<=\S)[ \u00a0]+(?=\S)/gu, (spaces: string, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + spaces.length];
    if (CJK_PUNCTUATION.test(before ?? '') || CJK_PUNCTUATION.test(after ?? '')) return '';
    return isCjkChar(before) && isCjkChar(after) ? '' : spaces;
  });
}

/** Text items of one page → words (top-left coordinates, look-alikes normalised, raw kept). */
export function textItemsToWords(items: readonly PdfTextItem[], viewport: readonly number[]): Word[] {
  const runs = itemsToRuns(items, viewport);
  // Merge consecutive touching runs (content order, which is drawing order within a line).
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && touches(last, run)) merged[merged.length - 1] = joinRuns(last, run);
    else merged.push(run);
  }
  const words: Word[] = [];
  for (const run of merged.flatMap(splitRunAtGaps)) {
    const raw = dropSpacesBetweenCjk(run.raw.trim());
    if (raw === '') continue;
    const text = normalizeLookalikes(raw);
    const word: Word = { text, bbox: [run.x0, run.y0, run.x1, run.y1], fontSize: run.size };
    if (text !== raw) word.raw = raw;
    words.push(word);
  }
  return words;
}
