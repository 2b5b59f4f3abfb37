/**
 * PDF page → pixels, with pdf.js in Node. Rendering goes through the document's own
 * `canvasFactory`: it is backed by the @napi-rs/canvas that pdfjs-dist depends on, and a canvas of
 * any other copy or version fails inside pdf.js ("parameter 1 is not of type 'Path2D'").
 * Used by OCR (raw pixels of a scanned page) and by evidence images (PNG of a page or a box).
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { BBox } from '../../layout/model.js';
import { checkPdfBytes } from './errors.js';
import { withPdfDocument } from './pdfjs.js';

export interface RenderOptions {
  /** Pixels per inch (72 = one pixel per PDF point). */
  dpi: number;
  /** Only this box of the page, in PDF points with a top-left origin (after /Rotate). */
  clip?: BBox;
}

/** RGBA pixels, row by row from the top-left corner, 4 bytes a pixel. */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

interface CanvasEntry {
  canvas: { width: number; height: number; encode(format: 'png'): Promise<Uint8Array> } | null;
  context: {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray; width: number; height: number };
  } | null;
}

interface CanvasFactory {
  create(width: number, height: number): CanvasEntry;
  destroy(entry: CanvasEntry): void;
}

/** The largest side we render (pixels): a 200-dpi A0 poster is ~9,400; beyond this a page is refused. */
const MAX_SIDE = 12_000;

function pixelBox(page: PDFPageProxy, options: RenderOptions): { scale: number; x: number; y: number; width: number; height: number } {
  if (!(options.dpi > 0 && Number.isFinite(options.dpi))) throw new RangeError(`dpi must be a positive number, got ${options.dpi}`);
  const scale = options.dpi / 72;
  const full = page.getViewport({ scale: 1 });
  const [x0, y0, x1, y1] = options.clip ?? [0, 0, full.width, full.height];
  const left = Math.max(0, Math.min(x0, x1));
  const top = Math.max(0, Math.min(y0, y1));
  const right = Math.min(full.width, Math.max(x0, x1));
  const bottom = Math.min(full.height, Math.max(y0, y1));
  const width = Math.max(1, Math.ceil((right - left) * scale));
  const height = Math.max(1, Math.ceil((bottom - top) * scale));
  if (width > MAX_SIDE || height > MAX_SIDE) throw new RangeError(`page render of ${width}×${height} px is over the ${MAX_SIDE} px limit`);
  return { scale, x: left * scale, y: top * scale, width, height };
}

/**
 * Render one page of an open document on a canvas from the document's factory, white background,
 * and hand the canvas to `use` before it is destroyed.
 */
async function withRenderedPage<T>(doc: PDFDocumentProxy, number: number, options: RenderOptions, use: (entry: CanvasEntry, width: number, height: number) => Promise<T>): Promise<T> {
  const page = await doc.getPage(number);
  try {
    const box = pixelBox(page, options);
    const factory = doc.canvasFactory as unknown as CanvasFactory;
    const entry = factory.create(box.width, box.height);
    try {
      // The offsets move the clip's top-left corner to the canvas origin.
      const viewport = page.getViewport({ scale: box.scale, offsetX: -box.x, offsetY: -box.y });
      const params = {
        canvas: entry.canvas,
        canvasContext: entry.context,
        viewport,
        background: 'rgb(255,255,255)',
        annotationMode: 0, // AnnotationMode.DISABLE: form widgets are not page content
      };
      // pdf.js types its canvas as the DOM's; in Node it is the factory's @napi-rs/canvas.
      await page.render(params as unknown as Parameters<PDFPageProxy['render']>[0]).promise;
      return await use(entry, box.width, box.height);
    } finally {
      factory.destroy(entry);
    }
  } finally {
    page.cleanup();
  }
}

/** One page of an open document as RGBA pixels (what OCR reads). */
export function renderPageRgba(doc: PDFDocumentProxy, number: number, options: RenderOptions): Promise<RgbaImage> {
  return withRenderedPage(doc, number, options, async (entry, width, height) => {
    const image = (entry.context as NonNullable<CanvasEntry['context']>).getImageData(0, 0, width, height);
    // Copy out of the canvas's memory, which is released when the canvas is destroyed.
    return { data: new Uint8ClampedArray(image.data), width, height };
  });
}

/** One page of an open document as a PNG. */
export function renderPagePng(doc: PDFDocumentProxy, number: number, options: RenderOptions): Promise<{ png: Uint8Array; width: number; height: number }> {
  return withRenderedPage(doc, number, options, async (entry, width, height) => {
    const png = await (entry.canvas as NonNullable<CanvasEntry['canvas']>).encode('png');
    return { png: new Uint8Array(png), width, height };
  });
}

/**
 * Render page `page` (1-based) of a PDF's bytes at `dpi`, the whole page or the `clip` box (PDF
 * points, top-left origin), to a PNG. Bad input fails with the reader's error codes.
 */
export async function renderPdfPage(bytes: Uint8Array, page: number, options: RenderOptions): Promise<{ png: Uint8Array; width: number; height: number }> {
  checkPdfBytes(bytes);
  return withPdfDocument(bytes, async (doc) => {
    if (!Number.isInteger(page) || page < 1 || page > doc.numPages) throw new RangeError(`page ${page} is not in 1..${doc.numPages}`);
    return renderPagePng(doc, page, options);
  });
}
