import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../helpers/layout.js';
import { readLayout } from '../../src/readers/index.js';
import { pdfReader } from '../../src/readers/pdf/index.js';
import { readPdfTables } from '../../src/readers/pdf/tables.js';

const ROOT = join(import.meta.dirname, '..', '..');
const bytesOf = (path: string) => new Uint8Array(readFileSync(join(ROOT, path)));


describe('PDF errors', { timeout: 60_000 }, () => {
  it('reports an encrypted PDF as ENCRYPTED, naming the file', async () => {
    const error = await errorOf(pdfReader.read(bytesOf('test/fixtures/pdf/encrypted.pdf'), { fileName: 'encrypted.pdf' }));
    expect(error.code).toBe('ENCRYPTED');
    expect(error.file).toBe('encrypted.pdf');
    expect(error.message).toContain('文件已加密');
  });

  it('reports the first 60% of a corpus PDF as TRUNCATED', async () => {
    const error = await errorOf(pdfReader.read(bytesOf('test/fixtures/pdf/truncated.pdf'), { fileName: 'truncated.pdf' }));
    expect(error.code).toBe('TRUNCATED');
    expect(error.detail).toContain('%%EOF');
  });

  it('reports a text file named .pdf as CORRUPT, also through readLayout', async () => {
    const error = await errorOf(readLayout(bytesOf('test/fixtures/pdf/not-a-pdf.pdf'), { fileName: 'not-a-pdf.pdf' }));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toMatch(/^not-a-pdf\.pdf: /u);
  });

  it('reports a PDF header followed by garbage as CORRUPT', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\ngarbage garbage\n%%EOF\n');
    const error = await errorOf(pdfReader.read(bytes, { fileName: 'garbage.pdf' }));
    expect(error.code).toBe('CORRUPT');
  });

  it('reports an empty file as CORRUPT', async () => {
    expect((await errorOf(pdfReader.read(new Uint8Array(0)))).code).toBe('CORRUPT');
  });

  it('reports the scanned table as NO_TEXT_LAYER (扫描件无文本层，需要 OCR) when OCR is off', async () => {
    const error = await errorOf(pdfReader.read(bytesOf('test/fixtures/pdf/zengcheng-2022-table.scanned.pdf'), { fileName: 'scan.pdf', ocr: 'never' }));
    expect(error.code).toBe('NO_TEXT_LAYER');
    expect(error.message).toContain('扫描件无文本层，需要 OCR');
  }, 60_000);

  it('gives the same codes from readPdfTables', async () => {
    expect((await errorOf(readPdfTables(bytesOf('test/fixtures/pdf/encrypted.pdf'), {}))).code).toBe('ENCRYPTED');
    expect((await errorOf(readPdfTables(bytesOf('test/fixtures/pdf/truncated.pdf'), {}))).code).toBe('TRUNCATED');
  });
});

describe('PDF warnings', { timeout: 60_000 }, () => {
  it('warns about a page of images without text inside a text PDF', async () => {
    const { pagesToWarnings } = await import('../../src/readers/pdf/index.js');
    const page = (number: number, textChars: number, images: number) => ({ number, width: 595, height: 842, tables: [], lines: [], textChars, images });
    expect(pagesToWarnings([page(1, 900, 0), page(2, 0, 1), page(3, 0, 0)])).toEqual([
      { code: 'PAGE_NO_TEXT', message: '第 2 页只有图像、没有文本层（可能是扫描页），该页内容未读取', anchor: { page: 2, bbox: null, ref: null } },
    ]);
  });
});
