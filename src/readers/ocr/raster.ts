/**
 * Grey-level page images and the pixel operations OCR needs: RGBA → grey with red seals dropped out,
 * rotation (deskew, quarter turns), local-contrast binarisation, and bilinear resampling. Plain
 * typed arrays, so that results are exactly the same on every run.
 */

/** One byte a pixel, 0 = black, 255 = white, row by row from the top-left corner. */
export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** One byte a pixel, 1 = ink, 0 = background. */
export interface BinaryImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface RgbaPixels {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  /** Channels a pixel: 4 (RGBA, the default), 3 (RGB), 2 (grey + alpha) or 1 (grey). */
  channels?: number;
}

/** A pixel is red ink when red beats the other channels by this much (0..255). */
const RED_MARGIN = 60;

/**
 * True where a pixel is seal red: strong red, weak green and blue. (Black text under a seal stays
 * dark in every channel, so it is not red.)
 */
function isRed(r: number, g: number, b: number): boolean {
  return r >= 110 && r - Math.max(g, b) >= RED_MARGIN;
}

/**
 * Colour → grey. Inside red seals (red blobs about as tall as wide and larger than a line of text)
 * the red channel is used, which drops the seal and keeps the black text under it; elsewhere the
 * luminance, so that red text that is not a seal (a red heading) is still read.
 */
export function toGray(image: RgbaPixels, sealMinSide: number): { gray: GrayImage; seals: number } {
  const { width, height } = image;
  const channels = image.channels ?? 4;
  const src = image.data;
  const gray = new Uint8Array(width * height);
  if (channels < 3) {
    for (let i = 0; i < width * height; i++) gray[i] = src[i * channels] as number;
    return { gray: { data: gray, width, height }, seals: 0 };
  }
  const red = new Uint8Array(width * height);
  let reds = 0;
  for (let i = 0, p = 0; i < width * height; i++, p += channels) {
    const r = src[p] as number;
    const g = src[p + 1] as number;
    const b = src[p + 2] as number;
    gray[i] = (r * 299 + g * 587 + b * 114 + 500) / 1000;
    if (isRed(r, g, b)) {
      red[i] = 1;
      reds++;
    }
  }
  if (reds === 0) return { gray: { data: gray, width, height }, seals: 0 };
  const seals = sealBoxes(red, width, height, sealMinSide);
  for (const [x0, y0, x1, y1] of seals) {
    // The red channel, scaled so that the seal's own red is white: what a red filter in front of the
    // scanner would give. Black ink under the seal stays dark.
    const level = sealRedLevel(src, channels, red, width, [x0, y0, x1, y1]);
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = y * width + x;
        gray[i] = Math.min(255, Math.round(((src[i * channels] as number) * 255) / level));
      }
    }
  }
  return { gray: { data: gray, width, height }, seals: seals.length };
}

/** The typical red-channel value of a seal's red pixels (their median), at least 1. */
function sealRedLevel(src: RgbaPixels['data'], channels: number, red: Uint8Array, width: number, box: readonly [number, number, number, number]): number {
  const counts = new Uint32Array(256);
  let n = 0;
  for (let y = box[1]; y < box[3]; y++) {
    for (let x = box[0]; x < box[2]; x++) {
      const i = y * width + x;
      if (!red[i]) continue;
      counts[src[i * channels] as number] = (counts[src[i * channels] as number] as number) + 1;
      n++;
    }
  }
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += counts[v] as number;
    if (seen * 2 >= n) return Math.max(1, v);
  }
  return 255;
}

/** Boxes (pixels, [x0, y0, x1, y1) ) of red blobs shaped like seals, found on a coarse grid. */
function sealBoxes(red: Uint8Array, width: number, height: number, minSide: number): Array<[number, number, number, number]> {
  const cell = 8;
  const gw = Math.ceil(width / cell);
  const gh = Math.ceil(height / cell);
  const grid = new Uint8Array(gw * gh);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (red[y * width + x]) grid[((y / cell) | 0) * gw + ((x / cell) | 0)] = 1;
  }
  const boxes: Array<[number, number, number, number]> = [];
  const seen = new Uint8Array(gw * gh);
  const stack: number[] = [];
  for (let start = 0; start < grid.length; start++) {
    if (!grid[start] || seen[start]) continue;
    let [gx0, gy0, gx1, gy1] = [gw, gh, 0, 0];
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop() as number;
      const gx = i % gw;
      const gy = (i / gw) | 0;
      gx0 = Math.min(gx0, gx);
      gy0 = Math.min(gy0, gy);
      gx1 = Math.max(gx1, gx);
      gy1 = Math.max(gy1, gy);
      // 8-neighbours two cells away too: a seal's ring and its inner text are broken strokes.
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const nx = gx + dx;
          const ny = gy + dy;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const j = ny * gw + nx;
          if (grid[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    const w = (gx1 - gx0 + 1) * cell;
    const h = (gy1 - gy0 + 1) * cell;
    if (Math.min(w, h) >= minSide && Math.max(w, h) <= 2 * Math.min(w, h)) {
      const pad = cell;
      boxes.push([Math.max(0, gx0 * cell - pad), Math.max(0, gy0 * cell - pad), Math.min(width, (gx1 + 1) * cell + pad), Math.min(height, (gy1 + 1) * cell + pad)]);
    }
  }
  return boxes;
}

/** The `share` quantile (0..1) of a histogram of `n` values. */
function quantile(hist: Uint32Array, n: number, share: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v] as number;
    if (seen >= share * n) return v;
  }
  return 255;
}

/**
 * A photo in poor light → a scan: the paper's brightness, estimated block by block (its bright
 * quantile), is divided out, and the ink stretched back to black. Pages whose paper is already white
 * and even and whose ink is dark (every real scan) are left exactly as they are.
 */
export function flattenLighting(img: GrayImage, block: number): GrayImage {
  const { data, width, height } = img;
  const bw = Math.max(1, Math.ceil(width / block));
  const bh = Math.max(1, Math.ceil(height / block));
  const paper = new Float64Array(bw * bh);
  const hist = new Uint32Array(256);
  const all = new Uint32Array(256);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      hist.fill(0);
      let n = 0;
      for (let y = by * block; y < Math.min(height, (by + 1) * block); y++) {
        for (let x = bx * block; x < Math.min(width, (bx + 1) * block); x++) {
          const v = data[y * width + x] as number;
          hist[v] = (hist[v] as number) + 1;
          all[v] = (all[v] as number) + 1;
          n++;
        }
      }
      paper[by * bw + bx] = Math.max(1, quantile(hist, n, 0.9));
    }
  }
  const sorted = [...paper].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  const ink = quantile(all, width * height, 0.005);
  if (at(0.5) >= 235 && at(0.95) - at(0.05) <= 25 && ink <= 60) return img;
  // Smooth the paper estimate over neighbouring blocks, then divide it out pixel by pixel.
  const smooth = new Float64Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let s = 0;
      let c = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = bx + dx;
          const y = by + dy;
          if (x < 0 || y < 0 || x >= bw || y >= bh) continue;
          s += paper[y * bw + x] as number;
          c++;
        }
      }
      smooth[by * bw + bx] = s / c;
    }
  }
  const flat = new Uint8Array(width * height);
  const stretched = new Uint32Array(256);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) / block - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(bh - 1, y0 + 1);
    for (let x = 0; x < width; x++) {
      const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) / block - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(bw - 1, x0 + 1);
      const top = (smooth[y0 * bw + x0] as number) * (1 - (fx - x0)) + (smooth[y0 * bw + x1] as number) * (fx - x0);
      const bottom = (smooth[y1 * bw + x0] as number) * (1 - (fx - x0)) + (smooth[y1 * bw + x1] as number) * (fx - x0);
      const bg = top * (1 - (fy - y0)) + bottom * (fy - y0);
      const v = Math.min(255, Math.round(((data[y * width + x] as number) * 255) / bg));
      flat[y * width + x] = v;
      stretched[v] = (stretched[v] as number) + 1;
    }
  }
  // Faint ink back to black: the darkest half-percent becomes 0, paper stays 255.
  const lo = Math.min(200, quantile(stretched, width * height, 0.005));
  for (let i = 0; i < flat.length; i++) flat[i] = Math.max(0, Math.round((((flat[i] as number) - lo) * 255) / (255 - lo)));
  return { data: flat, width, height };
}

/** Bilinear sample at (x, y); white outside the image. */
function sample(img: GrayImage, x: number, y: number): number {
  const { data, width, height } = img;
  if (x < -0.5 || y < -0.5 || x > width - 0.5 || y > height - 0.5) return 255;
  const cx = Math.min(Math.max(x, 0), width - 1);
  const cy = Math.min(Math.max(y, 0), height - 1);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const a = data[y0 * width + x0] as number;
  const b = data[y0 * width + x1] as number;
  const c = data[y1 * width + x0] as number;
  const d = data[y1 * width + x1] as number;
  return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
}

/**
 * Rotate by `degrees` (positive = clockwise on screen) about the centre, keeping the size; what
 * comes in from outside is white. Used to undo a scan's small tilt.
 */
export function rotateGray(img: GrayImage, degrees: number): GrayImage {
  if (degrees === 0) return img;
  const { width, height } = img;
  const out = new Uint8Array(width * height);
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      // Inverse mapping: the source pixel that lands on (x, y).
      out[y * width + x] = Math.round(sample(img, cx + dx * cos + dy * sin, cy - dx * sin + dy * cos));
    }
  }
  return { data: out, width, height };
}

/** Turn by a multiple of 90° clockwise (exact, no resampling). */
export function quarterTurn(img: GrayImage, turns: number): GrayImage {
  const q = ((turns % 4) + 4) % 4;
  if (q === 0) return img;
  const { data, width, height } = img;
  const w = q === 2 ? width : height;
  const h = q === 2 ? height : width;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x] as number;
      const [nx, ny] = q === 1 ? [height - 1 - y, x] : q === 2 ? [width - 1 - x, height - 1 - y] : [y, width - 1 - x];
      out[ny * w + nx] = v;
    }
  }
  return { data: out, width: w, height: h };
}

/**
 * Ink vs background by local contrast (Bradley–Roth): a pixel is ink when it is darker than the
 * mean of the window around it by `share`. Works on unevenly lit, low-contrast photos, where one
 * global threshold does not.
 */
export function binarize(img: GrayImage, window: number, share = 0.15): BinaryImage {
  const { data, width, height } = img;
  const stride = width + 1;
  const integral = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += data[y * width + x] as number;
      integral[(y + 1) * stride + x + 1] = (integral[y * stride + x + 1] as number) + row;
    }
  }
  const half = Math.max(1, Math.floor(window / 2));
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - half);
    const y1 = Math.min(height, y + half + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - half);
      const x1 = Math.min(width, x + half + 1);
      const sum = (integral[y1 * stride + x1] as number) - (integral[y0 * stride + x1] as number) - (integral[y1 * stride + x0] as number) + (integral[y0 * stride + x0] as number);
      const mean = sum / ((x1 - x0) * (y1 - y0));
      const v = data[y * width + x] as number;
      // Mid-grey or darker only: paper texture in a bright window is not ink.
      out[y * width + x] = v < mean * (1 - share) && v < 200 ? 1 : 0;
    }
  }
  return { data: out, width, height };
}

/**
 * Scan dust: blobs of ink of at most `maxPixels` pixels (8-connected) become paper. Returns how many
 * blobs were removed.
 */
export function despeckle(ink: BinaryImage, maxPixels: number, onRemoved?: (pixel: number) => void): number {
  const { width, height } = ink;
  const d = ink.data;
  const seen = new Uint8Array(width * height);
  const blob: number[] = [];
  let removed = 0;
  for (let start = 0; start < d.length; start++) {
    if (!d[start] || seen[start]) continue;
    // Flood the blob, but stop collecting once it is larger than a speck.
    blob.length = 0;
    const stack = [start];
    seen[start] = 1;
    let size = 0;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      size++;
      if (blob.length <= maxPixels) blob.push(i);
      const x = i % width;
      const y = (i / width) | 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          if (d[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    if (size > maxPixels) continue;
    removed++;
    for (const i of blob) {
      d[i] = 0;
      onRemoved?.(i);
    }
  }
  return removed;
}

/** Resample a box of the image (pixels, may be fractional) to `w` × `h`, bilinear. */
export function resampleBox(img: GrayImage, box: readonly [number, number, number, number], w: number, h: number): Uint8Array {
  const [x0, y0, x1, y1] = box;
  const sx = (x1 - x0) / w;
  const sy = (y1 - y0) / h;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const fy = y0 + (y + 0.5) * sy - 0.5;
    for (let x = 0; x < w; x++) out[y * w + x] = Math.round(sample(img, x0 + (x + 0.5) * sx - 0.5, fy));
  }
  return out;
}

/** Scale the whole image by `factor` (< 1 shrinks, averaging when shrinking by 2 or more). */
export function scaleGray(img: GrayImage, factor: number): GrayImage {
  const w = Math.max(1, Math.round(img.width * factor));
  const h = Math.max(1, Math.round(img.height * factor));
  if (factor <= 0.5) {
    // Box filter: every source pixel counts once, so thin rules and strokes survive the shrink.
    const out = new Uint8Array(w * h);
    const sum = new Float64Array(w * h);
    const count = new Uint32Array(w * h);
    for (let y = 0; y < img.height; y++) {
      const ty = Math.min(h - 1, Math.floor((y * h) / img.height));
      for (let x = 0; x < img.width; x++) {
        const i = ty * w + Math.min(w - 1, Math.floor((x * w) / img.width));
        sum[i] = (sum[i] as number) + (img.data[y * img.width + x] as number);
        count[i] = (count[i] as number) + 1;
      }
    }
    for (let i = 0; i < w * h; i++) out[i] = Math.round((sum[i] as number) / Math.max(1, count[i] as number));
    return { data: out, width: w, height: h };
  }
  return { data: resampleBox(img, [0, 0, img.width, img.height], w, h), width: w, height: h };
}
