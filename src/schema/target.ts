import { z } from 'zod';
import { Provenance } from './provenance.js';
import { Quantity } from './quantity.js';

export const TargetCategory = z.enum(['output', 'benefit', 'satisfaction']).describe('产出 (output), 效益 (benefit) or 满意度 (satisfaction)');
export type TargetCategory = z.infer<typeof TargetCategory>;

export const Target = z
  .object({
    category: TargetCategory.nullable().describe('the indicator category the pair belongs to; null when the document does not say'),
    index: z.number().int().nullable().describe('the number the document gives the pair (①, (3), 1.), else null'),
    name: z.string().nullable().describe('the indicator name as printed'),
    target: Quantity.nullable().describe('年度目标值 as printed; null when the document states no target'),
    actual: Quantity.describe('年度实际值 / 完成值 as printed'),
    unmetReason: z.string().nullable().describe('未达标原因, when the document gives one'),
    overCompletionReason: z
      .string()
      .nullable()
      .default(null)
      .describe('why the target was exceeded by more than 150% (完成率在150%以上的原因), when the document says'),
    provenance: Provenance,
  })
  .describe('A 年度目标值/年度实际值 pair of a report or explanation');
export type Target = z.infer<typeof Target>;
