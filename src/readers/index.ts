import { SelfevalError } from '../errors.js';
import type { Format, LayoutDocument } from '../layout/model.js';
import { sniffFormat, type SniffedFormat } from './sniff.js';
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

/**
 * The format of a file: content first, extension second (see sniff.ts); null when nothing names one
 * or the file is a legacy Office file. Loads no reader.
 */
export async function detectFormat(bytes: Uint8Array, fileName = ''): Promise<SniffedFormat | null> {
  return sniffFormat(bytes, fileName).format;
}

/** True when a reader is registered for the format (an 'image' reader comes with OCR). */
export function hasReader(format: SniffedFormat): boolean {
  return format in READERS;
}

export { LEGACY_EXTENSIONS, sniffFormat, type Sniffed, type SniffedFormat } from './sniff.js';

export async function readLayout(bytes: Uint8Array, options: ReadOptions = {}): Promise<LayoutDocument> {
  const fileName = options.fileName ?? '';
  const sniffed = sniffFormat(bytes, fileName);
  if (bytes.length === 0) throw new SelfevalError('CORRUPT', { file: fileName || null, detail: '空文件（0 字节）' });
  if (sniffed.legacy) {
    // An OLE compound file is a legacy Office file (or an encrypted OOXML one), whatever its name.
    const legacy = await import('./legacy.js');
    return legacy.isOleCompound(bytes) ? legacy.readOleInsteadOfZip(bytes, options) : legacy.readLegacyOffice(bytes, options);
  }
  const format = sniffed.format;
  const load = format === null ? undefined : (READERS as Partial<Record<SniffedFormat, () => Promise<Reader>>>)[format];
  if (!load) {
    const detail = format === 'image' ? '图像文件，需要 OCR 才能读取' : `无法识别为 PDF、HTML、DOCX、XLSX 或文本：${sniffed.evidence}`;
    throw new SelfevalError('UNSUPPORTED_FORMAT', { file: fileName || null, detail });
  }
  const reader = await load();
  return reader.read(bytes, options);
}
