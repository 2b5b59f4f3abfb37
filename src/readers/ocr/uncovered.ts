/**
 * Ink the text detector left out. The detector misses some isolated single characters (a lone
 * weight `7` in a cell); every blob of ink of about text size that no detected box covers becomes a
 * box of its own, so that it is read (and dropped if it reads as nothing).
 */
import type { DetectedBox, PixelBox } from './detect.js';
import type { BinaryImage } from './raster.js';

/** Ink blobs are looked for on a grid this many pixels a side (OR of the pixels). */
const CELL = 2;
/** More blobs than this left over: noise, not missed characters. */
const MAX_BLOBS = 1500;

/** Boxes (page pixels) of ink blobs of text size that no detected box holds. */
export function uncoveredInk(ink: BinaryImage, boxes: readonly DetectedBox[], textHeight: number): PixelBox[] {
  const gw = Math.ceil(ink.width / CELL);
  const gh = Math.ceil(ink.height / CELL);
  const grid = new Uint8Array(gw * gh);
  for (let y = 0; y < ink.height; y++) {
    const row = ((y / CELL) | 0) * gw;
    for (let x = 0; x < ink.width; x++) if (ink.data[y * ink.width + x]) grid[row + ((x / CELL) | 0)] = 1;
  }
  // Grid cells inside a detected box are already read.
  for (const { box } of boxes) {
    for (let gy = Math.max(0, Math.floor(box[1] / CELL)); gy < Math.min(gh, Math.ceil(box[3] / CELL)); gy++) {
      grid.fill(0, gy * gw + Math.max(0, Math.floor(box[0] / CELL)), gy * gw + Math.min(gw, Math.ceil(box[2] / CELL)));
    }
  }
  const speck = 0.12 * textHeight;
  const blobs = components(grid, gw, gh)
    .map((b): PixelBox => [b[0] * CELL, b[1] * CELL, (b[2] + 1) * CELL, (b[3] + 1) * CELL])
    .filter((b) => Math.max(b[2] - b[0], b[3] - b[1]) >= speck);
  // A page that is all specks (a noisy photo) has nothing of text size left to find this way.
  if (blobs.length > MAX_BLOBS) return [];
  const minSide = 0.35 * textHeight;
  const out: PixelBox[] = [];
  for (const b of mergeRow(blobs, 0.5 * textHeight)) {
    const w = b[2] - b[0];
    const h = b[3] - b[1];
    // Specks are noise; anything much taller than a line of text is a drawing, a signature or a seal.
    if (h < minSide || h > 2.5 * textHeight || w < 0.15 * textHeight) continue;
    const pad = 0.25 * textHeight;
    out.push([Math.max(0, b[0] - pad), Math.max(0, b[1] - pad), Math.min(ink.width, b[2] + pad), Math.min(ink.height, b[3] + pad)]);
  }
  return out;
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
