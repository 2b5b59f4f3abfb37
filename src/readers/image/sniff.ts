/** Magic numbers of the page image formats read by OCR (kept apart so that sniffing loads nothing else). */
const MAGIC: ReadonlyArray<readonly number[]> = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
];

export function isPageImage(bytes: Uint8Array): boolean {
  return MAGIC.some((m) => m.every((b, i) => bytes[i] === b));
}
