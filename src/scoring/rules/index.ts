import type { DocumentCheck, RuleModule } from '../types.js';
import { bands } from './bands.js';
import { budgetRate } from './budget-rate.js';
import { budgetSplits } from './budget-splits.js';
import { binary } from './binary.js';
import { completionRate } from './completion-rate.js';
import { controlRate } from './control-rate.js';
import { count } from './count.js';
import { crossDocument } from './cross-document.js';
import { deduction } from './deduction.js';
import { discretionary } from './discretionary.js';
import { executionRate } from './execution-rate.js';
import { executionScore } from './execution-score.js';
import { factConsistency } from './fact-consistency.js';
import { formRule } from './form-rule.js';
import { formSums } from './form-sums.js';
import { formWeights } from './form-weights.js';
import { grade } from './grade.js';
import { parts } from './parts.js';
import { projectIndicator } from './project-indicator.js';
import { ratio } from './ratio.js';
import { scoreMissing } from './score-missing.js';
import { scoreRange } from './score-range.js';
import { scoresNotFilled } from './scores-not-filled.js';
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
  'execution-score': executionScore,
  'form-rule': formRule,
  parts,
  'project-indicator': projectIndicator,
  ratio,
  'three-public': threePublic,
} satisfies Record<string, RuleModule>;

export type RuleId = keyof typeof rules;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(rules, id);
}

/** Checks run on every rubric entry whatever its rule type, before the type's own rule. */
export const entryChecks = [scoreMissing, scoreRange] as const satisfies readonly RuleModule[];

/** Document-level checks, run after every entry has its Check; each says when it applies (meta.applies). */
export const documentChecks = [
  weights,
  formWeights,
  unknownIndicator,
  sums,
  formSums,
  grade,
  count,
  factConsistency,
  crossDocument,
  budgetRate,
  budgetSplits,
  scoresNotFilled,
] as const satisfies readonly DocumentCheck[];
