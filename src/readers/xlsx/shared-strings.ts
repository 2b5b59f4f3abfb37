/**
 * xl/sharedStrings.xml (and inline strings) → plain text.
 *
 * A string item is either one `t` or rich-text runs (`r/t`), concatenated; phonetic guides (`rPh`)
 * are left out. Excel escapes characters XML cannot carry as `_xHHHH_` (`_x000D_`); those are decoded.
 */
import { normalizeLookalikes } from '../../layout/text.js';
import { childElements, isElement, type XmlElement } from '../xml.js';

/** Decode Excel's `_xHHHH_` escapes (`_x005F_` escapes a literal underscore sequence). */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The text of one string item (`si`, or a cell's inline `is`), line breaks kept as `\n`. */
export function stringItemText(item: XmlElement): string {
  let out = '';
  for (const child of childElements(item)) {
    if (child.name === 't') out += textOf(child);
    else if (child.name === 'r') for (const t of childElements(child, 't')) out += textOf(t);
    // rPh (phonetic runs) and phoneticPr are not shown in the cell
  }
  return normalizeLookalikes(decodeExcelEscapes(out).replace(/\r\n?/gu, '\n'));
}

function textOf(t: XmlElement): string {
  let out = '';
  for (const node of t.children) if (!isElement(node)) out += node.text;
  return out;
}

/** All shared strings in order (index = the `v` of a `t="s"` cell); [] without the part. */
export function readSharedStrings(root: XmlElement | null): string[] {
  return root ? childElements(root, 'si').map(stringItemText) : [];
}
