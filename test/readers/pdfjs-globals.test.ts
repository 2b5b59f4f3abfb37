/**
 * What loading pdf.js does to the thread's globals, and the one global selfeval's own threads
 * change: pdf.js's legacy build replaces built-ins with slower core-js versions (put back), and
 * reading with pdf.js's own inflate instead of DecompressionStream gives the same layout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfReader } from '../../src/readers/pdf/index.js';
import { loadPdfJs, preferPdfJsInflate } from '../../src/readers/pdf/pdfjs.js';

const ROOT = join(import.meta.dirname, '..', '..');
// Taken before pdf.js is loaded (it is loaded on first use, not on import). core-js disguises its
// versions as native code in Function.prototype.toString, so identity is what tells them apart.
const NATIVE = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };

describe('pdf.js and the thread’s globals', () => {
  it('after pdf.js is loaded, push and JSON are the engine’s own again, and the core-js additions pdf.js needs stay', { timeout: 60_000 }, async () => {
    await loadPdfJs();
    expect(Array.prototype.push).toBe(NATIVE.push);
    expect(JSON.stringify).toBe(NATIVE.stringify);
    expect(JSON.parse).toBe(NATIVE.parse);
    // pdf.js calls these on Node 20, which lacks them: core-js's versions must remain.
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
    expect(typeof (Uint8Array.prototype as { toHex?: unknown }).toHex).toBe('function');
    // Behaviour is the engine's: push returns the new length, stringify keeps key order.
    const list = [1];
    expect(list.push(2, 3)).toBe(3);
    expect(JSON.stringify({ b: 1, a: [1, '二'] })).toBe('{"b":1,"a":[1,"二"]}');
  });

  it('the library leaves DecompressionStream alone (only the CLI and the batch threads opt out of it)', { timeout: 60_000 }, async () => {
    await pdfReader.read(new Uint8Array(readFileSync(join(ROOT, 'samples/liwan-2023-table.chromium.pdf'))), { fileName: 'liwan-2023-table.chromium.pdf' });
    expect(typeof globalThis.DecompressionStream).toBe('function');
  });

  it.each([
    'samples/liwan-2023-table.chromium.pdf',
    'samples/zengcheng-2022-report.libreoffice.pdf',
    'samples/zengcheng-2022-report.cairo.pdf',
    'samples/beyond/pdf/baixi-slj-2022-project-table.chromium.pdf',
  ])('%s reads the same with pdf.js’s inflate as with DecompressionStream', { timeout: 120_000 }, async (path) => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, path)));
    const withStreams = await pdfReader.read(bytes, { fileName: path });
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
    try {
      preferPdfJsInflate();
      expect(globalThis.DecompressionStream).toBeUndefined();
      const withPdfJsInflate = await pdfReader.read(bytes, { fileName: path });
      expect(JSON.stringify(withPdfJsInflate)).toBe(JSON.stringify(withStreams));
      expect(withStreams.pages.length).toBeGreaterThan(0);
    } finally {
      if (saved) Object.defineProperty(globalThis, 'DecompressionStream', saved);
    }
  });
});
