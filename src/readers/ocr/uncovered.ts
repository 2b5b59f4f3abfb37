/**
 * Ink the text detector left out. The detector misses some isolated single characters (a lone
 * weight `7` in a cell) and cuts off the end of some lines (the 一 of 一级指标): a detected box
 * grows to take in the whole of every blob of ink on its line that it reaches into, and every blob
 * of about text size that no box reaches becomes a box of its own, so that it is read (and dropped
 * if it reads as nothing).
 */
import type { DetectedBox, PixelBox } from './detect.js';
import type { BinaryImage } from './raster.js';

/** Ink blobs are looked for on a grid this many pixels a side (OR of the pixels). */
const CELL = 2;
/** More blobs than this left over: noise, not missed characters. */
const MAX_BLOBS = 1500;

/** The detected boxes grown over the blobs they cut, and boxes (page pixels) of the blobs no box reaches. */
export function fitBoxesToInk(ink: BinaryImage, detected: readonly DetectedBox[], textHeight: number): { boxes: DetectedBox[]; missed: PixelBox[] } {
  const gw = Math.ceil(ink.width / CELL);
  const gh = Math.ceil(ink.height / CELL);
  const grid = new Uint8Array(gw * gh);
  for (let y = 0; y < ink.height; y++) {
    const row = ((y / CELL) | 0) * gw;
    for (let x = 0; x < ink.width; x++) if (ink.data[y * ink.width + x]) grid[row + ((x / CELL) | 0)] = 1;
  }
  const speck = 0.12 * textHeight;
  const all = components(grid, gw, gh)
    .map((b): PixelBox => [b[0] * CELL, b[1] * CELL, (b[2] + 1) * CELL, (b[3] + 1) * CELL])
    .filter((b) => Math.max(b[2] - b[0], b[3] - b[1]) >= speck);
  const meets = (a: PixelBox, b: PixelBox): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  const boxes = detected.map((d): DetectedBox => {
    const [x0, y0, x1, y1] = d.box;
    const grown: PixelBox = [x0, y0, x1, y1];
    for (const b of all) {
      // A blob on the box's line (its middle inside the box, not taller than the line) that the box
      // cuts, and the size of a stroke (a speck of dust beside a number is no reason to grow).
      // Or a full stop or comma just past the end of the line (the detector often leaves it out).
      const mid = (b[1] + b[3]) / 2;
      const stroke = b[3] - b[1] >= 0.3 * textHeight || b[2] - b[0] >= 0.4 * textHeight;
      const gap = Math.max(b[0] - x1, x0 - b[2]);
      const stop = !stroke && mid > y0 + 0.5 * (y1 - y0) && gap <= 0.5 * textHeight;
      const near = meets(b, d.box) || (stop && b[1] < y1 && b[3] > y0);
      if (!(stroke || stop) || !near || mid < y0 || mid > y1 || b[3] - b[1] > 1.6 * (y1 - y0)) continue;
      // With a little paper beyond the blob: the recogniser reads a last character only with some margin.
      const margin = 0.2 * textHeight;
      grown[0] = Math.min(grown[0], Math.max(b[0] - margin, x0 - 1.5 * textHeight));
      grown[2] = Math.max(grown[2], Math.min(b[2] + margin, x1 + 1.5 * textHeight, ink.width));
      grown[0] = Math.max(0, grown[0]);
    }
    return { ...d, box: grown };
  });
  // A blob that reaches into a detected box is part of that text.
  const blobs = all.filter((b) => !boxes.some((d) => meets(b, d.box)));
  // A page that is all specks (a noisy photo) has nothing of text size left to find this way.
  if (blobs.length > MAX_BLOBS) return { boxes, missed: [] };
  const minSide = 0.35 * textHeight;
  const out: PixelBox[] = [];
  for (const b of mergeRow(blobs, 0.5 * textHeight)) {
    const w = b[2] - b[0];
    const h = b[3] - b[1];
    // Specks are noise; anything much taller than a line of text is a drawing, a signature or a seal.
    // A flat blob as wide as a character is a dash or 一 (a form's "no value").
    const dash = h < minSide && w >= 0.45 * textHeight && w <= 2.5 * textHeight;
    if ((h < minSide && !dash) || h > 2.5 * textHeight || w < 0.15 * textHeight) continue;
    const pad = 0.25 * textHeight;
    out.push([Math.max(0, b[0] - pad), Math.max(0, b[1] - pad), Math.min(ink.width, b[2] + pad), Math.min(ink.height, b[3] + pad)]);
  }
  return { boxes, missed: out };
}

/** 8-connected components of a grid → their boxes in grid cells [x0, y0, x1, y1] (inclusive). */
function components(grid: Uint8Array, gw: number, gh: number): Array<[number, number, number, number]> {
  const seen = new Uint8Array(gw * gh);
  const stack = new Int32Array(gw * gh);
  const out: Array<[number, number, number, number]> = [];
  for (let start = 0; start < grid.length; start++) {
    if (!grid[start] || seen[start]) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let [x0, y0, x1, y1] = [gw, gh, 0, 0];
    while (top > 0) {
      const i = stack[--top] as number;
      const x = i % gw;
      const y = (i / gw) | 0;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const j = ny * gw + nx;
          if (grid[j] && !seen[j]) {
            seen[j] = 1;
            stack[top++] = j;
          }
        }
      }
    }
    out.push([x0, y0, x1, y1]);
  }
  return out;
}

/** Blobs side by side on one line (vertical overlap, gap under `gap`) → one box: the strokes of a character, or a short word. */
function mergeRow(blobs: readonly PixelBox[], gap: number): PixelBox[] {
  const boxes = [...blobs].sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((b): PixelBox => [...b]);
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < boxes.length && !merged; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as PixelBox;
        const b = boxes[j] as PixelBox;
        const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        const near = b[0] - a[2] <= gap && a[0] - b[2] <= gap;
        if (near && overlap > 0.3 * Math.min(a[3] - a[1], b[3] - b[1])) {
          boxes[i] = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
          boxes.splice(j, 1);
          merged = true;
          break;
        }
      }
    }
  }
  return boxes;
}
