/**
 * Glyph-shared variants in PDF text. A CJK font subset draws 户 and 戶 (or — and ―) with one glyph,
 * and its ToUnicode map names one of them; the text a reader gets may be the form the document does
 * not use. In a document written in simplified characters, the traditional form of such a pair is
 * the font's choice, not the author's: it is mapped back (glyph-variants.json), the printed text kept
 * in `raw`. A document in traditional characters is left as it is.
 */
import * as OpenCC from 'opencc-js/t2cn';
import data from './glyph-variants.json' with { type: 'json' };
import type { Cell, LayoutPage, Line } from './model.js';

const VARIANTS: Readonly<Record<string, string>> = data.variants;
const CLASS = `[${Object.keys(VARIANTS).map((c) => c.replace(/[\\\]^-]/gu, '\\$&')).join('')}]`;
const HAS_VARIANT = new RegExp(CLASS, 'u');
const EVERY_VARIANT = new RegExp(CLASS, 'gu');
const HAN = /\p{Script=Han}/u;

/** Fewer distinct ideographs than this say too little about the script to change anything. */
const MIN_HAN = 20;
/** Share of distinct ideographs that may be traditional in a simplified document (names, 乾/於 in quotations). */
const MAX_TRADITIONAL = 0.02;

let converter: ((text: string) => string) | null = null;

/** The text's ideographs, apart from the variants themselves, are simplified characters. */
export function isOtherwiseSimplified(text: string): boolean {
  const han = [...new Set(text)].filter((c) => HAN.test(c) && VARIANTS[c] === undefined);
  if (han.length < MIN_HAN) return false;
  // Made on first use: most documents hold no variant and never need it.
  const toCn = (converter ??= OpenCC.Converter({ from: 'hk', to: 'cn' }));
  const converted = toCn(han.join('\n')).split('\n');
  const traditional = han.filter((c, i) => converted[i] !== c).length;
  return traditional <= MAX_TRADITIONAL * han.length;
}

function mapText<T extends { text: string; raw?: string }>(item: T): void {
  if (!HAS_VARIANT.test(item.text)) return;
  const mapped = item.text.replace(EVERY_VARIANT, (c) => VARIANTS[c] ?? c);
  item.raw ??= item.text;
  item.text = mapped;
}

function mapLine(line: Line): void {
  mapText(line);
}

function mapCell(cell: Cell): void {
  mapText(cell);
  cell.lines?.forEach(mapLine);
}

/** Every text of the pages, for the script check. */
function pagesText(pages: readonly LayoutPage[]): string {
  return pages
    .flatMap((p) => p.blocks.map((b) => (b.type === 'line' ? b.line.text : b.table.cells.map((c) => c.text).join('\n'))))
    .join('\n');
}

/**
 * Map glyph-shared variants in place when the document holds one and is otherwise written in
 * simplified characters. Returns whether anything was mapped.
 */
export function applyGlyphVariants(pages: readonly LayoutPage[]): boolean {
  const text = pagesText(pages);
  if (!HAS_VARIANT.test(text) || !isOtherwiseSimplified(text)) return false;
  for (const page of pages) {
    for (const block of page.blocks) {
      if (block.type === 'line') mapLine(block.line);
      else block.table.cells.forEach(mapCell);
    }
  }
  return true;
}
