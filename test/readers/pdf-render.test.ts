import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdfPage } from '../../src/readers/pdf/render.js';
import { errorOf } from '../helpers/layout.js';

const ROOT = join(import.meta.dirname, '..', '..');
const bytesOf = (path: string) => new Uint8Array(readFileSync(join(ROOT, path)));
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('renderPdfPage', { timeout: 60_000 }, () => {
  const pdf = bytesOf('samples/zengcheng-2022-table.chromium.pdf');

  it('renders a whole landscape page at the size its dpi gives, as PNG', async () => {
    const page = await renderPdfPage(pdf, 1, { dpi: 72 });
    expect([page.width, page.height]).toEqual([842, 595]);
    expect([...page.png.subarray(0, 8)]).toEqual(PNG_MAGIC);
  });

  it('renders only the clip box (PDF points, top-left origin), scaled by dpi', async () => {
    const clip = await renderPdfPage(pdf, 1, { dpi: 144, clip: [50, 80, 300, 200] });
    expect([clip.width, clip.height]).toEqual([500, 240]);
    expect([...clip.png.subarray(0, 8)]).toEqual(PNG_MAGIC);
    // Same bytes twice: rendering is a pure function of the input.
    const again = await renderPdfPage(pdf, 1, { dpi: 144, clip: [50, 80, 300, 200] });
    expect(Buffer.from(again.png).equals(Buffer.from(clip.png))).toBe(true);
  });

  it('refuses a page outside the document and bad bytes with the reader codes', async () => {
    await expect(renderPdfPage(pdf, 9, { dpi: 72 })).rejects.toThrow(/page 9 is not in 1\.\.5/u);
    expect((await errorOf(renderPdfPage(bytesOf('test/fixtures/pdf/truncated.pdf'), 1, { dpi: 72 }))).code).toBe('TRUNCATED');
  });
});
