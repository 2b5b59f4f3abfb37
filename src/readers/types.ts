import type { Format, LayoutDocument } from '../layout/model.js';

/** When pages are read by OCR: `auto` (default) scanned pages and garbage text layers, `always`, `never`. */
export type OcrMode = 'never' | 'auto' | 'always';

export const OCR_MODES: readonly OcrMode[] = ['never', 'auto', 'always'];

export interface ReadOptions {
  /** The file's path or name, for error messages and format hints only: reading depends on the bytes. */
  fileName?: string;
  /** Which pages to read by OCR (PDF); image files are always read by OCR. Default `auto`. */
  ocr?: OcrMode;
}

/** A format reader: bytes in, layout model out. Reading is a pure function of the bytes. */
export interface Reader {
  format: Format;
  /** True when the bytes look like this format (magic numbers, markup). */
  sniff(bytes: Uint8Array, fileName?: string): boolean;
  read(bytes: Uint8Array, options?: ReadOptions): Promise<LayoutDocument>;
}
