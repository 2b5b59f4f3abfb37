/**
 * Text detection (PP-OCRv4 DB model): the page, scaled so that text is ~15–20 px tall, goes
 * through the model; the probability map is thresholded, its connected regions become boxes, and
 * each box is grown back by the model's shrink ratio ("unclip", as in the DB paper). The page is
 * deskewed before this, so boxes are axis-aligned rectangles.
 */
import type { OcrEngine } from './engine.js';
import { scaleGray, type GrayImage } from './raster.js';

/** [x0, y0, x1, y1] in page pixels. */
export type PixelBox = [number, number, number, number];

export interface DetectedBox {
  box: PixelBox;
  /** Mean text probability inside the region (0..1). */
  score: number;
}

/** Probability above which a pixel is text (DB's binarisation threshold). */
const PIXEL_THRESHOLD = 0.3;
/** Mean probability a region needs to count as text (DB's box threshold). */
const BOX_THRESHOLD = 0.6;
/** DB's unclip ratio: the model predicts text shrunk by this much of area/perimeter. */
const UNCLIP_RATIO = 1.5;
/** Input sides must be multiples of this. */
const STRIDE = 32;
/** ImageNet mean and deviation, per channel, as the model was trained with. */
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

/** Grey image → model input [1, 3, h, w], padded with white to multiples of 32. */
function toInput(img: GrayImage): { input: Float32Array; width: number; height: number } {
  const width = Math.max(STRIDE, Math.ceil(img.width / STRIDE) * STRIDE);
  const height = Math.max(STRIDE, Math.ceil(img.height / STRIDE) * STRIDE);
  const plane = width * height;
  const input = new Float32Array(3 * plane);
  for (let c = 0; c < 3; c++) {
    const mean = MEAN[c] as number;
    const std = STD[c] as number;
    const white = (1 - mean) / std;
    const out = input.subarray(c * plane, (c + 1) * plane);
    out.fill(white);
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) out[y * width + x] = ((img.data[y * img.width + x] as number) / 255 - mean) / std;
    }
  }
  return { input, width, height };
}

/** Connected text regions of the probability map → boxes (map pixels), with their mean score. */
export function probabilityToBoxes(prob: Float32Array, width: number, height: number): DetectedBox[] {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const boxes: DetectedBox[] = [];
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || (prob[start] as number) <= PIXEL_THRESHOLD) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let [x0, y0, x1, y1] = [width, height, 0, 0];
    let sum = 0;
    let count = 0;
    while (top > 0) {
      const i = stack[--top] as number;
      const x = i % width;
      const y = (i / width) | 0;
      sum += prob[i] as number;
      count++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      // 4-neighbours, written out: this loop runs once per text pixel of the page.
      if (x > 0 && !seen[i - 1] && (prob[i - 1] as number) > PIXEL_THRESHOLD) {
        seen[i - 1] = 1;
        stack[top++] = i - 1;
      }
      if (x < width - 1 && !seen[i + 1] && (prob[i + 1] as number) > PIXEL_THRESHOLD) {
        seen[i + 1] = 1;
        stack[top++] = i + 1;
      }
      if (y > 0 && !seen[i - width] && (prob[i - width] as number) > PIXEL_THRESHOLD) {
        seen[i - width] = 1;
        stack[top++] = i - width;
      }
      if (y < height - 1 && !seen[i + width] && (prob[i + width] as number) > PIXEL_THRESHOLD) {
        seen[i + width] = 1;
        stack[top++] = i + width;
      }
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    const score = sum / count;
    if (Math.min(w, h) < 2 || score < BOX_THRESHOLD) continue;
    const d = (w * h * UNCLIP_RATIO) / (2 * (w + h));
    boxes.push({ box: [Math.max(0, x0 - d), Math.max(0, y0 - d), Math.min(width, x1 + 1 + d), Math.min(height, y1 + 1 + d)], score });
  }
  return boxes;
}

/**
 * Text boxes of a page image, in its pixels. `scale` is the factor the image is shrunk by for the
 * model (text ~15–20 px tall is what it detects best, and a smaller input is faster).
 */
export async function detectText(engine: OcrEngine, page: GrayImage, scale: number): Promise<DetectedBox[]> {
  const small = scale === 1 ? page : scaleGray(page, scale);
  const { input, width, height } = toInput(small);
  const prob = await engine.detect(input, width, height);
  const fx = page.width / small.width;
  const fy = page.height / small.height;
  return probabilityToBoxes(prob, width, height)
    .map(({ box, score }): DetectedBox => ({
      box: [box[0] * fx, box[1] * fy, Math.min(page.width, box[2] * fx), Math.min(page.height, box[3] * fy)],
      score,
    }))
    .filter((b) => b.box[2] > b.box[0] && b.box[3] > b.box[1]);
}
