/**
 * WordprocessingML paragraphs → text lines.
 *
 * A paragraph's runs are concatenated in order; `w:br`/`w:cr` start a new line, `w:tab` is a tab.
 * Deleted text (`w:del`, `w:moveFrom`) is left out, inserted text (`w:ins`, `w:moveTo`) kept. Field
 * instructions are left out and field results kept. Drawings and text boxes are not read (counted so
 * the reader can warn). Look-alike radicals are normalised here, once.
 */
import { joinWrapped, normalizeLookalikes } from '../../layout/text.js';
import { childAt, childElements, isElement, isOn, type XmlElement } from '../xml.js';
import type { ListNumbering } from './numbering.js';

/** State shared by the paragraphs of one document: list counters, and what was seen but not read. */
export interface ParagraphNotes {
  skippedTextBoxes: number;
  numbering?: ListNumbering | null;
}

/** Elements whose content is never text of the paragraph. */
const SKIP = new Set([
  'pPr', 'rPr', 'del', 'moveFrom', 'delText', 'delInstrText', 'instrText', 'fldData', 'footnoteReference',
  'endnoteReference', 'commentReference', 'annotationRef', 'lastRenderedPageBreak', 'proofErr', 'bookmarkStart',
  'bookmarkEnd', 'commentRangeStart', 'commentRangeEnd', 'permStart', 'permEnd', 'sdtPr', 'sdtEndPr', 'rubyPr', 'rt',
]);

/** Elements that hold drawings or text boxes (text boxes sit inside them). */
const DRAWINGS = new Set(['drawing', 'pict', 'object', 'AlternateContent']);

/** Symbol-font code points (`w:sym`) for the check boxes and ticks forms use. */
const SYMBOLS: Record<string, Record<number, string>> = {
  wingdings: { 0xa8: '☐', 0x6f: '□', 0xfe: '☑', 0xfd: '☒', 0xfc: '✓', 0xfb: '✗', 0x71: '❑', 0x6e: '■' },
  'wingdings 2': { 0x52: '☑', 0xa3: '☐', 0x54: '☒', 0x50: '✓', 0x53: '☒', 0x4f: '✗', 0x2a: '□' },
};

function symbolChar(sym: XmlElement): string {
  const code = Number.parseInt(sym.attrs['char'] ?? '', 16);
  if (!Number.isFinite(code)) return '';
  // Symbol fonts put their glyphs at F000 + code (private use); map known ones, keep real characters.
  const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const font = (sym.attrs['font'] ?? '').toLowerCase();
  const mapped = SYMBOLS[font]?.[low];
  if (mapped) return mapped;
  if (code >= 0xe000 && code <= 0xf8ff) return '';
  return String.fromCodePoint(code);
}

function hasTextBox(el: XmlElement): boolean {
  for (const child of el.children) {
    if (!isElement(child)) continue;
    if (child.name === 'txbxContent' || child.name === 'textbox') return true;
    if (hasTextBox(child)) return true;
  }
  return false;
}

/** One line of a paragraph: normalised text, and the text as found when normalising changed it. */
export interface ParagraphLine {
  text: string;
  raw?: string;
}

/**
 * The lines of one `w:p` (or of any run container): segments between breaks, whitespace collapsed
 * within a line (tabs kept), empty segments dropped. A numbered paragraph gets its list label
 * (`一、`) in front of its first line; pass the document's notes so that counters advance in order.
 */
export function paragraphLines(paragraph: XmlElement, notes?: ParagraphNotes): ParagraphLine[] {
  const segments: string[] = [''];
  const append = (text: string): void => {
    segments[segments.length - 1] += text;
  };
  const walk = (el: XmlElement): void => {
    for (const child of el.children) {
      if (!isElement(child)) continue;
      const name = child.name;
      if (SKIP.has(name)) continue;
      if (DRAWINGS.has(name)) {
        if (notes && hasTextBox(child)) notes.skippedTextBoxes++;
        continue;
      }
      switch (name) {
        case 't':
          for (const node of child.children) if (!isElement(node)) append(node.text);
          break;
        case 'tab':
        case 'ptab':
          append('\t');
          break;
        case 'br':
        case 'cr':
          segments.push('');
          break;
        case 'noBreakHyphen':
          append('-');
          break;
        case 'softHyphen':
          break;
        case 'sym':
          append(symbolChar(child));
          break;
        case 'r':
          // Hidden text (w:vanish) is not shown, so it is not read.
          if (!isOn(childAt(child, ['rPr', 'vanish']))) walk(child);
          break;
        default:
          // r, ins, moveTo, hyperlink, smartTag, customXml, fldSimple, sdt/sdtContent, oMath (m:r/m:t)…
          walk(child);
      }
    }
  };
  walk(paragraph);
  const lines: ParagraphLine[] = [];
  for (const segment of segments) {
    const raw = segment.replace(/[ \u00a0\r\n]+/gu, ' ').replace(/ *\t */gu, '\t').trim();
    if (raw === '') continue;
    const text = normalizeLookalikes(raw);
    lines.push(text === raw ? { text } : { text, raw });
  }
  const label = notes?.numbering?.labelFor(paragraph);
  if (label) {
    const first = lines[0];
    if (!first) lines.push({ text: label });
    else lines[0] = { text: joinWrapped(label, first.text), ...(first.raw !== undefined ? { raw: joinWrapped(label, first.raw) } : {}) };
  }
  return lines;
}

/**
 * The block-level children of a body, cell or content control in order, looking through the
 * wrappers that may hold paragraphs and tables (`w:sdt`/`w:sdtContent`, `w:customXml`, `w:ins`).
 */
export function blockElements(container: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of childElements(container)) {
    if (child.name === 'p' || child.name === 'tbl') out.push(child);
    else if (child.name === 'sdt' || child.name === 'sdtContent' || child.name === 'customXml' || child.name === 'ins' || child.name === 'moveTo') {
      out.push(...blockElements(child));
    }
  }
  return out;
}
