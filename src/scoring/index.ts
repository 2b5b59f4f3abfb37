export { verifyDocument } from './engine.js';
export type { VerifyOptions, VerifyResult } from './engine.js';
export { normalizeDepartmentName, sameDepartmentAndYear } from './companions.js';
export { checkRubric, loadCheckedRubric } from './rubric.js';
export { documentChecks, entryChecks, rules } from './rules/index.js';
export type { RuleId } from './rules/index.js';
export { interpolate } from './interpolate.js';
export type { DocumentCheck, DocumentContext, EntryContext, RuleModule, RuleReport, RuleResult } from './types.js';
