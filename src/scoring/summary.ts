import type { Check, VerificationSummary } from '../schema/index.js';
import { round2, sum } from './numbers.js';

/**
 * How much of a document was verified: checks by status, and the points whose score was actually
 * re-verified from figures (ok or mismatch), out of the points the document is scored on.
 */
export function summarizeChecks(checks: readonly Check[], pointsTotal: number | null): VerificationSummary {
  const count = (status: Check['status']): number => checks.filter((c) => c.status === status).length;
  const verified = checks.filter((c) => c.status === 'ok' || c.status === 'mismatch');
  return {
    ok: count('ok'),
    mismatch: count('mismatch'),
    unverifiable: count('unverifiable'),
    missing: count('missing'),
    notApplicable: count('not-applicable'),
    pointsVerified: round2(sum(verified.map((c) => c.weight ?? 0))),
    pointsTotal,
  };
}
