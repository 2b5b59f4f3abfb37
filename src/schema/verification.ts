import { z } from 'zod';
import { Finding } from './finding.js';

export const Grade = z.enum(['优', '良', '中', '差']).describe('评价等级');
export type Grade = z.infer<typeof Grade>;

export const CheckStatus = z
  .enum(['ok', 'mismatch', 'unverifiable', 'missing', 'not-applicable'])
  .describe('ok: re-verified from figures; mismatch: does not hold; unverifiable: inputs not in the documents; missing: no declared score; not-applicable: the row is marked 不适用');
export type CheckStatus = z.infer<typeof CheckStatus>;

export const Check = z
  .object({
    rubricId: z.string().nullable().describe('the rubric entry checked; null for a row checked without a rubric'),
    name: z.string().describe('the indicator name (the rubric\'s, or as printed)'),
    weight: z.number().nullable().describe('the weight the check applies, in points'),
    declared: z.number().nullable().describe('the declared score; null when blank or inferred'),
    recomputed: z.number().nullable().describe('the score recomputed from the figures; null when only a range or nothing could be computed'),
    range: z.tuple([z.number(), z.number()]).nullable().describe('[min, max] the rule allows when it gives a range, not one value'),
    status: CheckStatus,
    rule: z.string().describe('the rule type applied (execution-rate, binary, project-quantitative …)'),
    detail: z.string().describe('Chinese: how the value was recomputed, or why it could not be'),
  })
  .describe('The re-verification of one scored entry');
export type Check = z.infer<typeof Check>;

export const VerificationSummary = z
  .object({
    ok: z.number().int().describe('checks re-verified and holding'),
    mismatch: z.number().int().describe('checks that do not hold'),
    unverifiable: z.number().int().describe('checks whose inputs are not in the documents'),
    missing: z.number().int().describe('checks without a declared score'),
    notApplicable: z.number().int().describe('rows marked not applicable'),
    pointsVerified: z.number().describe('points of the total whose score was actually re-verified (weights of ok and mismatch checks)'),
    pointsTotal: z.number().nullable().describe('the points the document is scored out of (rubric total, else the sum of printed weights); null when unknown'),
  })
  .describe('How much of the document could be verified');
export type VerificationSummary = z.infer<typeof VerificationSummary>;

export const Verification = z
  .object({
    rubric: z.object({ id: z.string().describe('rubric id'), title: z.string().describe('rubric title') }).nullable().describe('the rubric applied; null when none covers the document'),
    scope: z
      .enum(['rubric', 'structural'])
      .describe('rubric: scored against a rubric; structural: no rubric covers the document, only checks that need none were made'),
    declaredTotal: z.number().nullable().describe('the total the document declares'),
    indicatorSum: z.number().nullable().describe('Σ of the declared row scores (inferred blanks included); null for documents without rows'),
    recomputedTotal: z
      .number()
      .nullable()
      .describe('indicatorSum with every recomputed score replacing its rows, and every out-of-range score brought into its range'),
    grade: z
      .object({
        declared: z.string().nullable().describe('the ticked or stated grade'),
        fromDeclaredTotal: z.string().nullable().describe('the grade the declared total earns'),
        fromRecomputedTotal: z.string().nullable().describe('the grade the recomputed total earns'),
      })
      .describe('评价等级, declared and implied'),
    checks: z.array(Check).describe('one per scored entry, in rubric (or document) order'),
    findings: z.array(Finding).describe('where the scores or figures do not hold'),
    summary: VerificationSummary,
  })
  .describe('The re-verification of a document');
export type Verification = z.infer<typeof Verification>;
