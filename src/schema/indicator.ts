import { z } from 'zod';
import { Provenance } from './provenance.js';

export const Indicator = z
  .object({
    level1: z.string().nullable(),
    level1Weight: z.number().nullable(),
    level2: z.string().nullable(),
    level2Weight: z.number().nullable(),
    name: z.string().nullable().describe('as printed; null when the cell is blank'),
    rubricId: z.string().nullable().describe('stable id of the rubric entry the row was matched to'),
    rubricName: z.string().nullable(),
    part: z.number().int().nullable().describe('1, 2 … for sub-rows under one name, else null'),
    weight: z.number().nullable(),
    declaredScore: z.number().nullable(),
    scoreInferred: z.boolean(),
    explanation: z.string().nullable(),
    criteria: z.string().nullable(),
    basis: z.string().nullable(),
    shortfallReason: z.string().nullable(),
    improvement: z.string().nullable(),
    note: z.string().nullable(),
    provenance: Provenance,
  })
  .describe('One 三级指标 row of a self-evaluation table');
export type Indicator = z.infer<typeof Indicator>;
