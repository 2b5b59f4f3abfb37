import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SelfevalError } from '../../src/errors.js';
import type { LayoutDocument } from '../../src/layout/model.js';
import { readLayout } from '../../src/readers/index.js';
import { docxReader } from '../../src/readers/docx/index.js';
import { findSoffice, isEncryptedOoxml, legacyTarget, readLegacyOffice } from '../../src/readers/legacy.js';

const hasSoffice = findSoffice() !== null;
const CONVERSION_TIMEOUT = 180_000;

async function read(path: string): Promise<LayoutDocument> {
  return readLayout(new Uint8Array(await readFile(path)), { fileName: path });
}

/** Lines, and every non-empty cell as "text ×rowSpan" in reading order, table by table. */
function contentSequence(doc: LayoutDocument): string[] {
  return doc.pages.flatMap((p) =>
    p.blocks.flatMap((b) =>
      b.type === 'line'
        ? [`line ${b.line.text}`]
        : [...b.table.cells].sort((x, y) => x.row - y.row || x.col - y.col).filter((c) => c.text !== '').map((c) => `${c.text} ×${c.rowSpan}`),
    ),
  );
}

describe('legacy Office files', () => {
  it('refuses a legacy file with LEGACY_FORMAT when LibreOffice is not available', async () => {
    const bytes = new Uint8Array(await readFile('test/fixtures/office/zengcheng-2022-table.doc'));
    const error = await readLegacyOffice(bytes, { fileName: 'a.doc', soffice: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SelfevalError);
    expect((error as SelfevalError).code).toBe('LEGACY_FORMAT');
    expect((error as SelfevalError).message).toContain('安装 LibreOffice');
  });

  it('reads a modern file published under a legacy extension directly, without LibreOffice', async () => {
    const bytes = new Uint8Array(await readFile('samples/zengcheng-2022-table.docx'));
    const doc = await readLegacyOffice(bytes, { fileName: 'misnamed.doc', soffice: null });
    expect(doc.format).toBe('docx');
    expect(contentSequence(doc)).toEqual(contentSequence(await read('samples/zengcheng-2022-table.docx')));
  });

  it('picks the conversion target from the extension, else from the OLE stream names', async () => {
    const doc = new Uint8Array(await readFile('test/fixtures/office/zengcheng-2022-table.doc'));
    const xls = new Uint8Array(await readFile('test/fixtures/office/liwan-2023-table.xls'));
    expect(legacyTarget(doc, 'x.wps')).toBe('docx');
    expect(legacyTarget(xls, 'x.et')).toBe('xlsx');
    expect(legacyTarget(doc)).toBe('docx');
    expect(legacyTarget(xls)).toBe('xlsx');
  });

  it('refuses a password-protected .docx (an OLE container with an EncryptedPackage stream) as ENCRYPTED', async () => {
    // A synthetic container: the OLE magic and the two stream names Office writes for an encrypted package.
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
    bytes.set(Buffer.from('EncryptionInfo', 'utf16le'), 1024);
    bytes.set(Buffer.from('EncryptedPackage', 'utf16le'), 1152);
    expect(isEncryptedOoxml(bytes)).toBe(true);
    expect(isEncryptedOoxml(new Uint8Array(await readFile('test/fixtures/office/zengcheng-2022-table.doc')))).toBe(false);
    const error = await readLayout(bytes, { fileName: 'locked.docx' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SelfevalError);
    expect((error as SelfevalError).code).toBe('ENCRYPTED');
    expect((error as SelfevalError).file).toBe('locked.docx');
  });

  it.skipIf(!hasSoffice)(
    'a Word 97 file published as .docx is converted, not refused as a broken zip (skipped when soffice is not installed)',
    async () => {
      const bytes = new Uint8Array(await readFile('test/fixtures/office/zengcheng-2022-table.doc'));
      const doc = await docxReader.read(bytes, { fileName: 'misnamed.docx' });
      expect(doc.format).toBe('docx');
      expect(contentSequence(doc)).toContain('管理效率 ×23');
    },
    CONVERSION_TIMEOUT,
  );

  it.skipIf(!hasSoffice)(
    '.doc made by LibreOffice from zengcheng-2022-table.docx reads to the same lines, cell texts and row spans (skipped when soffice is not installed)',
    async () => {
      const doc = await read('test/fixtures/office/zengcheng-2022-table.doc');
      const docx = await read('samples/zengcheng-2022-table.docx');
      expect(doc.format).toBe('docx');
      expect(doc.warnings.map((w) => w.code)).toContain('LEGACY_CONVERTED');
      const sequence = contentSequence(doc);
      expect(sequence).toHaveLength(193);
      expect(sequence).toEqual(contentSequence(docx));
      expect(sequence).toContain('管理效率 ×23');
      // Word 97 has no boundary between adjacent tables: the docx's three tables come back as one grid.
      expect(doc.pages[0]!.blocks.filter((b) => b.type === 'table')).toHaveLength(1);
    },
    CONVERSION_TIMEOUT,
  );

  it.skipIf(!hasSoffice)(
    '.xls made by LibreOffice from liwan-2023-table.xlsx reads to exactly the same grid, in two parallel runs (skipped when soffice is not installed)',
    async () => {
      // Two conversions at once: each has its own profile, and both give the same result.
      const [first, second] = await Promise.all([read('test/fixtures/office/liwan-2023-table.xls'), read('test/fixtures/office/liwan-2023-table.xls')]);
      const xlsx = await read('samples/liwan-2023-table.xlsx');
      expect(first.format).toBe('xlsx');
      expect(first.pages).toEqual(xlsx.pages);
      expect(second).toEqual(first);
    },
    CONVERSION_TIMEOUT,
  );
});
