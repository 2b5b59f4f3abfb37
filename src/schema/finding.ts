import { z } from 'zod';
import { Provenance } from './provenance.js';

/** Stable English codes; the Chinese message is rendered from the rule's message table. */
export const FindingCode = z.enum([
  'TOTAL_MISMATCH',
  'SUBTOTAL_MISMATCH',
  'WEIGHT_MISMATCH',
  'SCORE_OUT_OF_RANGE',
  'SCORE_NOT_ALLOWED',
  'RECOMPUTED_MISMATCH',
  'COMPLETION_OVER_150',
  'COMPLETION_UNDER_60',
  'COUNT_MISMATCH',
  'GRADE_MISMATCH',
  'SCORE_MISSING',
  'CROSS_DOCUMENT_MISMATCH',
  'UNKNOWN_INDICATOR',
]);
export type FindingCode = z.infer<typeof FindingCode>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  code: FindingCode,
  severity: Severity,
  message: z.string().describe('Chinese, one sentence an auditor can act on'),
  indicator: z.string().nullable(),
  expected: z.union([z.number(), z.string()]).nullable(),
  actual: z.union([z.number(), z.string()]).nullable(),
  provenance: z.array(Provenance),
});
export type Finding = z.infer<typeof Finding>;
