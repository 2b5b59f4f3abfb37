/**
 * Confidence on the anchors of OCR'd pages. After tables are built and stitched, every line and
 * cell of a page read by OCR gets the confidence of the least certain word inside its box (a value
 * is only as sure as its weakest part). Done on the finished layout, so that it holds whatever the
 * table stages did with the words.
 */
import { bboxContainsCenter } from '../../layout/bbox.js';
import type { Anchor, LayoutPage } from '../../layout/model.js';
import type { OcrWord } from './types.js';

function confidenceOf(anchor: Anchor, words: ReadonlyMap<number, readonly OcrWord[]>): number | null {
  if (anchor.page === null || !anchor.bbox) return null;
  const inside = (words.get(anchor.page) ?? []).filter((w) => bboxContainsCenter(anchor.bbox as NonNullable<Anchor['bbox']>, w.bbox, 0.5));
  if (inside.length === 0) return null;
  return Math.round(Math.min(...inside.map((w) => w.confidence)) * 1000) / 1000;
}

function mark(anchor: Anchor, words: ReadonlyMap<number, readonly OcrWord[]>): void {
  const c = confidenceOf(anchor, words);
  if (c !== null) anchor.confidence = c;
}

/** Set `confidence` on every line, table cell and cell line that lies on an OCR'd page. */
export function markConfidence(pages: readonly LayoutPage[], words: ReadonlyMap<number, readonly OcrWord[]>): void {
  for (const page of pages) {
    for (const block of page.blocks) {
      if (block.type === 'line') {
        mark(block.line, words);
        continue;
      }
      for (const cell of block.table.cells) {
        mark(cell, words);
        for (const line of cell.lines ?? []) mark(line, words);
      }
    }
  }
}
