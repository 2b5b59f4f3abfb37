/**
 * Format sniffing: one step that names a file's format from its content first and its extension
 * second, before any reader is loaded (nothing here imports a reader).
 *
 * Content decides whenever it can: magic numbers (PDF, OLE, ZIP, PNG/JPEG/TIFF), the ZIP central
 * directory's entry names (DOCX vs XLSX), markup (HTML), and a text test that knows UTF-8, UTF-16 and
 * GB 18030. The extension is used only when content names nothing (a damaged file keeps its reader,
 * so the reader can say what is wrong with it).
 */
import type { Format } from '../layout/model.js';
import { listZipEntries } from './zip.js';

/** Formats a reader may exist for; 'image' is read only when an image (OCR) reader is registered. */
export type SniffedFormat = Format | 'image';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Sniffed {
  /** The format to read the file as; null when nothing says (unknown content, unknown extension). */
  format: SniffedFormat | null;
  /**
   * Read through the legacy-Office path: an OLE compound file (legacy .doc/.xls/.wps/.et, or a
   * password-protected DOCX/XLSX), or content nothing names under a legacy extension.
   */
  legacy: boolean;
  /** What decided: `content` (magic, entries, markup, text) or `extension`. */
  by: 'content' | 'extension' | null;
  /** For text and HTML: the encoding the content is in. */
  encoding: TextEncoding | null;
  /** Why, in a few words (for skipped.csv and --verbose). */
  evidence: string;
}

export const EXTENSION_FORMATS: Readonly<Record<string, SniffedFormat>> = {
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.xlsx': 'xlsx',
  '.txt': 'text',
  '.text': 'text',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.tif': 'image',
  '.tiff': 'image',
};

export const LEGACY_EXTENSIONS = ['.doc', '.xls', '.wps', '.et'] as const;

function isLegacyExtension(ext: string): boolean {
  return (LEGACY_EXTENSIONS as readonly string[]).includes(ext);
}

export function extensionOf(fileName: string): string {
  return fileName.toLowerCase().match(/\.[a-z0-9]+$/u)?.[0] ?? '';
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function imageKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  return null;
}

/** `%PDF-` within the first KiB (some producers put junk before it). */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** DOCX or XLSX by the entries the central directory lists (nothing is inflated); null when neither. */
function zipFormat(bytes: Uint8Array): 'docx' | 'xlsx' | null {
  try {
    const unlimited = { maxEntries: Number.MAX_SAFE_INTEGER, maxEntryBytes: Number.MAX_SAFE_INTEGER, maxTotalBytes: Number.MAX_SAFE_INTEGER };
    const names = listZipEntries(bytes, null, unlimited).map((e) => e.name);
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    return null;
  } catch {
    return null;
  }
}

/** Bytes the encoding cannot decode, counted on a sample (replacement characters produced). */
function invalidCount(bytes: Uint8Array, encoding: TextEncoding): number {
  const text = new TextDecoder(encoding, { fatal: false }).decode(bytes);
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** UTF-16 without a BOM: most even (or odd) bytes are zero, as in ASCII-heavy UTF-16 text. */
function utf16WithoutBom(sample: Uint8Array): TextEncoding | null {
  if (sample.length < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control characters other than tab, line feed, form feed and carriage return. */
function binaryControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) n++;
  }
  return n;
}

/**
 * The encoding of text bytes, or null when they are not text. A few invalid UTF-8 sequences in an
 * otherwise UTF-8 file keep it UTF-8 (the text reader replaces them and warns); GB 18030 is chosen only
 * when it decodes the bytes with clearly fewer errors than UTF-8 does.
 */
export function textEncoding(bytes: Uint8Array): TextEncoding | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  const sample = bytes.subarray(0, 64 * 1024);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return binaryControls(new TextDecoder(utf16).decode(sample)) > sample.length * 0.01 ? null : utf16;
  if (sample.includes(0)) return null;
  const utf8Errors = invalidCount(sample, 'utf-8');
  let encoding: TextEncoding = 'utf-8';
  if (utf8Errors > 0) {
    const gbErrors = invalidCount(sample, 'gb18030');
    // GBK text read as UTF-8 fails on nearly every ideograph; one stray byte does not.
    if (gbErrors * 4 < utf8Errors && utf8Errors >= 4) encoding = 'gb18030';
  }
  const text = new TextDecoder(encoding).decode(sample);
  const errors = encoding === 'utf-8' ? utf8Errors : invalidCount(sample, encoding);
  // Mostly undecodable or full of control bytes: binary, not text.
  if (errors > Math.max(8, text.length * 0.02) || binaryControls(text) > Math.max(4, text.length * 0.01)) return null;
  return encoding;
}

const HTML_START = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|table|div|p|h[1-6])[\s>/]/iu;

function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text.replace(/^\uFEFF/u, ''));
}

function result(format: SniffedFormat | null, by: Sniffed['by'], evidence: string, extra: Partial<Sniffed> = {}): Sniffed {
  return { format, legacy: false, by, encoding: null, evidence, ...extra };
}

/** Name the format of a file from its bytes first, its name second. Never throws. */
export function sniffFormat(bytes: Uint8Array, fileName = ''): Sniffed {
  const ext = extensionOf(fileName);
  const byExtension = EXTENSION_FORMATS[ext] ?? null;
  if (bytes.length === 0) return result(byExtension, byExtension ? 'extension' : null, '空文件（0 字节）', { legacy: isLegacyExtension(ext) });
  if (startsWith(bytes, OLE_MAGIC)) return result(null, 'content', 'OLE 复合文档（旧版 Office 或加密的 Office 文件）', { legacy: true });
  if (hasPdfHeader(bytes)) return result('pdf', 'content', '%PDF- 文件头');
  const image = imageKind(bytes);
  if (image) return result('image', 'content', `${image} 图像`);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const zip = zipFormat(bytes);
    if (zip) return result(zip, 'content', zip === 'docx' ? 'ZIP 中有 word/ 部件' : 'ZIP 中有 xl/ 部件');
    // A damaged package keeps its reader (which names the damage); other archives are not documents.
    if (byExtension === 'docx' || byExtension === 'xlsx') return result(byExtension, 'extension', 'ZIP 目录无法识别，按扩展名');
    if (isLegacyExtension(ext)) return result(null, 'extension', 'ZIP 目录无法识别，按旧版扩展名', { legacy: true });
    return result(null, null, 'ZIP 压缩包，不是 DOCX/XLSX');
  }
  const encoding = textEncoding(bytes);
  if (encoding) {
    const head = new TextDecoder(encoding).decode(bytes.subarray(0, 4096));
    if (looksLikeHtml(head)) return result('html', 'content', 'HTML 标记', { encoding });
    // Plain text is weak evidence: a file named .pdf/.docx/.xlsx/.html keeps that reader, which says
    // what is wrong with it; any other name is text.
    if (isLegacyExtension(ext)) return result(null, 'extension', `文本内容，按扩展名 ${ext}`, { encoding, legacy: true });
    if (byExtension !== null && byExtension !== 'text') return result(byExtension, 'extension', `文本内容，按扩展名 ${ext}`, { encoding });
    // Text under another extension (style.css, data.csv, README.md) is not a document.
    if (!['', '.txt', '.text'].includes(ext)) return result(null, 'content', `文本文件，但扩展名 ${ext} 不是文档`, { encoding });
    return result('text', 'content', `文本（${encoding}）`, { encoding });
  }
  if (isLegacyExtension(ext)) return result(null, 'extension', `内容无法识别，按扩展名 ${ext}`, { legacy: true });
  if (byExtension) return result(byExtension, 'extension', '内容无法识别，按扩展名');
  return result(null, null, '二进制数据，没有已知格式的文件头');
}
