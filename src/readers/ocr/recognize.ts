/**
 * Text recognition (PP-OCRv4 CRNN/SVTR model with CTC): each text box is resampled to the model's
 * height, boxes of similar width go through the model together, and the output is decoded greedily
 * (best class per step, repeats and blanks dropped). Every character keeps its probability and its
 * position across the box, so a line can be split where a rule crosses it.
 */
import { REC_HEIGHT, type OcrEngine } from './engine.js';
import type { PixelBox } from './detect.js';
import { resampleBox, type GrayImage } from './raster.js';

export interface RecognizedChar {
  text: string;
  /** The model's probability for this character (0..1). */
  confidence: number;
  /** Centre of the character across the box, in page pixels. */
  x: number;
}

export interface Recognized {
  box: PixelBox;
  text: string;
  chars: RecognizedChar[];
}

/** Pixels of model input per output step (the model downsamples the width by 8). */
const STEP = 8;
/** Widest input, in multiples of the height (longer lines are still read, squeezed). */
const MAX_RATIO = 60;
/**
 * Boxes per model run. One at a time is fastest on CPU (measured: 47 ms for a 640-px line alone,
 * 77 ms a line in batches of 8: the larger activations fall out of the cache).
 */
const BATCH = 1;

/**
 * Narrowest input the model is run on: a lone digit resampled to its own width gives the model a
 * few steps only, in which it makes up characters (`5` read as `5.`); PaddleOCR pads every input to
 * at least 320 px. The box's image keeps its width; the rest is padding.
 */
const MIN_INPUT_WIDTH = REC_HEIGHT * 4;

/** Width of a box resampled to the model's height (at most MAX_RATIO heights). */
function imageWidth(box: PixelBox): number {
  const w = box[2] - box[0];
  const h = box[3] - box[1];
  return Math.max(STEP, Math.min(REC_HEIGHT * MAX_RATIO, Math.ceil((REC_HEIGHT * w) / Math.max(1, h))));
}

/**
 * Classes that are one character in two widths (`,` and `，`, `(` and `（`, `1` and `１`): the same
 * after NFKC. The printed glyphs differ only in spacing, so the model often hesitates between them;
 * that is no doubt about what the character is.
 */
const TWINS = new WeakMap<readonly string[], Map<number, number[]>>();

function twinsOf(alphabet: readonly string[]): Map<number, number[]> {
  const cached = TWINS.get(alphabet);
  if (cached) return cached;
  const byForm = new Map<string, number[]>();
  alphabet.forEach((ch, i) => {
    if (i === 0 || ch.trim() === '') return;
    const form = ch.normalize('NFKC');
    (byForm.get(form) ?? byForm.set(form, []).get(form))?.push(i);
  });
  const twins = new Map<number, number[]>();
  for (const group of byForm.values()) if (group.length > 1) for (const i of group) twins.set(i, group);
  TWINS.set(alphabet, twins);
  return twins;
}

/**
 * Greedy CTC decoding of one box's [steps, classes] probabilities. A character's confidence is its
 * probability, plus its twin's (the same character in the other width).
 */
function decode(probs: Float32Array, offset: number, steps: number, classes: number, alphabet: readonly string[]): Array<{ text: string; confidence: number; step: number }> {
  const twins = twinsOf(alphabet);
  const out: Array<{ text: string; confidence: number; step: number }> = [];
  let previous = 0;
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    let best = 0;
    let bestP = probs[base] as number;
    for (let c = 1; c < classes; c++) {
      const p = probs[base + c] as number;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      const confidence = (twins.get(best) ?? [best]).reduce((s, c) => s + (probs[base + c] as number), 0);
      out.push({ text: alphabet[best] ?? '', confidence: Math.min(1, confidence), step: t });
    }
    previous = best;
  }
  return out;
}

/** Read every box of a grey page image; boxes with no character come back with empty text. */
export async function recognizeBoxes(engine: OcrEngine, page: GrayImage, boxes: readonly PixelBox[]): Promise<Recognized[]> {
  const order = boxes.map((box, i) => ({ box, i, width: imageWidth(box) })).sort((a, b) => a.width - b.width || a.i - b.i);
  const results: Recognized[] = new Array<Recognized>(boxes.length);
  for (let start = 0; start < order.length; start += BATCH) {
    const batch = order.slice(start, start + BATCH);
    const width = Math.ceil(Math.max(MIN_INPUT_WIDTH, ...batch.map((b) => b.width)) / STEP) * STEP;
    const plane = REC_HEIGHT * width;
    // Normalised to [-1, 1]; padding is 0, as the model was trained.
    const input = new Float32Array(batch.length * 3 * plane);
    batch.forEach((item, n) => {
      const pixels = resampleBox(page, item.box, item.width, REC_HEIGHT);
      for (let c = 0; c < 3; c++) {
        const out = input.subarray((n * 3 + c) * plane, (n * 3 + c + 1) * plane);
        for (let y = 0; y < REC_HEIGHT; y++) {
          for (let x = 0; x < item.width; x++) out[y * width + x] = (pixels[y * item.width + x] as number) / 127.5 - 1;
        }
      }
    });
    const { data, steps, classes } = await engine.recognize(input, batch.length, width);
    batch.forEach((item, n) => {
      const decoded = decode(data, n * steps * classes, steps, classes, engine.alphabet);
      const boxWidth = item.box[2] - item.box[0];
      const chars = decoded.map((d): RecognizedChar => ({
        text: d.text,
        confidence: d.confidence,
        // Steps past the image (in the padding) belong to its last character.
        x: item.box[0] + Math.min(1, ((d.step + 0.5) * STEP) / item.width) * boxWidth,
      }));
      results[item.i] = { box: item.box, text: chars.map((c) => c.text).join(''), chars };
    });
  }
  return results;
}
