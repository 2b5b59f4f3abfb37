/**
 * Pages scanned sideways. Text boxes of a page whose lines run top to bottom are tall and narrow;
 * such a page is turned a quarter either way, and the way whose sample lines read with the higher
 * confidence wins.
 */
import type { DetectedBox, PixelBox } from './detect.js';
import type { OcrEngine } from './engine.js';
import { quarterTurn, type GrayImage } from './raster.js';
import { recognizeBoxes } from './recognize.js';

/** Lines sampled to tell a quarter turn clockwise from one anticlockwise. */
const SAMPLE = 4;

function crop(img: GrayImage, box: PixelBox): GrayImage {
  const x0 = Math.max(0, Math.floor(box[0]));
  const y0 = Math.max(0, Math.floor(box[1]));
  const w = Math.max(1, Math.min(img.width, Math.ceil(box[2])) - x0);
  const h = Math.max(1, Math.min(img.height, Math.ceil(box[3])) - y0);
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + w), y * w);
  return { data, width: w, height: h };
}

async function meanConfidence(engine: OcrEngine, images: readonly GrayImage[]): Promise<number> {
  let sum = 0;
  let count = 0;
  for (const image of images) {
    const [r] = await recognizeBoxes(engine, image, [[0, 0, image.width, image.height]]);
    for (const c of r?.chars ?? []) {
      sum += c.confidence;
      count++;
    }
  }
  return count === 0 ? 0 : sum / count;
}

/** Quarter turns clockwise (0, 1 or 3) that make the page's text run left to right. */
export async function chooseOrientation(engine: OcrEngine, page: GrayImage, boxes: readonly DetectedBox[]): Promise<number> {
  const area = (b: PixelBox): number => (b[2] - b[0]) * (b[3] - b[1]);
  const tall = boxes.filter((b) => b.box[3] - b.box[1] > 1.5 * (b.box[2] - b.box[0]));
  const wide = boxes.filter((b) => b.box[2] - b.box[0] > 1.5 * (b.box[3] - b.box[1]));
  const tallArea = tall.reduce((s, b) => s + area(b.box), 0);
  const wideArea = wide.reduce((s, b) => s + area(b.box), 0);
  if (tall.length < 3 || tallArea <= 2 * wideArea) return 0;
  const sample = [...tall].sort((a, b) => area(b.box) - area(a.box) || a.box[1] - b.box[1]).slice(0, SAMPLE).map((b) => crop(page, b.box));
  const clockwise = await meanConfidence(engine, sample.map((s) => quarterTurn(s, 1)));
  const anticlockwise = await meanConfidence(engine, sample.map((s) => quarterTurn(s, 3)));
  return clockwise >= anticlockwise ? 1 : 3;
}
