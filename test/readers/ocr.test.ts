/**
 * OCR at the reader level: a page of prose read into lines in reading order, page images (PNG,
 * JPEG, TIFF) as documents, `--ocr always` on a text page, and reading being a pure function of the
 * bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeScan, makeScanImage } from '../../scripts/fixtures/scan.js';
import type { LayoutDocument } from '../../src/layout/model.js';
import { detectFormat, readLayout } from '../../src/readers/index.js';
import { readPdfTables } from '../../src/readers/pdf/tables.js';
import { errorOf, linesOf, tablesOf } from '../helpers/layout.js';

const ROOT = join(import.meta.dirname, '..', '..');
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(join(ROOT, path)));

/** Length of the longest common subsequence of two strings (order matters: reading order). */
function lcs(a: string, b: string): number {
  const prev = new Uint16Array(b.length + 1);
  const row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, row[j - 1] as number);
    prev.set(row);
  }
  return prev[b.length] as number;
}

const flat = (layout: LayoutDocument, page: number): string =>
  linesOf(layout)
    .filter((l) => l.page === page)
    .map((l) => l.text)
    .join('')
    .normalize('NFKC')
    .replace(/\s/gu, '');

describe('OCR of a page of prose', { timeout: 600_000 }, () => {
  it('reads its lines in reading order, as the text layer has them', async () => {
    const pdf = bytesOf('samples/zengcheng-2022-report.chromium.pdf');
    const text = await readLayout(pdf, { fileName: 'report.pdf' });
    const scan = await readLayout(await makeScan(pdf, { dpi: 200, tilt: -0.7, pages: [2] }), { fileName: 'report-scan.pdf' });
    expect(scan.ocrPages).toEqual([1]);
    const expected = flat(text, 2);
    const read = flat(scan, 1);
    expect(expected.length).toBeGreaterThan(500);
    // Nearly every character, in the same order (a swapped line would cost a whole line's length).
    expect(lcs(read, expected) / expected.length).toBeGreaterThan(0.97);
    const lines = linesOf(scan);
    expect(lines.length).toBeGreaterThanOrEqual(24);
    // Top to bottom, and each line boxed on the page with its confidence.
    for (let i = 1; i < lines.length; i++) expect((lines[i]?.bbox?.[1] ?? 0) + 2).toBeGreaterThanOrEqual(lines[i - 1]?.bbox?.[1] ?? 0);
    for (const line of lines) {
      expect(line.bbox).not.toBeNull();
      expect(line.confidence).toBeGreaterThan(0);
      expect(line.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('page images', { timeout: 600_000 }, () => {
  const form = bytesOf('samples/beyond/pdf/liuwan-town-2023-project-table.chromium.pdf');

  it('a PNG scan of a form is a document of one page read by OCR, tables included, the same on every read', async () => {
    const png = await makeScanImage(form, 1, { dpi: 200, tilt: 0.6 });
    expect(await detectFormat(png, 'scan.png')).toBe('image');
    const first = await readLayout(png, { fileName: 'scan.png' });
    expect(first.format).toBe('image');
    expect(first.pageCount).toBe(1);
    expect(first.ocrPages).toEqual([1]);
    // A4 at the image's 200 dpi: the page size in points comes from the resolution.
    expect(first.pages[0]?.width).toBeCloseTo(595, -1);
    const cells = tablesOf(first).flatMap((t) => t.cells.map((c) => c.text));
    expect(cells).toContain('总分');
    expect(cells.some((c) => c.startsWith('99.8'))).toBe(true);
    const again = await readLayout(png, { fileName: 'scan.png' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });

  it('JPEG and TIFF page images are read too; a broken image is CORRUPT', async () => {
    const png = await makeScanImage(form, 1, { dpi: 200 });
    // The top of the page only: enough to show each format is decoded and read.
    const { width = 0 } = await sharp(png).metadata();
    const top = sharp(png).extract({ left: 0, top: 0, width, height: 420 });
    const jpeg = new Uint8Array(await top.clone().jpeg({ quality: 90 }).withMetadata({ density: 200 }).toBuffer());
    const tiff = new Uint8Array(await top.clone().tiff({ compression: 'lzw', xres: 200 / 25.4, yres: 200 / 25.4 }).toBuffer());
    for (const [name, bytes] of [['top.jpg', jpeg], ['top.tif', tiff]] as const) {
      expect(await detectFormat(bytes, name)).toBe('image');
      const layout = await readLayout(bytes, { fileName: name });
      const text = layout.pages.flatMap((p) => p.blocks.map((b) => (b.type === 'line' ? b.line.text : b.table.cells.map((c) => c.text).join('')))).join('');
      expect(text).toContain('绩效目标自评表');
    }
    const broken = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect((await errorOf(readLayout(broken, { fileName: 'broken.png' }))).code).toBe('CORRUPT');
  });
});

describe('--ocr always on a text PDF', { timeout: 600_000 }, () => {
  it('reads the page from its pixels and finds the same budget row', async () => {
    const pdf = bytesOf('samples/zengcheng-2022-table.chromium.pdf');
    const text = await readPdfTables(pdf, { pages: [1] });
    const ocr = await readPdfTables(pdf, { pages: [1], ocr: 'always' });
    const row = (tables: typeof text.tables): string[] => {
      const budget = tables.find((t) => t.cells.some((c) => c.text === '91,470.79'));
      const cell = budget?.cells.find((c) => c.text === '91,470.79');
      return (budget?.cells ?? []).filter((c) => c.row === cell?.row).map((c) => c.text);
    };
    expect(row(ocr.tables)).toEqual(row(text.tables));
    expect(row(text.tables)).toContain('100.57');
    const cell = ocr.tables.flatMap((t) => t.cells).find((c) => c.text === '91,470.79');
    expect(cell?.confidence).toBeGreaterThan(0.9);
  });
});
