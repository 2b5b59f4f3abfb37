import { SelfevalError } from '../../errors.js';
import type { Reader } from '../types.js';

/** Placeholder until the docx reader lands. */
export const docxReader: Reader = {
  format: 'docx',
  sniff: () => false,
  read: async (_bytes, options) => {
    throw new SelfevalError('UNSUPPORTED_FORMAT', { file: options?.fileName ?? null, detail: 'docx reader not built yet' });
  },
};
