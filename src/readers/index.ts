import { SelfevalError } from '../errors.js';
import type { Format, LayoutDocument } from '../layout/model.js';
import { isPageImage } from './image/sniff.js';
import type { Reader, ReadOptions } from './types.js';

/** Format → reader, loaded lazily so that reading HTML never loads pdf.js. One line per format. */
const READERS: Record<Format, () => Promise<Reader>> = {
  docx: async () => (await import('./docx/index.js')).docxReader,
  html: async () => (await import('./html/index.js')).htmlReader,
  image: async () => (await import('./image/index.js')).imageReader,
  pdf: async () => (await import('./pdf/index.js')).pdfReader,
  text: async () => (await import('./text/index.js')).textReader,
  xlsx: async () => (await import('./xlsx/index.js')).xlsxReader,
};

const EXTENSIONS: Record<string, Format> = {
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
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

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * The format of a file from its bytes first (magic numbers), its extension second. ZIP containers are
 * told apart by extension, then by entry names (done by the docx/xlsx readers' sniff).
 */
export async function detectFormat(bytes: Uint8Array, fileName = ''): Promise<Format | null> {
  const ext = fileName.toLowerCase().match(/\.[a-z]+$/u)?.[0] ?? '';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (isPageImage(bytes)) return 'image'; // PNG, JPEG, TIFF page scans
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === '.xlsx' || ext === '.docx') return EXTENSIONS[ext] ?? null;
    for (const format of ['docx', 'xlsx'] as const) {
      if ((await READERS[format]()).sniff(bytes, fileName)) return format;
    }
    return null;
  }
  const known = EXTENSIONS[ext];
  if (known) return known;
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return null;
}

export const LEGACY_EXTENSIONS = ['.doc', '.xls', '.wps', '.et'] as const;

export async function readLayout(bytes: Uint8Array, options: ReadOptions = {}): Promise<LayoutDocument> {
  const fileName = options.fileName ?? '';
  const lower = fileName.toLowerCase();
  if (LEGACY_EXTENSIONS.some((e) => lower.endsWith(e))) {
    const { readLegacyOffice } = await import('./legacy.js');
    return readLegacyOffice(bytes, options);
  }
  // An OLE compound file with another name is a legacy Office file (or an encrypted OOXML one).
  const legacy = await import('./legacy.js');
  if (legacy.isOleCompound(bytes)) return legacy.readOleInsteadOfZip(bytes, options);
  const format = await detectFormat(bytes, fileName);
  if (!format) throw new SelfevalError('UNSUPPORTED_FORMAT', { file: fileName || null, detail: '无法识别为 PDF、HTML、DOCX、XLSX 或文本' });
  const reader = await READERS[format]();
  return reader.read(bytes, options);
}
