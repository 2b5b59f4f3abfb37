import type { Cell, LayoutDocument, Line } from '../../../src/layout/model.js';
import type { Provenance } from '../../../src/schema/provenance.js';
import { toSimplifiedChars } from './normalize.js';

/**
 * A copy of a layout in simplified characters, for reading documents printed in traditional ones
 * with a simplified vocabulary; what is read is then given back as printed (`restore`).
 */
export interface Shadow {
  layout: LayoutDocument;
  /** The printed text of a piece of the simplified copy (unchanged when it cannot be located). */
  restore(text: string): string;
  restoreProvenance(p: Provenance | null): Provenance | null;
}

export function shadowOf(layout: LayoutDocument): Shadow {
  const originals: string[] = [];
  const converted: string[] = [];
  const convert = (text: string): string => {
    const out = toSimplifiedChars(text);
    originals.push(text);
    converted.push(out.length === text.length ? out : text);
    return out;
  };
  const line = (l: Line): Line => ({ ...l, text: convert(l.text) });
  const cell = (c: Cell): Cell => ({ ...c, text: convert(c.text), ...(c.lines ? { lines: c.lines.map(line) } : {}) });
  const copy: LayoutDocument = {
    ...layout,
    title: layout.title === null ? null : convert(layout.title),
    pages: layout.pages.map((p) => ({
      ...p,
      blocks: p.blocks.map((b) => (b.type === 'line' ? { type: 'line', line: line(b.line) } : { type: 'table', table: { ...b.table, cells: b.table.cells.map(cell) } })),
    })),
  };
  if (converted.every((t, k) => t === originals[k])) {
    return { layout, restore: (t) => t, restoreProvenance: (p) => p };
  }
  const shadowAll = converted.join('\n');
  const printedAll = originals.join('\n');
  const restore = (text: string): string => {
    const at = shadowAll.indexOf(text);
    return at >= 0 ? printedAll.slice(at, at + text.length) : text;
  };
  const restoreProvenance = (p: Provenance | null): Provenance | null => {
    if (!p) return p;
    const m = /^(\[[^\]]*\]\s*)?([\s\S]*)$/u.exec(p.text);
    return { ...p, text: `${m?.[1] ?? ''}${restore(m?.[2] ?? p.text)}` };
  };
  return { layout: copy, restore, restoreProvenance };
}
