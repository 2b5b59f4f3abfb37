/**
 * A file-name extension that tells the readers what nameless bytes are (standard input, bytes given to
 * the library), for the formats without a magic number: text (UTF-8, or UTF-16 with a BOM) → `.txt`,
 * HTML → `.html`. Bytes with a signature (PDF, ZIP, OLE, images) get no hint: the readers recognise them.
 */
function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b);
}

const SIGNATURES: ReadonlyArray<readonly number[]> = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP (docx, xlsx)
  [0xd0, 0xcf, 0x11, 0xe0], // OLE (doc, xls, wps, et)
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
];

export function formatHintExtension(bytes: Uint8Array): '' | '.txt' | '.html' {
  if (SIGNATURES.some((magic) => startsWith(bytes, magic))) return '';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return '.txt';
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return '';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/u, '').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || /^<(?:head|body|meta|table|div|p)[\s>]/u.test(text)) return '.html';
  return '.txt';
}
