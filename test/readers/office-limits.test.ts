import { readFile } from 'node:fs/promises';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../helpers/layout.js';
import { SelfevalError } from '../../src/errors.js';
import { docxReader } from '../../src/readers/docx/index.js';
import { readLayout } from '../../src/readers/index.js';
import { declaresEntities, parseXml } from '../../src/readers/xml.js';
import { xlsxReader } from '../../src/readers/xlsx/index.js';
import { crc32Of, DEFAULT_ZIP_LIMITS, listZipEntries, openZip } from '../../src/readers/zip.js';

async function bytesOf(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}


describe('ZIP limits', () => {
  it('refuses a zip bomb from its central directory, before inflating (declared 210 MB > 200 MB)', async () => {
    const bytes = await bytesOf('test/fixtures/office/bomb-declared.docx');
    expect(bytes.length).toBeLessThan(300_000);
    expect(() => listZipEntries(bytes)).toThrow(/word\/document\.xml/u);
    const error = await errorOf(readLayout(bytes, { fileName: 'bomb-declared.docx' }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.file).toBe('bomb-declared.docx');
  });

  it('stops a zip bomb that declares 1,000 bytes with the running inflate counter', async () => {
    const bytes = await bytesOf('test/fixtures/office/bomb-lying.docx');
    const entry = listZipEntries(bytes).find((e) => e.name === 'word/document.xml');
    expect(entry?.size).toBe(1000);
    const before = process.memoryUsage().arrayBuffers;
    const error = await errorOf(docxReader.read(bytes, { fileName: 'bomb-lying.docx' }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('word/document.xml');
    // Never expanded: far less than the 210 MB the entry holds stays allocated.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(150 * 1024 * 1024);
  });

  it('refuses a per-entry size, a total and an entry count past the limits', async () => {
    const docx = await bytesOf('samples/zengcheng-2022-table.docx');
    expect(listZipEntries(docx)).toHaveLength(10);
    expect(() => openZip(docx, null, { ...DEFAULT_ZIP_LIMITS, maxEntries: 5 })).toThrow(/条目过多/u);
    expect(() => openZip(docx, null, { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 50_000 })).toThrow(SelfevalError);
    const zip = openZip(docx, null, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 1_000_000 });
    expect(zip.readText('word/document.xml')?.length).toBeGreaterThan(100_000);
    // A lying archive is also held to the total across entries.
    const big = zipSync({ a: new Uint8Array(60_000), b: new Uint8Array(60_000) });
    const small = openZip(big, null, { maxEntries: 10, maxEntryBytes: 100_000, maxTotalBytes: 100_000 + 20_000 });
    expect(small.read('a')?.length).toBe(60_000);
    expect(small.read('b')?.length).toBe(60_000);
    expect(() => openZip(big, null, { maxEntries: 10, maxEntryBytes: 100_000, maxTotalBytes: 100_000 })).toThrow(/合计/u);
  });

  it('reports a file that is not a zip, or a truncated one, as CORRUPT', async () => {
    const docx = await bytesOf('samples/zengcheng-2022-table.docx');
    expect((await errorOf(docxReader.read(docx.subarray(0, docx.length - 200)))).code).toBe('CORRUPT');
    expect((await errorOf(xlsxReader.read(strToU8('PK\u0003\u0004 not really a zip')))).code).toBe('CORRUPT');
    expect((await errorOf(readLayout(strToU8('hello'), { fileName: 'x.docx' }))).code).toBe('CORRUPT');
  });

  it('checks each entry against its CRC-32: a damaged entry is CORRUPT, not garbage text', async () => {
    expect(crc32Of(strToU8('123456789'))).toBe(0xcbf43926);
    const docx = await bytesOf('samples/zengcheng-2022-table.docx');
    const entry = listZipEntries(docx).find((e) => e.name === 'word/document.xml')!;
    const view = new DataView(docx.buffer, docx.byteOffset);
    const dataStart = entry.localHeaderOffset + 30 + view.getUint16(entry.localHeaderOffset + 26, true) + view.getUint16(entry.localHeaderOffset + 28, true);
    let corruptCount = 0;
    for (const at of [0.25, 0.5, 0.75]) {
      const damaged = docx.slice();
      const i = dataStart + Math.floor(entry.compressedSize * at);
      damaged[i] = (damaged[i]! ^ 0x5a) & 0xff;
      const error = await errorOf(docxReader.read(damaged));
      if (error.code === 'CORRUPT') corruptCount++;
    }
    expect(corruptCount).toBe(3);
  });
});

describe('XML safety', () => {
  it('refuses an entity-expansion ("billion laughs") docx with UNSAFE_XML before parsing', async () => {
    const bytes = await bytesOf('test/fixtures/office/billion-laughs.docx');
    const error = await errorOf(readLayout(bytes, { fileName: 'billion-laughs.docx' }));
    expect(error.code).toBe('UNSAFE_XML');
    expect(error.detail).toBe('word/document.xml');
  });

  it('decodes only the five XML entities and character references', () => {
    expect(declaresEntities('<?xml version="1.0"?><!DOCTYPE x><x/>')).toBe(true);
    expect(declaresEntities('<x>&lt;!ENTITY</x>')).toBe(false);
    const root = parseXml('<a b="&quot;1&quot;"><t>&lt;&gt;&amp;&apos;&#x4E00;&#20108;&nbsp;</t></a>', 'test.xml');
    expect(root.attrs['b']).toBe('"1"');
    const t = root.children[0];
    expect(t && 'children' in t ? t.children.map((c) => ('text' in c ? c.text : '')).join('') : null).toBe("<>&'一二&nbsp;");
    // fast-xml-parser is lenient about mismatched tags; what is not XML at all is CORRUPT.
    expect(() => parseXml('<a b="1></a>', 'broken.xml')).toThrow(/CORRUPT/u);
    expect(() => parseXml('plain text', 'broken.xml')).toThrow(/CORRUPT/u);
  });
});
