/**
 * OCR as the readers use it: a page image (a rendered PDF page, or a scanned image file) → the
 * per-page layout the PDF reader builds from a text layer, plus the words (to put confidence on the
 * finished layout) and what was done to the page. The engine is loaded on first use only.
 */
import type { LayoutWarning } from '../../layout/model.js';
import type { TableSettingsInput } from '../../layout/table/settings.js';
import type { PdfPageLayout } from '../pdf/pages.js';
import { loadOcrEngine } from './engine.js';
import { ocrContentToPageLayout } from './layout.js';
import { ocrPageImage } from './page.js';
import type { RgbaPixels } from './raster.js';
import type { OcrWord } from './types.js';

export { markConfidence } from './confidence.js';
export type { OcrWord } from './types.js';

/** Resolution scanned PDF pages are rendered at for OCR. */
export const OCR_DPI = 200;

export interface OcrPage {
  layout: PdfPageLayout;
  words: OcrWord[];
  skew: number;
  turns: number;
  seals: number;
}

/** Read one page image (`dpi` pixels per inch) as page `number`. */
export async function ocrPage(image: RgbaPixels, dpi: number, number: number, settings?: TableSettingsInput): Promise<OcrPage> {
  const engine = await loadOcrEngine();
  const content = await ocrPageImage(engine, image, dpi);
  return { layout: ocrContentToPageLayout(content, number, settings), words: content.words, skew: content.skew, turns: content.turns, seals: content.seals };
}

/** Warnings about how OCR'd pages were read: pages turned to be read, pages on which nothing was read. */
export function ocrWarnings(pages: readonly OcrPage[]): LayoutWarning[] {
  const out: LayoutWarning[] = [];
  for (const p of pages) {
    const n = p.layout.number;
    const anchor = { page: n, bbox: null, ref: null };
    if (p.turns !== 0) {
      out.push({ code: 'OCR_PAGE_TURNED', message: `第 ${n} 页是横放的扫描页，已旋转 ${p.turns * 90}° 后识别，页面坐标按旋转后的页面给出`, anchor });
    }
    if (p.words.length === 0) out.push({ code: 'OCR_NO_TEXT', message: `第 ${n} 页经 OCR 未识别出文字`, anchor });
  }
  return out;
}
