/**
 * Ruling lines of a scanned page: long runs of ink along a row (horizontal rules) or a column
 * (vertical rules), short breaks from scanning bridged. Runs on neighbouring rows that overlap are
 * one rule (a rule is a few pixels thick and, after deskew, may still drift by a pixel or two).
 * Strokes of characters are shorter than a rule's minimum length, which is set from the text size.
 */
import type { BinaryImage } from './raster.js';

export interface PixelRule {
  orientation: 'h' | 'v';
  /** Centre across the rule (y of a horizontal rule, x of a vertical one), pixels. */
  position: number;
  /** Extent along the rule, pixels. */
  start: number;
  end: number;
  /** Rows (columns) the rule covers: its thickness plus any drift. */
  from: number;
  to: number;
  /** The runs it is made of: [across, start, end] each, to erase it from the image. */
  runs: Array<[number, number, number]>;
}

export interface RuleOptions {
  /** Shortest horizontal and vertical rule, pixels. */
  minHorizontal: number;
  minVertical: number;
  /** Breaks in a run up to this long are bridged, pixels. */
  maxGap: number;
  /** Thicker than this is a filled area, not a rule, pixels. */
  maxThickness: number;
}

interface Run {
  line: number;
  start: number;
  end: number;
}

/** Long runs of ink along each line of `get(line, i)`, `lines` lines of `length` pixels. */
function longRuns(lines: number, length: number, get: (line: number, i: number) => number, minLength: number, maxGap: number): Run[] {
  const runs: Run[] = [];
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let last = -1;
    for (let i = 0; i <= length; i++) {
      const ink = i < length && get(line, i) === 1;
      if (ink) {
        if (start < 0 || i - last - 1 > maxGap) {
          if (start >= 0 && last - start + 1 >= minLength) runs.push({ line, start, end: last + 1 });
          start = i;
        }
        last = i;
      }
    }
    if (start >= 0 && last - start + 1 >= minLength) runs.push({ line, start, end: last + 1 });
  }
  return runs;
}

/** Runs on lines at most two apart that overlap → one rule each (union–find). */
function groupRuns(runs: readonly Run[], orientation: 'h' | 'v', maxThickness: number): PixelRule[] {
  const parent = runs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  // Runs come line by line; each is compared with the runs of the two lines before it.
  const byLine = new Map<number, number[]>();
  runs.forEach((r, i) => {
    for (const d of [1, 2]) {
      for (const j of byLine.get(r.line - d) ?? []) {
        const o = runs[j] as Run;
        if (o.start < r.end && r.start < o.end) parent[find(i)] = find(j);
      }
    }
    (byLine.get(r.line) ?? byLine.set(r.line, []).get(r.line))?.push(i);
  });
  const groups = new Map<number, Run[]>();
  runs.forEach((r, i) => {
    const root = find(i);
    (groups.get(root) ?? groups.set(root, []).get(root))?.push(r);
  });
  const rules: PixelRule[] = [];
  for (const group of groups.values()) {
    const from = Math.min(...group.map((r) => r.line));
    const to = Math.max(...group.map((r) => r.line));
    const start = Math.min(...group.map((r) => r.start));
    const end = Math.max(...group.map((r) => r.end));
    // Thickness where the rule is, not its drift: ink lines per unit of length.
    const inkLength = group.reduce((s, r) => s + (r.end - r.start), 0);
    if (inkLength / (end - start) > maxThickness) continue;
    const position = group.reduce((s, r) => s + (r.line + 0.5) * (r.end - r.start), 0) / inkLength;
    rules.push({ orientation, position, start, end, from, to: to + 1, runs: group.map((r) => [r.line, r.start, r.end]) });
  }
  return rules;
}

/** Horizontal and vertical rules of a binary page image. */
export function findRules(ink: BinaryImage, options: RuleOptions): PixelRule[] {
  const { data, width, height } = ink;
  const h = longRuns(height, width, (y, x) => data[y * width + x] as number, options.minHorizontal, options.maxGap);
  const v = longRuns(width, height, (x, y) => data[y * width + x] as number, options.minVertical, options.maxGap);
  return [...groupRuns(h, 'h', options.maxThickness), ...groupRuns(v, 'v', options.maxThickness)];
}

/** Paint the rules' pixels (and `margin` around them) with `value` in a one-byte image. */
export function eraseRules(image: { data: Uint8Array; width: number; height: number }, rules: readonly PixelRule[], value: number, margin = 1): void {
  const { data, width, height } = image;
  for (const rule of rules) {
    for (const [across, start, end] of rule.runs) {
      for (let a = Math.max(0, across - margin); a <= Math.min((rule.orientation === 'h' ? height : width) - 1, across + margin); a++) {
        for (let i = Math.max(0, start - margin); i < Math.min(rule.orientation === 'h' ? width : height, end + margin); i++) {
          if (rule.orientation === 'h') data[a * width + i] = value;
          else data[i * width + a] = value;
        }
      }
    }
  }
}
