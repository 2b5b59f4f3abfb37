/**
 * One page image → what the layout stages need, as if it came from a PDF's text layer: words (with
 * their recognition confidence) and rules, in PDF points with a top-left origin. The steps:
 * grey with seals dropped → quarter turn when the text runs sideways → deskew → text boxes →
 * rules (long ink runs) → rules erased and text boxes split where a rule crosses them →
 * recognition → words.
 */
import type { Edge } from '../../layout/table/edges.js';
import type { BBox } from '../../layout/model.js';
import { detectText, type DetectedBox, type PixelBox } from './detect.js';
import { estimateSkew } from './deskew.js';
import type { OcrEngine } from './engine.js';
import { chooseOrientation } from './orientation.js';
import { binarize, despeckle, flattenLighting, quarterTurn, rotateGray, scaleGray, toGray, type BinaryImage, type GrayImage, type RgbaPixels } from './raster.js';
import { recognizeBoxes, type RecognizedChar } from './recognize.js';
import { eraseRules, findRules, type PixelRule } from './rules.js';
import { hasInkNear, inkBodyHeight, splitAtRules, tightInkBox } from './split.js';
import type { OcrWord } from './types.js';
import { fitBoxesToInk } from './uncovered.js';

export interface OcrPageContent {
  /** Page size in PDF points (of the page as read: turned upright). */
  width: number;
  height: number;
  words: OcrWord[];
  edges: Edge[];
  /** Tilt undone, degrees (positive: the scan was turned clockwise). */
  skew: number;
  /** Quarter turns clockwise applied to read the page upright (0–3). */
  turns: number;
  /** Red seals dropped out before reading. */
  seals: number;
}

/** Words from ink the detector passed over need this confidence (PaddleOCR's drop score). */
const EXTRA_MIN_CONFIDENCE = 0.5;

/** Detection works best with text ~15–20 px tall: at 200 dpi body text is ~30 px. */
const DETECTION_DPI = 120;

/**
 * The page's ink, scan dust removed from it and from the grey image (specks up to ~1.5 px² at
 * 100 dpi, scaled with the resolution: smaller than a full stop).
 */
function cleanInk(gray: GrayImage, dpi: number): BinaryImage {
  const ink = binarize(gray, Math.round(dpi / 5));
  // The smallest specks go from the grey image recognition reads too (next to a number the model
  // reads them as a full stop); a decimal point is several times larger, and is kept.
  despeckle(ink, Math.max(1, Math.floor((dpi / 100) ** 2)), (i) => {
    gray.data[i] = 255;
  });
  despeckle(ink, Math.max(2, Math.round((dpi / 100) ** 2 * 1.5)));
  return ink;
}

/** The tilt of a grey page, degrees (see estimateSkew). */
function straighten(gray: GrayImage, dpi: number): number {
  return estimateSkew(binarize(scaleGray(gray, 0.5), Math.round(dpi / 8)));
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * A box grown about its centre to a minimum size: the detector's box for a lone character is
 * smaller than the character.
 */
function atLeast(box: PixelBox, width: number, height: number, page: GrayImage): PixelBox {
  const grow = (a: number, b: number, min: number, limit: number): [number, number] => {
    if (b - a >= min) return [a, b];
    const c = (a + b) / 2;
    return [Math.max(0, c - min / 2), Math.min(limit, c + min / 2)];
  };
  const [x0, x1] = grow(box[0], box[2], width, page.width);
  const [y0, y1] = grow(box[1], box[3], height, page.height);
  return [x0, y0, x1, y1];
}

function boxHeight(b: PixelBox): number {
  return b[3] - b[1];
}

/** Read one page image rendered (or scanned) at `dpi`. */
export async function ocrPageImage(engine: OcrEngine, image: RgbaPixels, dpi: number): Promise<OcrPageContent> {
  const detScale = Math.min(1, DETECTION_DPI / dpi);
  const grey = toGray(image, dpi * 0.6);
  const seals = grey.seals;
  // A photo in poor light is made to look like a scan (a scan is left as it is).
  let gray = flattenLighting(grey.gray, Math.round(dpi / 4));
  // Deskew first (on a half-size ink image: quick, and the angle is still found to 0.01°).
  let skew = straighten(gray, dpi);
  if (skew !== 0) gray = rotateGray(gray, -skew);
  let ink = cleanInk(gray, dpi);
  let boxes = await detectText(engine, gray, detScale);
  // A page scanned sideways: turn it so that its text runs left to right, and look again.
  const turns = await chooseOrientation(engine, gray, boxes);
  if (turns !== 0) {
    gray = quarterTurn(gray, turns);
    const more = straighten(gray, dpi);
    if (more !== 0) gray = rotateGray(gray, -more);
    skew = Math.round((skew + more) * 100) / 100;
    ink = more !== 0 ? cleanInk(gray, dpi) : quarterTurn(ink, turns);
    boxes = await detectText(engine, gray, detScale);
  }
  const textHeight = median(boxes.map((b) => boxHeight(b.box))) || dpi / 6;
  boxes = boxes.map((b) => ({ ...b, box: atLeast(b.box, 0.5 * textHeight, 0.9 * textHeight, gray) }));
  const rules = dropStrokes(
    findRules(ink, {
      minHorizontal: Math.max(2.5 * textHeight, dpi / 4),
      minVertical: Math.max(1.1 * textHeight, dpi / 10),
      maxGap: Math.max(2, Math.round(dpi / 100)),
      maxThickness: Math.max(4, dpi / 25),
    }),
    boxes,
  );
  // Rules are not text: erased from what recognition sees, they are not read as 1, | or 一.
  // (`gray` is this function's own copy: toGray made it.)
  eraseRules(gray, rules, 255, 1);
  eraseRules(ink, rules, 0, 1);
  const fitted = fitBoxesToInk(ink, boxes, textHeight);
  const missed = fitted.missed.map((box): DetectedBox & { extra: true } => ({ box, score: 0, extra: true }));
  const pieces = splitBoxes([...fitted.boxes, ...missed], rules, ink, textHeight);
  const recognized = await recognizeBoxes(engine, gray, pieces.map((p) => p.box));
  const toPoints = 72 / dpi;
  const words = recognized.flatMap((r, i) => {
    const piece = pieces[i] as (typeof pieces)[number];
    // A character is only read where there is ink: the model makes up a `.` after a lone digit.
    const chars = dropSpeckStop(r.chars.filter((c) => c.text.trim() === '' || hasInkNear(ink, piece.ink, c.x, 0.4 * textHeight)));
    const found = wordOf(chars, piece.ink, inkBodyHeight(ink, piece.ink), toPoints);
    // Ink the detector did not take for text is kept only when it reads as text.
    return piece.extra ? found.filter((w) => w.mean >= EXTRA_MIN_CONFIDENCE) : found;
  });
  return {
    width: gray.width * toPoints,
    height: gray.height * toPoints,
    words,
    edges: rules.map((r) => ruleToEdge(r, toPoints)),
    skew,
    turns,
    seals,
  };
}

/**
 * Runs that lie inside one line of text are strokes of its characters (a large bold title has
 * vertical strokes as long as a short rule), not rules: a rule through a line goes on beyond it.
 */
function dropStrokes(rules: readonly PixelRule[], boxes: readonly DetectedBox[]): PixelRule[] {
  return rules.filter((r) => {
    return !boxes.some(({ box }) => {
      const tol = 0.1 * (box[3] - box[1]);
      return r.orientation === 'v'
        ? r.position >= box[0] && r.position <= box[2] && r.start >= box[1] - tol && r.end <= box[3] + tol
        : r.position >= box[1] && r.position <= box[3] && r.start >= box[0] - tol && r.end <= box[2] + tol;
    });
  });
}

/** Detected boxes → pieces between the rules that cross them, each with its tight ink box. */
function splitBoxes(boxes: ReadonlyArray<DetectedBox & { extra?: true }>, rules: readonly PixelRule[], ink: BinaryImage, textHeight: number): Array<{ box: PixelBox; ink: PixelBox; extra: boolean }> {
  const all: Array<{ box: PixelBox; ink: PixelBox; extra: boolean }> = [];
  for (const { box, extra } of boxes) {
    for (const piece of splitAtRules(box, rules, textHeight)) {
      const tight = tightInkBox(ink, piece);
      if (tight) all.push({ box: piece, ink: tight, extra: extra === true });
    }
  }
  // Two boxes over the same ink (the detector split a character, or a grown box met its
  // neighbour) would read it twice: the larger one is kept.
  const area = (b: PixelBox): number => (b[2] - b[0]) * (b[3] - b[1]);
  const kept: typeof all = [];
  for (const p of [...all].sort((a, b) => area(b.ink) - area(a.ink) || a.ink[1] - b.ink[1] || a.ink[0] - b.ink[0])) {
    if (!kept.some((k) => overlapArea(k.ink, p.ink) >= 0.8 * area(p.ink))) kept.push(p);
  }
  return kept.sort((a, b) => a.ink[1] - b.ink[1] || a.ink[0] - b.ink[0]);
}

function overlapArea(a: PixelBox, b: PixelBox): number {
  return Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
}

/**
 * A full stop read after the last digit of a word that is only a number (`10.`) is a speck of dust
 * beside the number (it is what the model makes of one): it is dropped. It carries no digit, so the
 * number is the same; a decimal point has digits after it and is never touched.
 */
function dropSpeckStop(chars: RecognizedChar[]): RecognizedChar[] {
  const text = chars.map((c) => c.text).join('').trim();
  if (!/^[0-9][0-9,]*(\.[0-9]+)?\.$/u.test(text)) return chars;
  const last = chars.map((c) => c.text.trim() !== '').lastIndexOf(true);
  return chars.filter((_, i) => i !== last);
}

function wordOf(chars: readonly RecognizedChar[], ink: PixelBox, bodyHeight: number, toPoints: number): OcrWord[] {
  const text = chars.map((c) => c.text).join('').trim();
  if (text === '') return [];
  const bbox: BBox = [ink[0] * toPoints, ink[1] * toPoints, ink[2] * toPoints, ink[3] * toPoints];
  const confidences = chars.filter((c) => c.text.trim() !== '').map((c) => c.confidence);
  const mean = confidences.reduce((s, c) => s + c, 0) / Math.max(1, confidences.length);
  return [
    {
      text,
      bbox,
      // The body of a line of Chinese is ~0.85 em; the text layer's word boxes are one em tall.
      fontSize: Math.max(1, (bodyHeight * toPoints) / 0.85),
      confidence: Math.min(...confidences),
      mean,
    },
  ];
}

function ruleToEdge(rule: PixelRule, toPoints: number): Edge {
  const p = rule.position * toPoints;
  const a = rule.start * toPoints;
  const b = rule.end * toPoints;
  return rule.orientation === 'h' ? { orientation: 'h', x0: a, x1: b, y0: p, y1: p } : { orientation: 'v', x0: p, x1: p, y0: a, y1: b };
}
