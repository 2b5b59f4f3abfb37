import type { DocumentCheck, RuleModule } from '../types.js';
import { bands } from './bands.js';
import { binary } from './binary.js';
import { completionRate } from './completion-rate.js';
import { controlRate } from './control-rate.js';
import { count } from './count.js';
import { crossDocument } from './cross-document.js';
import { deduction } from './deduction.js';
import { discretionary } from './discretionary.js';
import { executionRate } from './execution-rate.js';
import { factConsistency } from './fact-consistency.js';
import { grade } from './grade.js';
import { parts } from './parts.js';
import { ratio } from './ratio.js';
import { scoreMissing } from './score-missing.js';
import { scoreRange } from './score-range.js';
import { sums } from './sums.js';
import { threePublic } from './three-public.js';
import { unknownIndicator } from './unknown-indicator.js';
import { weights } from './weights.js';

/** Rule types a rubric entry may name in `rule.type`; keep sorted. */
export const rules = {
  bands,
  binary,
  'completion-rate': completionRate,
  'control-rate': controlRate,
  deduction,
  discretionary,
  'execution-rate': executionRate,
  parts,
  ratio,
  'three-public': threePublic,
} satisfies Record<string, RuleModule>;

export type RuleId = keyof typeof rules;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(rules, id);
}

/** Checks run on every rubric entry whatever its rule type, before the type's own rule. */
export const entryChecks = [scoreMissing, scoreRange] as const satisfies readonly RuleModule[];

/** Document-level checks, run after every entry has its Check. */
export const documentChecks = [
  weights,
  unknownIndicator,
  sums,
  grade,
  count,
  factConsistency,
  crossDocument,
] as const satisfies readonly DocumentCheck[];
