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

/** Every text of a layout, in a fixed order (title, then lines and cells page by page). */
function textsOf(layout: LayoutDocument): string[] {
  const out: string[] = layout.title === null ? [] : [layout.title];
  for (const p of layout.pages) {
    for (const b of p.blocks) {
      if (b.type === 'line') out.push(b.line.text);
      else for (const c of b.table.cells) out.push(c.text, ...(c.lines ?? []).map((l) => l.text));
    }
  }
  return out;
}

const SEPARATOR = '\u0000';
const CACHE = new WeakMap<LayoutDocument, Shadow>();

export function shadowOf(layout: LayoutDocument): Shadow {
  const cached = CACHE.get(layout);
  if (cached) return cached;
  // One conversion of the whole text tells whether there is anything to convert (most documents: no).
  const all = textsOf(layout).join(SEPARATOR);
  const simplifiedAll = toSimplifiedChars(all);
  if (simplifiedAll === all) {
    const same: Shadow = { layout, restore: (t) => t, restoreProvenance: (p) => p };
    CACHE.set(layout, same);
    return same;
  }
  const pieces = simplifiedAll.split(SEPARATOR);
  // Conversion keeps the separators; should it not, each text is converted on its own.
  const aligned = pieces.length === all.split(SEPARATOR).length;
  let next = 0;
  const originals: string[] = [];
  const converted: string[] = [];
  const convert = (text: string): string => {
    const candidate = pieces[next++];
    const out = aligned && candidate !== undefined ? candidate : toSimplifiedChars(text);
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
  const shadow: Shadow = { layout: copy, restore, restoreProvenance };
  CACHE.set(layout, shadow);
  return shadow;
}
