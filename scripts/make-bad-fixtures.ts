/**
 * Hostile and odd inputs for the batch: `npx tsx scripts/make-bad-fixtures.ts [DIR]` writes the
 * small ones into DIR (default test/fixtures/bad/, committed); `writeLargeFixtures(dir)` makes the
 * big generated ones (deep HTML, a 10,000-row table) where a test or the batch benchmark needs them.
 * Everything is made from the samples and fixed seeds: the same files every time.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = join(ROOT, 'samples');

/** A small deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(n: number, seed: number): Uint8Array {
  const rnd = seededRandom(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
}

/** A minimal OOXML package around the given parts. */
function ooxml(kind: 'docx' | 'xlsx', parts: Record<string, string>): Uint8Array {
  const main = kind === 'docx' ? 'word/document.xml' : 'xl/workbook.xml';
  const type = kind === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/${main}" ContentType="${type}"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`),
  };
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text);
  return zipSync(files);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A DOCX whose one paragraph sits 150 content controls deep (fast-xml-parser refused > 100 by default). */
function deepDocx(): Uint8Array {
  const depth = 150;
  const open = '<w:sdt><w:sdtContent>'.repeat(depth);
  const close = '</w:sdtContent></w:sdt>'.repeat(depth);
  return ooxml('docx', { 'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${open}<w:p><w:r><w:t>部门整体支出绩效自评表</w:t></w:r></w:p>${close}</w:body></w:document>` });
}

/** An XLSX with a title in A1 and one stray cell at XFD1048576 (the last cell of a sheet). */
function sparseXlsx(): Uint8Array {
  const S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return ooxml('xlsx', {
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${S}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet ${S}><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>部门整体支出绩效自评表</t></is></c><c r="B1" t="inlineStr"><is><t>2023年度</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>一级指标</t></is></c><c r="B2" t="inlineStr"><is><t>分值</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="C3:XFD1048575"/></mergeCells></worksheet>`,
  });
}

/** A ZIP named .docx whose central directory names carry control characters and run to 9,000 characters. */
function controlCharZip(): Uint8Array {
  const bytes = zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p/></w:body></w:document>`), [`x\u0001\u0007\u001b[31m${'A'.repeat(9000)}`]: strToU8('junk') });
  // Damage the document entry's data so reading it fails and names the entry.
  const at = bytes.indexOf(0x3c, 40);
  if (at > 0) bytes.fill(0xff, at, at + 8);
  return bytes;
}

function htmlSpans(): string {
  let rows = '';
  for (let i = 0; i < 100; i++) rows += `<tr><td rowspan="65534" colspan="1000">x</td><td rowspan="99999" colspan="99999">y</td></tr>`;
  return `<html><body><table>${rows}</table></body></html>`;
}

export function nestedHtml(depth: number): string {
  return `<html><body>${'<div>'.repeat(depth)}部门名称：测试${'</div>'.repeat(depth)}</body></html>`;
}

export function manyRowsHtml(rows: number): string {
  let body = '';
  for (let i = 0; i < rows; i++) body += `<tr><td>指标${i}</td><td>${i % 10}</td><td>完成</td><td>${i % 10}</td></tr>`;
  return `<html><body><p>部门整体支出绩效自评表</p><table><tr><th>三级指标</th><th>分值</th><th>完成情况</th><th>得分</th></tr>${body}</table></body></html>`;
}

function encodeGbk(text: string): Uint8Array {
  // Node's TextDecoder knows GB 18030 but there is no encoder: map each character through a table of
  // the characters the text uses, found by decoding every two-byte GBK code.
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return Uint8Array.from(out);
}

/** The small fixtures, written into `dir` (committed under test/fixtures/bad/). */
export function writeSmallFixtures(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const put = (name: string, data: string | Uint8Array): void => writeFileSync(join(dir, name), data);
  for (const ext of ['pdf', 'docx', 'txt']) put(`zero-byte.${ext}`, new Uint8Array(0));
  ['pdf', 'html', 'docx', 'xlsx', 'txt', 'text', 'doc', 'xls', 'png', 'bin'].forEach((ext, i) => put(`random.${ext}`, randomBytes(2048, 1000 + i)));
  const pdf = readFileSync(join(SAMPLES, 'liwan-2023-table.chromium.pdf'));
  put('truncated.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.6)));
  const text = pdf.toString('latin1');
  const start = text.lastIndexOf('startxref');
  put('broken-xref.pdf', Buffer.from(`${text.slice(0, start)}startxref\n999999999\n%%EOF\n`.replace(/\nxref\n/gu, '\nxrfe\n'), 'latin1'));
  copyFileSync(join(ROOT, 'test/fixtures/pdf/encrypted.pdf'), join(dir, 'encrypted.pdf'));
  copyFileSync(join(ROOT, 'test/fixtures/tables/prose-zh.libreoffice.pdf'), join(dir, 'not-self-evaluation.pdf'));
  copyFileSync(join(ROOT, 'test/fixtures/office/bomb-lying.docx'), join(dir, 'zip-bomb.docx'));
  copyFileSync(join(ROOT, 'test/fixtures/office/billion-laughs.docx'), join(dir, 'entity-bomb.docx'));
  put('nested-10k.html', nestedHtml(10_000));
  put('spans.html', htmlSpans());
  const tableText = readFileSync(join(SAMPLES, 'zengcheng-2022-table.txt'), 'utf8');
  put('gbk.txt', encodeGbk(tableText));
  const liwan = readFileSync(join(SAMPLES, 'liwan-2023-table.txt'), 'utf8');
  put('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(liwan, 'utf16le')]));
  const liwanBytes = Buffer.from(liwan, 'utf8');
  const cut = liwanBytes.indexOf(0x0a, 200) + 1;
  put('invalid-utf8.txt', Buffer.concat([liwanBytes.subarray(0, cut), Buffer.from([0xff]), liwanBytes.subarray(cut)]));
  copyFileSync(join(SAMPLES, 'panyu-2024-table-explanation.txt'), join(dir, 'explanation.text'));
  copyFileSync(join(SAMPLES, 'zengcheng-2022-report.html'), join(dir, `名称 含 空格 "引号" 's.html`));
  put('~$lock.docx', Buffer.concat([Buffer.from([0x0c]), Buffer.from('Someone'.padEnd(53, ' '), 'utf16le').subarray(0, 106), new Uint8Array(56)]));
  put('.hidden.html', '<html><body>hidden</body></html>');
  put('deep.docx', deepDocx());
  put('sparse.xlsx', sparseXlsx());
  put('zip-control-chars.docx', controlCharZip());
  const loop = join(dir, 'loop');
  rmSync(loop, { recursive: true, force: true });
  mkdirSync(join(loop, 'sub'), { recursive: true });
  copyFileSync(join(SAMPLES, 'liwan-2023-table.txt'), join(loop, 'liwan-2023-table.txt'));
  copyFileSync(join(SAMPLES, 'zengcheng-2022-report.txt'), join(loop, 'sub', 'zengcheng-2022-report.txt'));
  symlinkSync('..', join(loop, 'sub', 'up'));
  symlinkSync('.', join(loop, 'self'));
}

/** The big generated fixtures (not committed): 100,000 nested <div>s and a 10,000-row table. */
export function writeLargeFixtures(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'nested-100k.html'), nestedHtml(100_000));
  writeFileSync(join(dir, 'rows-10k.html'), manyRowsHtml(10_000));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeSmallFixtures(process.argv[2] ?? join(ROOT, 'test/fixtures/bad'));
}
