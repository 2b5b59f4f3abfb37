/**
 * Page furniture: page numbers (`— 6 —`, `- 6 -`, a lone `4`, `第 2 页，共 5 页`), headers and
 * footers repeated across pages, and the `附件 2` line that heads an attachment. None of it is
 * content; it is removed from the lines of every page before anything reads them.
 */
import type { BBox } from '../../layout/model.js';

export interface FurnitureLine {
  text: string;
  /** PDF points, top-left origin; a line without a box is never furniture by position. */
  bbox: BBox | null;
}

export interface FurniturePage<L extends FurnitureLine> {
  height: number;
  lines: L[];
}

const PAGE_NUMBER_PATTERNS: readonly RegExp[] = [
  /^[-—–－‒―~～]+\s*\d{1,4}\s*[-—–－‒―~～]+$/u,
  /^\d{1,4}$/u,
  /^第\s*\d{1,4}\s*页\s*[,，、]?\s*(共\s*\d{1,4}\s*页)?$/u,
  /^(page\s*)?\d{1,4}\s*(\/|of)\s*\d{1,4}$/iu,
  /^[（(]\s*\d{1,4}\s*[)）]$/u,
];

const ATTACHMENT_HEADING = /^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$/u;

/** Share of the page height, at the top and at the bottom, where furniture lives. */
const MARGIN_SHARE = 0.12;

export function isPageNumberText(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER_PATTERNS.some((p) => p.test(t));
}

function inMargin(line: FurnitureLine, height: number): boolean {
  if (!line.bbox) return false;
  return line.bbox[3] <= height * MARGIN_SHARE || line.bbox[1] >= height * (1 - MARGIN_SHARE);
}

/** Digits vary between repeated headers (page numbers, dates): compare with them masked. */
function repeatKey(text: string): string {
  return text.replace(/\s+/gu, '').replace(/[0-9０-９]+/gu, '#');
}

/** The pages' lines with furniture removed (the pages given are not changed). */
export function removeFurniture<L extends FurnitureLine>(pages: readonly FurniturePage<L>[]): L[][] {
  // Count, per masked text, on how many pages a margin line occurs.
  const seen = new Map<string, Set<number>>();
  pages.forEach((page, p) => {
    for (const line of page.lines) {
      if (!inMargin(line, page.height)) continue;
      const key = repeatKey(line.text);
      if (key === '') continue;
      (seen.get(key) ?? seen.set(key, new Set()).get(key))?.add(p);
    }
  });
  const repeatThreshold = Math.max(2, Math.ceil(pages.length * 0.5));
  return pages.map((page, p) => {
    const kept: L[] = [];
    page.lines.forEach((line, i) => {
      const edgeLine = i === 0 || i === page.lines.length - 1;
      if ((inMargin(line, page.height) || edgeLine) && isPageNumberText(line.text)) return;
      if (inMargin(line, page.height) && pages.length >= 2 && (seen.get(repeatKey(line.text))?.size ?? 0) >= repeatThreshold) return;
      if (p === 0 && kept.length === 0 && ATTACHMENT_HEADING.test(line.text.trim())) return;
      kept.push(line);
    });
    return kept;
  });
}
