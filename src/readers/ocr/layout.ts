/**
 * An OCR'd page → the PDF reader's per-page layout, through the same stages a text-layer page goes
 * through: the lattice chain on the rules found in the image (edges → intersections → cells →
 * grid), words given to cells by their centre, the stream finder on the words outside, and lines
 * from what is left. Extractors then cannot tell an OCR'd page from a text page, except by the
 * confidence on its anchors.
 */
import { bboxContainsPoint, roundBBox } from '../../layout/bbox.js';
import { runsToLines } from '../../layout/lines.js';
import type { BBox, Line } from '../../layout/model.js';
import { findPageTables } from '../../layout/table/index.js';
import type { TableSettingsInput } from '../../layout/table/settings.js';
import type { PdfPageLayout } from '../pdf/pages.js';
import type { OcrPageContent } from './page.js';

export function ocrContentToPageLayout(content: OcrPageContent, number: number, settings?: TableSettingsInput): PdfPageLayout {
  const tables = findPageTables({ width: content.width, height: content.height, words: content.words, edges: content.edges, page: number }, settings);
  const areas = tables.flatMap((t): BBox[] => (t.table.bbox ? [t.table.bbox] : []));
  const free = content.words.filter((w) => {
    const cx = (w.bbox[0] + w.bbox[2]) / 2;
    const cy = (w.bbox[1] + w.bbox[3]) / 2;
    return !areas.some((b) => bboxContainsPoint(b, cx, cy));
  });
  const lines = runsToLines(free).map((l): Line => ({ page: number, bbox: roundBBox(l.bbox), ref: null, text: l.text, fontSize: Math.round(l.fontSize * 100) / 100 }));
  const textChars = content.words.reduce((n, w) => n + w.text.replace(/\s+/gu, '').length, 0);
  return { number, width: content.width, height: content.height, tables, lines, textChars, images: 1 };
}
