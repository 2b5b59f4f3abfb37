/**
 * Text boxes meet rules: a recognised line that crosses a rule is two pieces of text (two cells),
 * so a box is cut where a rule crosses it; and the box a piece of text is given in the layout is
 * the tight box of its ink, not the detector's padded one.
 */
import type { PixelBox } from './detect.js';
import type { BinaryImage } from './raster.js';
import type { PixelRule } from './rules.js';

/** Cut intervals [from, to) out of [start, end); pieces shorter than `min` are dropped. */
function cut(start: number, end: number, holes: ReadonlyArray<[number, number]>, min: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let from = start;
  for (const [a, b] of [...holes].sort((p, q) => p[0] - q[0])) {
    if (a - from >= min) pieces.push([from, a]);
    from = Math.max(from, b);
  }
  if (end - from >= min) pieces.push([from, end]);
  return pieces;
}

/** A box split by the vertical rules, then the horizontal rules, that run through its middle. */
export function splitAtRules(box: PixelBox, rules: readonly PixelRule[], textHeight: number): PixelBox[] {
  const [x0, y0, x1, y1] = box;
  const midY = (y0 + y1) / 2;
  const vHoles = rules
    .filter((r) => r.orientation === 'v' && r.to > x0 + 1 && r.from < x1 - 1 && r.start <= midY && r.end >= midY)
    .map((r): [number, number] => [r.from - 1, r.to + 1]);
  const out: PixelBox[] = [];
  for (const [a, b] of cut(x0, x1, vHoles, 0.25 * textHeight)) {
    const midX = (a + b) / 2;
    const hHoles = rules
      .filter((r) => r.orientation === 'h' && r.to > y0 + 1 && r.from < y1 - 1 && r.start <= midX && r.end >= midX)
      .map((r): [number, number] => [r.from - 1, r.to + 1]);
    for (const [c, d] of cut(y0, y1, hHoles, 0.4 * textHeight)) out.push([a, c, b, d]);
  }
  return out;
}

/**
 * The height of a line's body of text inside `box`: the rows that hold at least a sixth of the
 * busiest row's ink. Brackets and descenders reach beyond it; it is what a font size is read from.
 */
export function inkBodyHeight(ink: BinaryImage, box: PixelBox): number {
  const { data, width } = ink;
  const [x0, y0, x1, y1] = box.map(Math.round) as PixelBox;
  const rows: number[] = [];
  for (let y = y0; y < y1; y++) {
    let n = 0;
    for (let x = x0; x < x1; x++) n += data[y * width + x] as number;
    rows.push(n);
  }
  const busiest = Math.max(0, ...rows);
  if (busiest === 0) return y1 - y0;
  const first = rows.findIndex((n) => n >= busiest / 6);
  const last = rows.length - 1 - [...rows].reverse().findIndex((n) => n >= busiest / 6);
  return last - first + 1;
}

/** True when there is ink within `radius` of column `x` inside the box (a character's place). */
export function hasInkNear(ink: BinaryImage, box: PixelBox, x: number, radius: number): boolean {
  const { data, width } = ink;
  const x0 = Math.max(Math.floor(box[0]), Math.floor(x - radius));
  const x1 = Math.min(Math.ceil(box[2]), Math.ceil(x + radius));
  let n = 0;
  for (let y = Math.floor(box[1]); y < Math.ceil(box[3]); y++) {
    for (let xx = x0; xx < x1; xx++) if (data[y * width + xx] && ++n >= MIN_INK) return true;
  }
  return false;
}

/** Rows or columns with fewer ink pixels than this are background (isolated scan noise). */
const MIN_INK = 2;

/** The tight box of the ink inside `box` (null when there is none). */
export function tightInkBox(ink: BinaryImage, box: PixelBox): PixelBox | null {
  const { data, width, height } = ink;
  const bx0 = Math.max(0, Math.floor(box[0]));
  const by0 = Math.max(0, Math.floor(box[1]));
  const bx1 = Math.min(width, Math.ceil(box[2]));
  const by1 = Math.min(height, Math.ceil(box[3]));
  if (bx1 <= bx0 || by1 <= by0) return null;
  const rows = new Uint32Array(by1 - by0);
  const cols = new Uint32Array(bx1 - bx0);
  for (let y = by0; y < by1; y++) {
    for (let x = bx0; x < bx1; x++) {
      if (data[y * width + x]) {
        rows[y - by0] = (rows[y - by0] as number) + 1;
        cols[x - bx0] = (cols[x - bx0] as number) + 1;
      }
    }
  }
  const first = (a: Uint32Array): number => a.findIndex((n) => n >= MIN_INK);
  const last = (a: Uint32Array): number => a.length - 1 - [...a].reverse().findIndex((n) => n >= MIN_INK);
  const top = first(rows);
  const left = first(cols);
  if (top < 0 || left < 0) return null;
  return [bx0 + left, by0 + top, bx0 + last(cols) + 1, by0 + last(rows) + 1];
}
