import { z } from 'zod';
import { Finding } from './finding.js';

export const Grade = z.enum(['优', '良', '中', '差']);
export type Grade = z.infer<typeof Grade>;

export const CheckStatus = z.enum(['ok', 'mismatch', 'unverifiable', 'missing']);
export type CheckStatus = z.infer<typeof CheckStatus>;

export const Check = z.object({
  rubricId: z.string(),
  name: z.string(),
  weight: z.number(),
  declared: z.number().nullable(),
  recomputed: z.number().nullable(),
  range: z.tuple([z.number(), z.number()]).nullable(),
  status: CheckStatus,
  rule: z.string(),
  detail: z.string(),
});
export type Check = z.infer<typeof Check>;

export const Verification = z.object({
  rubric: z.object({ id: z.string(), title: z.string() }).nullable(),
  declaredTotal: z.number().nullable(),
  indicatorSum: z.number().nullable(),
  recomputedTotal: z.number().nullable(),
  grade: z.object({
    declared: z.string().nullable(),
    fromDeclaredTotal: z.string().nullable(),
    fromRecomputedTotal: z.string().nullable(),
  }),
  checks: z.array(Check),
  findings: z.array(Finding),
});
export type Verification = z.infer<typeof Verification>;
