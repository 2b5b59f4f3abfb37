import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOcrEngineLoaded } from '../../src/readers/ocr/engine.js';
import { isGarbageText, pagesToOcr } from '../../src/readers/pdf/ocr-pages.js';
import type { PdfPageLayout } from '../../src/readers/pdf/pages.js';
import { readLayout } from '../../src/readers/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

function page(number: number, textChars: number, images: number, text = ''): PdfPageLayout {
  const line = { page: number, bbox: null, ref: null, text };
  return { number, width: 595, height: 842, tables: [], lines: text ? [line] : [], textChars, images };
}

describe('which PDF pages are read by OCR', () => {
  it('auto: pages of images with no text layer, and garbage text layers; never: none; always: all', () => {
    const pages = [page(1, 900, 0, '部门整体支出绩效自评表'), page(2, 0, 1), page(3, 3, 2, '第3页'), page(4, 0, 0), page(5, 40, 1, '\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ufffd\ufffd\ufffd表')];
    expect(pagesToOcr(pages, 'auto')).toEqual([2, 3, 5]);
    expect(pagesToOcr(pages, 'never')).toEqual([]);
    expect(pagesToOcr(pages, 'always')).toEqual([1, 2, 3, 4, 5]);
  });

  it('a text layer is garbage when most of its characters are private-use or replacement characters', () => {
    expect(isGarbageText(['\ue000\ue001\ue002\ue003\ue004\ue005 一二三四'])).toBe(true);
    expect(isGarbageText(['部门整体支出绩效自评表（\ue000）'])).toBe(false);
    // Too little text to judge.
    expect(isGarbageText(['\ue000\ue001'])).toBe(false);
  });
});

describe('the OCR engine is loaded only for scans', { timeout: 60_000 }, () => {
  it('reading a text PDF and an HTML file does not load it', async () => {
    const pdf = await readLayout(new Uint8Array(readFileSync(join(ROOT, 'samples/zengcheng-2022-table.chromium.pdf'))), { fileName: 'table.pdf' });
    const html = await readLayout(new Uint8Array(readFileSync(join(ROOT, 'samples/zengcheng-2022-table.html'))), { fileName: 'table.html' });
    expect(pdf.ocrPages ?? []).toEqual([]);
    expect(html.pages.length).toBeGreaterThan(0);
    expect(isOcrEngineLoaded()).toBe(false);
  });
});
