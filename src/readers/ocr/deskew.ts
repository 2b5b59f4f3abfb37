/**
 * The tilt of a scanned page: the angle at which the ink, projected onto rows, gives the sharpest
 * profile (text lines and rules then fall into few rows). Searched coarsely over ±MAX_SKEW, then
 * finely around the best angle.
 */
import type { BinaryImage } from './raster.js';

/** Largest tilt looked for, in degrees (the scans we meet are within ~3°). */
export const MAX_SKEW = 4;
/** Tilts smaller than this are left alone (under a pixel across a page at 200 dpi). */
const MIN_SKEW = 0.02;
/** Ink points used at most: enough for a sharp profile, few enough to be quick. */
const MAX_POINTS = 150_000;

function profileScore(xs: Int32Array, ys: Int32Array, n: number, slope: number, height: number, width: number, bins: Float64Array): number {
  bins.fill(0);
  const offset = Math.ceil(Math.abs(slope) * width) + 1;
  for (let i = 0; i < n; i++) {
    const row = Math.round((ys[i] as number) - (xs[i] as number) * slope) + offset;
    if (row >= 0 && row < bins.length) bins[row] = (bins[row] as number) + 1;
  }
  let score = 0;
  for (let r = 0; r < bins.length; r++) score += (bins[r] as number) * (bins[r] as number);
  return score / Math.max(1, height);
}

/**
 * The page's tilt in degrees: positive when lines run down to the right (the content is turned
 * clockwise); rotating by minus this straightens it. 0 when no tilt is found.
 */
export function estimateSkew(ink: BinaryImage): number {
  const { data, width, height } = ink;
  let total = 0;
  for (let i = 0; i < data.length; i++) total += data[i] as number;
  if (total < 100) return 0;
  const step = Math.max(1, Math.ceil(total / MAX_POINTS));
  const xs = new Int32Array(Math.ceil(total / step) + 1);
  const ys = new Int32Array(xs.length);
  let n = 0;
  let k = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!data[y * width + x]) continue;
      if (k++ % step === 0) {
        xs[n] = x;
        ys[n] = y;
        n++;
      }
    }
  }
  const maxSlope = Math.tan((MAX_SKEW * Math.PI) / 180);
  const bins = new Float64Array(height + 2 * (Math.ceil(maxSlope * width) + 2));
  const scoreAt = (deg: number): number => profileScore(xs, ys, n, Math.tan((deg * Math.PI) / 180), height, width, bins);
  let best = 0;
  let bestScore = scoreAt(0);
  for (let deg = -MAX_SKEW; deg <= MAX_SKEW + 1e-9; deg += 0.1) {
    const s = scoreAt(deg);
    if (s > bestScore) {
      bestScore = s;
      best = deg;
    }
  }
  const coarse = best;
  for (let deg = coarse - 0.1; deg <= coarse + 0.1 + 1e-9; deg += 0.01) {
    const s = scoreAt(deg);
    if (s > bestScore) {
      bestScore = s;
      best = deg;
    }
  }
  const rounded = Math.round(best * 100) / 100;
  return Math.abs(rounded) < MIN_SKEW ? 0 : rounded;
}
