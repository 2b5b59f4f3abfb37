import { SelfevalError } from '../errors.js';
import type { LayoutDocument } from '../layout/model.js';
import type { ReadOptions } from './types.js';

/** Placeholder until the legacy Office converter lands. */
export async function readLegacyOffice(_bytes: Uint8Array, options: ReadOptions = {}): Promise<LayoutDocument> {
  throw new SelfevalError('LEGACY_FORMAT', { file: options.fileName ?? null });
}
