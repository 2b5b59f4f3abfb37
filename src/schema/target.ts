import { z } from 'zod';
import { Provenance } from './provenance.js';
import { Quantity } from './quantity.js';

export const TargetCategory = z.enum(['output', 'benefit']);
export type TargetCategory = z.infer<typeof TargetCategory>;

export const Target = z
  .object({
    category: TargetCategory.nullable(),
    index: z.number().int().nullable(),
    name: z.string().nullable(),
    target: Quantity,
    actual: Quantity,
    unmetReason: z.string().nullable(),
    /** Why a target was exceeded by more than 150% (完成率在150%以上的原因), when the document says. */
    overCompletionReason: z.string().nullable().default(null),
    provenance: Provenance,
  })
  .describe('A 年度目标值/年度实际值 pair of a report or explanation');
export type Target = z.infer<typeof Target>;
