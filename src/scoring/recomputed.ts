import { formatScore, near } from './numbers.js';
import type { EntryContext, ResolvedFact, RuleReport, RuleResult } from './types.js';

/** The message every formula rule uses for RECOMPUTED_MISMATCH. */
export const RECOMPUTED_MESSAGE =
  '“{{name}}”申报 {{declared}} 分，按{{basis}}应得 {{expected}} 分，请核对得分或所依据的数据';

/** Provenance of the declared score followed by that of the facts it was recomputed from. */
export function withFacts(ctx: EntryContext, facts: ReadonlyArray<ResolvedFact | null>) {
  return [...ctx.declaredProvenance, ...facts.flatMap((f) => f?.provenance ?? [])];
}

/**
 * The result of a formula rule: 'verified' with RECOMPUTED_MISMATCH when the declared score is off by more
 * than the tolerance (error when scored too high, warning when too low).
 */
export function recomputedResult(
  ctx: EntryContext,
  recomputed: number,
  basis: string,
  facts: ReadonlyArray<ResolvedFact | null>,
  extra: RuleReport[] = [],
  tolerance = ctx.tolerance,
): RuleResult {
  const reports = [...extra];
  const declared = ctx.declared;
  if (declared !== null && !ctx.inferred && !near(declared, recomputed, tolerance)) {
    reports.push({
      code: 'RECOMPUTED_MISMATCH',
      severity: declared > recomputed ? 'error' : 'warning',
      messageId: 'recomputedMismatch',
      data: { name: ctx.entry.name, declared: formatScore(declared), expected: formatScore(recomputed), basis },
      expected: recomputed,
      actual: declared,
      provenance: withFacts(ctx, facts),
    });
  }
  return { recomputed, range: null, verified: true, detail: `${basis}应得 ${formatScore(recomputed)} 分`, reports };
}

/** The result when the figures a formula needs are not in the documents. */
export function missingInputs(what: string, reports: RuleReport[] = [], range: [number, number] | null = null): RuleResult {
  return { recomputed: null, range, verified: false, detail: `文件中没有${what}，无法复核`, reports };
}
