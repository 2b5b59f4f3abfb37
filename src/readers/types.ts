import type { Format, LayoutDocument } from '../layout/model.js';

export interface ReadOptions {
  /** The file's path or name, for error messages and format hints only: reading depends on the bytes. */
  fileName?: string;
}

/** A format reader: bytes in, layout model out. Reading is a pure function of the bytes. */
export interface Reader {
  format: Format;
  /** True when the bytes look like this format (magic numbers, markup). */
  sniff(bytes: Uint8Array, fileName?: string): boolean;
  read(bytes: Uint8Array, options?: ReadOptions): Promise<LayoutDocument>;
}
