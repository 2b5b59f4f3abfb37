import { z } from 'zod';

export const Comparator = z.enum(['>=', '<=', '>', '<', '=']).describe('comparison the target asks for (≥, ≤, >, <, =)');
export type Comparator = z.infer<typeof Comparator>;

export const Quantity = z
  .object({
    text: z.string().describe('the value as printed'),
    value: z
      .number()
      .nullable()
      .describe('the number; for the units % and ‰ a fraction (97.3% → 0.973, 3‰ → 0.003); null when the text holds no measure'),
    unit: z.string().nullable().describe('the unit as written (亿元, 个, %, 万平方米); null when none is printed'),
    comparator: Comparator.nullable().describe('the comparison a target states (≥8个 → ">="); null when none is written'),
    qualitative: z.boolean().describe('true when the text states no measure (有效提升, 稳定运行)'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/u)
      .nullable()
      .default(null)
      .describe('ISO date (YYYY-MM-DD) for a date target or actual (10月31日前 → the fiscal year\'s 10-31 with "<="); null otherwise'),
  })
  .describe('A target or actual value as written, with its number, unit and comparator');
export type Quantity = z.infer<typeof Quantity>;
