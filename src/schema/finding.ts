import { z } from 'zod';
import { Provenance } from './provenance.js';

/** Stable English codes; the Chinese message is rendered from the rule's message table. */
export const FindingCode = z
  .enum([
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
    'EXECUTION_RATE_MISMATCH',
    'BUDGET_SUM_MISMATCH',
    'SCORES_NOT_FILLED',
  ])
  .describe('stable code of the finding (see docs/output-contract.md for when each is reported)');
export type FindingCode = z.infer<typeof FindingCode>;

export const Severity = z.enum(['error', 'warning', 'info']).describe('error: the score does not hold; warning: doubtful or incomplete; info: rounding');
export type Severity = z.infer<typeof Severity>;

export const Finding = z
  .object({
    code: FindingCode,
    severity: Severity,
    message: z.string().describe('Chinese, one sentence an auditor can act on'),
    indicator: z.string().nullable().describe('the indicator (or block) the finding is about; null for the whole document'),
    rubricId: z.string().nullable().describe('id of the rubric entry the finding applies; null for document-level and structural findings'),
    rule: z.string().nullable().describe('the rule or structural check that reported it (completion-rate, sums, weights …)'),
    expected: z.number().nullable().describe('the value the rule expects (points, 万元 or a fraction, as the message says); null when none'),
    actual: z.number().nullable().describe('the value the document gives; null when none'),
    provenance: z.array(Provenance).describe('every source snippet that supports the finding'),
  })
  .describe('One place where a declared score or figure does not hold');
export type Finding = z.infer<typeof Finding>;
