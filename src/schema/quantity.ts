import { z } from 'zod';

export const Comparator = z.enum(['>=', '<=', '>', '<', '=']);
export type Comparator = z.infer<typeof Comparator>;

export const Quantity = z
  .object({
    text: z.string(),
    value: z.number().nullable(),
    unit: z.string().nullable().describe('the unit as written: 110 亿元 → 亿元; ≥5% → %'),
    comparator: Comparator.nullable(),
    qualitative: z.boolean(),
  })
  .describe('A target or actual value as written, with its number, unit and comparator');
export type Quantity = z.infer<typeof Quantity>;
