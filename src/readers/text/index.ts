import { SelfevalError } from '../../errors.js';
import type { Reader } from '../types.js';

export const textReader: Reader = {
  format: 'text',
  sniff: () => false,
  read: async (_bytes, options) => {
    throw new SelfevalError('UNSUPPORTED_FORMAT', { file: options?.fileName ?? null });
  },
};
