import { SelfevalError } from '../../errors.js';
import type { Reader } from '../types.js';

/** Placeholder until the xlsx reader lands. */
export const xlsxReader: Reader = {
  format: 'xlsx',
  sniff: () => false,
  read: async (_bytes, options) => {
    throw new SelfevalError('UNSUPPORTED_FORMAT', { file: options?.fileName ?? null, detail: 'xlsx reader not built yet' });
  },
};
