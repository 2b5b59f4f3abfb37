/**
 * Page images (PNG, JPEG, TIFF; a multi-page TIFF is several pages) → LayoutDocument, every page
 * read by OCR. Pixels are decoded with sharp, turned upright by their EXIF orientation, flattened
 * on white and brought to about 200 dpi; page sizes in points come from the image's resolution.
 */
import { SelfevalError } from '../../errors.js';
import type { LayoutDocument } from '../../layout/model.js';
import { pagesToLayout } from '../pdf/index.js';
import type { Reader, ReadOptions } from '../types.js';
import { sniffFormat } from '../sniff.js';
import { ocrPageStarting } from '../ocr-progress.js';

/** Resolution we read at: scans above it are scaled down (OCR gains nothing, and time grows with pixels). */
const TARGET_DPI = 200;
/** Pages larger than this many pixels (after scaling) are refused: ~A2 at 200 dpi. */
const MAX_PIXELS = 40_000_000;

/**
 * The image's resolution: its own when plausible; otherwise (none recorded, or the 72 that many
 * programs write when they know nothing) the one that makes its long side an A4 page's 11.69 in.
 */
function resolutionOf(density: number | undefined, width: number, height: number): number {
  if (density !== undefined && density >= 100 && density <= 1200) return density;
  return Math.max(width, height) / 11.69;
}

export async function readImage(bytes: Uint8Array, options: ReadOptions = {}): Promise<LayoutDocument> {
  const file = options.fileName ?? null;
  const { default: sharp } = await import('sharp');
  let pageCount: number;
  try {
    const meta = await sharp(bytes, { pages: 1 }).metadata();
    pageCount = Math.max(1, meta.pages ?? 1);
  } catch (error) {
    throw new SelfevalError('CORRUPT', { file, detail: `图像无法解码：${error instanceof Error ? error.message : String(error)}`, cause: error });
  }
  const ocr = await import('../ocr/index.js');
  const read: Awaited<ReturnType<typeof ocr.ocrPage>>[] = [];
  for (let page = 0; page < pageCount; page++) {
    ocrPageStarting(page + 1);
    let image: { data: Uint8Array; width: number; height: number; channels: number };
    let dpi: number;
    try {
      const input = sharp(bytes, { page, pages: 1, limitInputPixels: MAX_PIXELS * 4 });
      const meta = await input.metadata();
      // EXIF orientations 5–8 swap width and height.
      const swap = (meta.orientation ?? 1) >= 5;
      const width = (swap ? meta.height : meta.width) ?? 0;
      const height = (swap ? meta.width : meta.height) ?? 0;
      const own = resolutionOf(meta.density, width, height);
      const scale = own > TARGET_DPI * 1.25 ? TARGET_DPI / own : 1;
      dpi = own * scale;
      if (width * height * scale * scale > MAX_PIXELS) throw new Error(`${width}×${height} 像素，超过上限`);
      let pipeline = input.rotate().flatten({ background: '#ffffff' });
      if (scale !== 1) pipeline = pipeline.resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'lanczos3' });
      const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
      image = { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, channels: info.channels };
    } catch (error) {
      throw new SelfevalError('CORRUPT', { file, detail: `第 ${page + 1} 页图像无法解码：${error instanceof Error ? error.message : String(error)}`, cause: error });
    }
    read.push(await ocr.ocrPage(image, dpi, page + 1));
  }
  const pages = pagesToLayout(read.map((p) => p.layout));
  ocr.markConfidence(pages, new Map(read.map((p) => [p.layout.number, p.words])));
  return {
    format: 'image',
    pageCount,
    producer: null,
    title: null,
    pages,
    warnings: ocr.ocrWarnings(read),
    ocrPages: read.map((p) => p.layout.number),
  };
}

export const imageReader: Reader = {
  format: 'image',
  sniff: (bytes) => sniffFormat(bytes).format === 'image',
  read: readImage,
};
