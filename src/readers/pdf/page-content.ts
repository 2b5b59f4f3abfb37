/**
 * One PDF page → what the layout stages need: page size, words and rules, all in PDF points with
 * a top-left origin (the page's /Rotate and MediaBox offset applied once, through the viewport).
 */
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { operatorListToEdges, type Edge, type PdfOps } from './graphics.js';
import { loadPdfJs } from './pdfjs.js';
import { textItemsToWords, type PdfTextItem, type Word } from './text-items.js';

export type { Edge } from './graphics.js';
export type { Word } from './text-items.js';

export interface PageContent {
  /** Page width and height in PDF points, after /Rotate. */
  width: number;
  height: number;
  words: Word[];
  edges: Edge[];
  /** How many images the page paints (a page of images and no words is a scan). */
  images: number;
}

export async function readPageContent(page: PDFPageProxy): Promise<PageContent> {
  const pdfjs = await loadPdfJs();
  const viewport = page.getViewport({ scale: 1 });
  const [text, operators] = await Promise.all([
    page.getTextContent({ includeMarkedContent: false, disableNormalization: false }),
    page.getOperatorList(),
  ]);
  const items = text.items.filter((item): item is PdfTextItem & typeof item => 'str' in item);
  // Text placed outside the page box (cropped content) is not part of the page.
  const onPage = (w: Word): boolean => {
    const cx = (w.bbox[0] + w.bbox[2]) / 2;
    const cy = (w.bbox[1] + w.bbox[3]) / 2;
    return cx >= 0 && cy >= 0 && cx <= viewport.width && cy <= viewport.height;
  };
  const words = textItemsToWords(items, viewport.transform).filter(onPage);
  const edges = operatorListToEdges(operators.fnArray, operators.argsArray, pdfjs.OPS as unknown as PdfOps, viewport.transform);
  const imageOps = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject]);
  const images = operators.fnArray.reduce((n, fn) => (imageOps.has(fn) ? n + 1 : n), 0);
  return { width: viewport.width, height: viewport.height, words, edges, images };
}
