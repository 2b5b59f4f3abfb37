import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { manyRowsHtml, nestedHtml } from '../../scripts/make-bad-fixtures.js';
import { SelfevalError } from '../../src/errors.js';
import { placeSpannedRows } from '../../src/layout/grid.js';
import { collectInputs } from '../../src/pipeline/inputs.js';
import { extractBytes } from '../../src/pipeline/run.js';
import { readLayout } from '../../src/readers/index.js';
import { sniffFormat, textEncoding } from '../../src/readers/sniff.js';
import { listZipEntries, printableEntryName } from '../../src/readers/zip.js';
import { errorOf, linesOf, tablesOf } from '../helpers/layout.js';
import { ROOT, SAMPLES } from '../helpers/samples.js';

const BAD = join(ROOT, 'test/fixtures/bad');
const bad = (name: string): Uint8Array => new Uint8Array(readFileSync(join(BAD, name)));
const sample = (name: string): Uint8Array => new Uint8Array(readFileSync(join(SAMPLES, name)));

describe('format sniffing (content first, extension second)', () => {
  it('names every corpus format from its bytes alone, without a file name', () => {
    expect(sniffFormat(sample('liwan-2023-table.chromium.pdf')).format).toBe('pdf');
    expect(sniffFormat(sample('liwan-2023-table.docx')).format).toBe('docx');
    expect(sniffFormat(sample('liwan-2023-table.xlsx')).format).toBe('xlsx');
    expect(sniffFormat(sample('liwan-2023-table.html')).format).toBe('html');
    expect(sniffFormat(sample('liwan-2023-table.txt'))).toMatchObject({ format: 'text', encoding: 'utf-8', by: 'content' });
    expect(sniffFormat(readFileSync(join(ROOT, 'test/fixtures/office/zengcheng-2022-table.doc')))).toMatchObject({ format: null, legacy: true });
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])).format).toBe('image');
    expect(sniffFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0])).format).toBe('image');
    expect(sniffFormat(new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0])).format).toBe('image');
  });

  it('content wins over a wrong extension; the extension decides only when content names nothing', () => {
    expect(sniffFormat(sample('liwan-2023-table.docx'), 'liwan.pdf').format).toBe('docx');
    expect(sniffFormat(sample('liwan-2023-table.html'), 'page.doc').format).toBe('html');
    expect(sniffFormat(bad('random.pdf'), 'random.pdf')).toMatchObject({ format: 'pdf', by: 'extension' });
    expect(sniffFormat(bad('random.bin'), 'random.bin')).toMatchObject({ format: null, by: null });
  });

  it('tells UTF-16, GB 18030 and UTF-8 with one bad byte apart', () => {
    expect(textEncoding(bad('utf16.txt'))).toBe('utf-16le');
    expect(textEncoding(bad('gbk.txt'))).toBe('gb18030');
    expect(textEncoding(bad('invalid-utf8.txt'))).toBe('utf-8');
    expect(textEncoding(bad('random.txt'))).toBeNull();
  });
});

describe('text reader', () => {
  it('reads UTF-16 with a BOM instead of refusing it as CORRUPT', async () => {
    const result = await extractBytes(bad('utf16.txt'), 'utf16.txt');
    expect(result.ok && result.document.department.name).toBe('广州市荔湾区协作办公室');
    expect(result.ok && result.document.declared.total).toBe(100);
  });

  it('keeps a UTF-8 file with one invalid byte as UTF-8 (with a warning), not GB 18030', async () => {
    const layout = await readLayout(bad('invalid-utf8.txt'), { fileName: 'invalid-utf8.txt' });
    expect(layout.warnings.map((w) => w.code)).toEqual(['TEXT_INVALID_BYTES']);
    const result = await extractBytes(bad('invalid-utf8.txt'), 'invalid-utf8.txt');
    expect(result.ok && result.document.department.name).toBe('广州市荔湾区协作办公室');
    expect(result.ok && result.document.declared.total).toBe(100);
  });

  it('reads a GBK export into the same department and total as its UTF-8 original', async () => {
    const result = await extractBytes(bad('gbk.txt'), 'gbk.txt');
    expect(result.ok && result.document.declared.total).toBe(91.41);
  }, 30_000);
});

describe('HTML reader limits', () => {
  it('refuses 100,000 and 10,000 nested <div>s as CORRUPT, quickly and without a stack overflow', async () => {
    for (const depth of [100_000, 10_000]) {
      const error = await errorOf(readLayout(strToU8(nestedHtml(depth)), { fileName: 'deep.html' }));
      expect(error.code).toBe('CORRUPT');
      expect(error.message).toContain(`嵌套 ${depth} 层`);
    }
    // 500 levels are a document like any other.
    expect(linesOf(await readLayout(strToU8(nestedHtml(500)), { fileName: 'x.html' })).map((l) => l.text)).toEqual(['部门名称：测试']);
  }, 30_000);

  it('reads a 10,000-row table into 10,001 rows (the test timeout bounds the time)', async () => {
    const layout = await readLayout(strToU8(manyRowsHtml(10_000)), { fileName: 'rows.html' });
    const [table] = tablesOf(layout);
    expect(table?.rowCount).toBe(10_001);
    expect(table?.cells.find((c) => c.row === 10_000 && c.col === 0)?.text).toBe('指标9999');
  }, 60_000);

  it('clips huge rowspan/colspan values: memory follows the table, not the spans', async () => {
    const before = process.memoryUsage().heapUsed;
    const layout = await readLayout(bad('spans.html'), { fileName: 'spans.html' });
    const [table] = tablesOf(layout);
    expect(table?.rowCount).toBe(100);
    expect(table?.cells[0]).toMatchObject({ rowSpan: 100, colSpan: 1000 });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('places spans exactly as the full grid does', () => {
    const cells = (spans: Array<[number, number]>) => spans.map(([rowSpan, colSpan]) => ({ rowSpan, colSpan }));
    const placed = placeSpannedRows([cells([[2, 1], [1, 2]]), cells([[1, 1], [1, 1]]), cells([[1, 3]])]);
    expect(placed.map((c) => [c.row, c.col])).toEqual([[0, 0], [0, 1], [1, 1], [1, 2], [2, 0]]);
  });
});

describe('office readers limits', () => {
  it('reads an XLSX with one cell at XFD1048576 without blowing the heap', async () => {
    const layout = await readLayout(bad('sparse.xlsx'), { fileName: 'sparse.xlsx' });
    const tables = tablesOf(layout);
    expect(layout.warnings.map((w) => w.code)).toContain('XLSX_SPARSE_SHEET');
    expect(tables[0]?.rowCount).toBeLessThanOrEqual(3);
    expect(tables[0]?.cells.some((c) => c.ref === 'Sheet1!XFD1048576')).toBe(true);
  }, 60_000);

  it('does not call a DOCX nested deeper than 100 elements corrupt', async () => {
    const layout = await readLayout(bad('deep.docx'), { fileName: 'deep.docx' });
    expect(linesOf(layout).map((l) => l.text)).toEqual(['部门整体支出绩效自评表']);
  });

  it('ZIP messages carry no raw control characters and stay short', async () => {
    const name = `x\u0001\u0007\u001b[31m${'A'.repeat(9000)}`;
    const zip = zipSync({ [name]: new Uint8Array(2000) });
    let error: unknown = null;
    try {
      listZipEntries(zip, 'x.docx', { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 10_000 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SelfevalError);
    const message = (error as SelfevalError).message;
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\u0000-\u001f]/u);
    expect(message).toContain('x\\x01\\x07\\x1b[31mAAA');
    expect(message.length).toBeLessThan(400);
    expect(printableEntryName('a\nb')).toBe('a\\x0ab');
    const read = await errorOf(readLayout(bad('zip-control-chars.docx'), { fileName: 'zip-control-chars.docx' }));
    expect(read.code).toBe('CORRUPT');
  });
});

describe('batch inputs', () => {
  it('walks a folder with a symlink loop once, reads .text files, skips lock and hidden files with reasons', async () => {
    const { files, skipped } = await collectInputs([BAD]);
    const names = files.map((f) => f.path.slice(BAD.length + 1));
    expect(names.filter((n) => n.startsWith('loop/'))).toEqual(['loop/liwan-2023-table.txt', 'loop/sub/zengcheng-2022-report.txt']);
    expect(names).toContain('explanation.text');
    expect(skipped.map((s) => [s.file.slice(BAD.length + 1), s.reason])).toEqual(
      expect.arrayContaining([['.hidden.html', 'hidden'], ['~$lock.docx', 'office-lock-file'], ['loop/self', 'symlink-loop'], ['loop/sub/up', 'symlink-loop']]),
    );
    // A file named on the command line is read whatever it is; a missing one is reported.
    const explicit = await collectInputs([join(BAD, 'random.bin'), join(mkdtempSync(join(tmpdir(), 'selfeval-in-')), 'none.pdf')]);
    expect(explicit.files.map((f) => f.explicit)).toEqual([true]);
    expect(explicit.skipped.map((s) => s.reason)).toEqual(['not-found']);
  });
});
