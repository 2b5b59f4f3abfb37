import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BBox } from '../../src/layout/model.js';
import { normalizeLookalikes } from '../../src/layout/text.js';
import { withPdfDocument } from '../../src/readers/pdf/pdfjs.js';
import type { Document } from '../../src/schema/document.js';
import type { Provenance } from '../../src/schema/provenance.js';
import { SAMPLES, readSample } from '../helpers/samples.js';

/**
 * For values read from PDFs, the text pdf.js itself finds inside the value's box (its own
 * getTextContent, independent of our layout code) holds the value's source text.
 */
const FILES = [
  'zengcheng-2022-table.chromium.pdf',
  'zengcheng-2022-table.libreoffice.pdf',
  'liwan-2023-table.chromium.pdf',
  'liwan-2023-table.cairo.pdf',
  'baiyun-2023-report.chromium.pdf',
  'baiyun-2023-report.libreoffice.pdf',
  'zengcheng-2022-report.cairo.pdf',
  'panyu-2024-table-explanation.libreoffice.pdf',
  'zengcheng-2022-table.unruled.pdf',
  'liwan-2023-table.unruled.pdf',
];

const squash = (s: string): string => normalizeLookalikes(s.normalize('NFKC')).replace(/[\s\u3000]/gu, '');

interface Item {
  text: string;
  box: BBox;
}

async function pageItems(file: string): Promise<Map<number, Item[]>> {
  const bytes = new Uint8Array(readFileSync(join(SAMPLES, file)));
  return withPdfDocument(bytes, async (pdf) => {
    const pages = new Map<number, Item[]>();
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || raw.str.trim() === '') continue;
        // Viewport coordinates: top-left origin, rotation applied, as our boxes are.
        const [a, b, c, d, e, f] = raw.transform as number[];
        const height = Math.hypot(c ?? 0, d ?? 0) || raw.height;
        const [x0, y0] = viewport.convertToViewportPoint(e ?? 0, f ?? 0) as [number, number];
        const horizontal = Math.abs(b ?? 0) < 1e-6;
        const box: BBox = horizontal ? [x0, y0 - height, x0 + raw.width, y0] : [x0 - height, y0 - raw.width, x0, y0];
        void a;
        items.push({ text: raw.str, box });
      }
      pages.set(n, items);
    }
    return pages;
  });
}

function textInside(items: readonly Item[], box: BBox): string {
  const pad = 1.5;
  return items
    .filter((it) => {
      const cx = (it.box[0] + it.box[2]) / 2;
      const cy = (it.box[1] + it.box[3]) / 2;
      return cx >= box[0] - pad && cx <= box[2] + pad && cy >= box[1] - pad && cy <= box[3] + pad;
    })
    .map((it) => it.text)
    .join('');
}

/** The values whose provenance we check: budget figures, totals, subtotals, facts, targets, rows. */
type Checked = { what: string; provenance: Provenance; expect: string[]; anyOf?: boolean };

function valuesOf(doc: Document): Checked[] {
  const out: Checked[] = [];
  for (const line of doc.budget.lines) out.push({ what: `budget ${line.label}`, provenance: line.provenance, expect: [line.provenance.text] });
  for (const [key, p] of Object.entries(doc.declared.provenance)) out.push({ what: `declared ${key}`, provenance: p, expect: [p.text] });
  for (const [key, f] of Object.entries(doc.facts)) out.push({ what: `fact ${key}`, provenance: f.provenance, expect: [f.provenance.text] });
  // A pair cut by a page break points at its larger part: check the part on the page it names.
  for (const t of doc.targets) out.push({ what: `target ${t.index}`, provenance: t.provenance, expect: [t.target?.text ?? '', t.actual.text].filter(Boolean).map((s) => s.slice(-30)), anyOf: true });
  for (const i of doc.indicators) {
    if (doc.kind !== 'self-evaluation-table') continue;
    out.push({ what: `indicator ${i.rubricId} ${i.part ?? ''}`, provenance: i.provenance, expect: i.provenance.text.split(' ').filter(Boolean) });
  }
  return out.filter((v) => v.provenance.page !== null && v.provenance.bbox !== null);
}

describe('provenance: the text inside a value’s box is its source text', () => {
  const docs = new Map<string, Document>();
  const items = new Map<string, Map<number, Item[]>>();
  beforeAll(async () => {
    for (const f of FILES) {
      docs.set(f, await readSample(f));
      items.set(f, await pageItems(f));
    }
  }, 300_000);

  it.each(FILES)('%s', (file) => {
    const doc = docs.get(file) as Document;
    const pages = items.get(file) as Map<number, Item[]>;
    const values = valuesOf(doc);
    expect(values.length).toBeGreaterThan(3);
    const failures: string[] = [];
    for (const v of values) {
      const inside = squash(textInside(pages.get(v.provenance.page as number) ?? [], v.provenance.bbox as BBox));
      // A cell cut by a page break keeps the box of its first part (the rest is in the layout's
      // cell.parts): its text then starts inside the box and runs on to the next page.
      const found = (part: string): boolean => inside.includes(squash(part)) || (part.length >= 6 && inside.includes(squash(part).slice(0, Math.ceil(part.length / 2))));
      const missing = v.expect.filter((e) => !e.split(/\s+/u).filter(Boolean).every(found));
      const ok = v.anyOf ? missing.length < v.expect.length || v.expect.length === 0 : missing.length === 0;
      if (!ok) failures.push(`${v.what}: "${missing.join('" / "')}" not in "${inside.slice(0, 120)}"`);
    }
    expect(failures).toEqual([]);
  });

  it('checks at least 30 values across the PDFs', () => {
    const total = FILES.reduce((n, f) => n + valuesOf(docs.get(f) as Document).length, 0);
    expect(total).toBeGreaterThanOrEqual(30);
  });
});
