import { SelfevalError } from '../../errors.js';
import type { Reader } from '../types.js';

/** Placeholder until the pdf reader lands. */
export const pdfReader: Reader = {
  format: 'pdf',
  sniff: () => false,
  read: async (_bytes, options) => {
    throw new SelfevalError('UNSUPPORTED_FORMAT', { file: options?.fileName ?? null, detail: 'pdf reader not built yet' });
  },
};
