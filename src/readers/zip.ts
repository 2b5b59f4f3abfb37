/**
 * ZIP access with limits, shared by the DOCX and XLSX readers.
 *
 * The central directory is read first and the archive refused (TOO_LARGE) when it has too many
 * entries or declares more bytes than allowed, before anything is inflated. Entries are then inflated
 * lazily, one at a time, by fflate's streaming Inflate fed in small chunks with a running byte counter
 * capped at the entry's declared size and the remaining limits, so an entry that lies about its size
 * is stopped one chunk past its declared size, never expanded.
 */
import { Inflate } from 'fflate';
import { SelfevalError } from '../errors.js';

export interface ZipLimits {
  /** Most bytes all inflated entries may take together. */
  maxTotalBytes: number;
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most entries the archive may list. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared in the central directory; inflation is still counted. */
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
  /** CRC-32 of the inflated bytes, as declared. */
  crc32: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_EOCD_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Compressed bytes pushed to the inflater at a time: deflate expands at most ~1032:1, so one step yields ≤ ~4 MB. */
const PUSH_CHUNK = 4096;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * An entry name as it may appear in a message: control characters shown as \xNN and at most 80
 * characters (a damaged central directory yields names of raw bytes, up to 64 KB long).
 */
export function printableEntryName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

function corrupt(fileName: string | null, detail: string): SelfevalError {
  return new SelfevalError('CORRUPT', { file: fileName, detail });
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, the ZIP checksum). */
export function crc32Of(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

function readBigUint(view: DataView, offset: number): number {
  const value = view.getBigUint64(offset, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** List the entries from the central directory, without inflating anything. */
export function listZipEntries(bytes: Uint8Array, fileName: string | null = null, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (!isZip(bytes)) throw corrupt(fileName, '不是 ZIP 文件');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw corrupt(fileName, 'ZIP 缺少中央目录');
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  // ZIP64: the real values sit in the ZIP64 end record, found through its locator just before EOCD.
  if ((count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_EOCD_LOCATOR_SIGNATURE) {
    const z64 = readBigUint(view, eocd - 20 + 8);
    if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== ZIP64_EOCD_SIGNATURE) throw corrupt(fileName, 'ZIP64 目录损坏');
    count = readBigUint(view, z64 + 32);
    cdSize = readBigUint(view, z64 + 40);
    cdOffset = readBigUint(view, z64 + 48);
  }
  if (count > limits.maxEntries) {
    throw new SelfevalError('TOO_LARGE', { file: fileName, detail: `ZIP 条目过多：${count} 个，上限 ${limits.maxEntries}` });
  }
  if (cdOffset + cdSize > bytes.length) throw corrupt(fileName, 'ZIP 中央目录超出文件范围（文件可能被截断）');
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let p = cdOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) throw corrupt(fileName, 'ZIP 中央目录条目损坏');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc32 = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    // Some Windows tools write `word\document.xml`; entry names use forward slashes.
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/\\/gu, '/');
    // ZIP64 extended information: the 0xffffffff fields, in order, are in extra field 0x0001.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd && e + 4 <= bytes.length) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff && q + 8 <= e + 4 + len) (size = readBigUint(view, q)), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) (compressedSize = readBigUint(view, q)), (q += 8);
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + len) localHeaderOffset = readBigUint(view, q);
      }
      e += 4 + len;
    }
    if (size > limits.maxEntryBytes) {
      throw new SelfevalError('TOO_LARGE', { file: fileName, detail: `条目 ${printableEntryName(name)} 声明解压后 ${size} 字节，上限 ${limits.maxEntryBytes}` });
    }
    declaredTotal += size;
    if (declaredTotal > limits.maxTotalBytes) {
      throw new SelfevalError('TOO_LARGE', { file: fileName, detail: `条目声明解压后合计超过 ${limits.maxTotalBytes} 字节` });
    }
    entries.push({ name, method, compressedSize, size, localHeaderOffset, encrypted: (flags & 1) === 1, crc32 });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** A ZIP archive opened with limits; entries are inflated on demand and counted against the limits. */
export class ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  private inflatedTotal = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fileName: string | null = null,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    const map = new Map<string, ZipEntry>();
    for (const entry of listZipEntries(bytes, fileName, limits)) map.set(entry.name, entry);
    this.entries = map;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The inflated bytes of an entry, or null when the archive has no such entry. */
  read(name: string): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    if (entry.encrypted) throw new SelfevalError('ENCRYPTED', { file: this.fileName, detail: printableEntryName(name) });
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const local = entry.localHeaderOffset;
    if (local + 30 > this.bytes.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) {
      throw corrupt(this.fileName, `条目 ${printableEntryName(name)} 的本地头损坏`);
    }
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw corrupt(this.fileName, `条目 ${printableEntryName(name)} 超出文件范围（文件可能被截断）`);
    const data = this.bytes.subarray(start, end);
    // An entry may not inflate past what the central directory declares for it (a lying entry is a
    // bomb), nor past what is left of the limits.
    const budget = Math.min(entry.size, this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.inflatedTotal);
    let out: Uint8Array;
    if (entry.method === 0) {
      if (data.length > budget) throw this.tooLarge(name);
      out = data.slice();
    } else if (entry.method === 8) {
      out = this.inflateCounted(name, data, budget);
    } else {
      throw corrupt(this.fileName, `条目 ${printableEntryName(name)} 使用不支持的压缩方法 ${entry.method}`);
    }
    // A damaged entry inflates to garbage more often than it fails to inflate: check its checksum.
    if (out.length !== entry.size || crc32Of(out) !== entry.crc32) throw corrupt(this.fileName, `条目 ${printableEntryName(name)} 校验失败`);
    this.inflatedTotal += out.length;
    return out;
  }

  /** The entry as text (UTF-8), or null when absent. */
  readText(name: string): string | null {
    const bytes = this.read(name);
    return bytes === null ? null : new TextDecoder('utf-8').decode(bytes);
  }

  private tooLarge(name: string): SelfevalError {
    return new SelfevalError('TOO_LARGE', { file: this.fileName, detail: `条目 ${printableEntryName(name)} 解压后超过声明的大小或上限` });
  }

  private inflateCounted(name: string, data: Uint8Array, budget: number): Uint8Array {
    const chunks: Uint8Array[] = [];
    let produced = 0;
    let over = false;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      if (produced > budget) over = true;
      else chunks.push(chunk);
    });
    try {
      for (let offset = 0; offset < data.length && !over; offset += PUSH_CHUNK) {
        const next = Math.min(offset + PUSH_CHUNK, data.length);
        inflater.push(data.subarray(offset, next), next === data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (cause) {
      throw new SelfevalError('CORRUPT', { file: this.fileName, detail: `条目 ${printableEntryName(name)} 解压失败`, cause });
    }
    if (over) throw this.tooLarge(name);
    const out = new Uint8Array(produced);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/** True when the bytes are a ZIP whose central directory lists `entryName` (nothing is inflated). */
export function zipHasEntry(bytes: Uint8Array, entryName: string): boolean {
  if (!isZip(bytes)) return false;
  try {
    return listZipEntries(bytes, null, { maxEntries: Number.MAX_SAFE_INTEGER, maxEntryBytes: Number.MAX_SAFE_INTEGER, maxTotalBytes: Number.MAX_SAFE_INTEGER }).some(
      (e) => e.name === entryName,
    );
  } catch {
    return false;
  }
}

export function openZip(bytes: Uint8Array, fileName: string | null = null, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  return new ZipArchive(bytes, fileName, limits);
}
