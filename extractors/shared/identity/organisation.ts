import { VOCABULARY, alternation } from './vocabulary.js';

/** Names of bodies: what ends a department's name, what marks a seal, who is only the finance bureau. */

const SUFFIX = alternation(VOCABULARY.organisationSuffixes);
const NOTE = alternation(VOCABULARY.labelNotes);
const FINANCE = new RegExp(`(?:${alternation(VOCABULARY.financeBureau)})$`, 'u');
const SELF_STANDING = new RegExp(`(?:${alternation(VOCABULARY.selfStandingUnits)})$`, 'u');

/** A seal or signature note after a name: （公章）, (盖章). */
export const SEAL_NOTE = new RegExp(`[（(]\\s*(?:${NOTE})\\s*[)）]`, 'gu');

/** A parenthesised alias that is itself a body's name: （增城开发区工业商务和信息化局）. */
const ALIAS = new RegExp(`[（(][\\u4e00-\\u9fff]{2,30}(?:${SUFFIX})[)）]`, 'u');

/** Ends like a body's name, with an optional alias after it. */
const ENDS_AS_ORGANISATION = new RegExp(`(?:${SUFFIX})(?:[（(][\\u4e00-\\u9fff]{2,30}(?:${SUFFIX})[)）])?$`, 'u');

/** Words that refer to the document's own unit (我局, 本单位): never a name. */
const SELF = new RegExp(`^(?:${alternation(VOCABULARY.selfReferences)})`, 'u');

/**
 * A name as printed, tidied: seal notes, a 简称 note and spaces dropped, and a trailing remark in
 * brackets that is not an alias (（市科技创新服务中心协助审核）) cut off.
 */
export function cleanOrganisationName(text: string): string {
  let name = text.replace(SEAL_NOTE, '').replace(/[（(]\s*简称[^)）]*[)）]/gu, '').replace(/[\s\u3000]+/gu, '').trim();
  name = name.replace(/[：:|｜]+$/u, '');
  const remark = name.match(/[（(]([^（）()]*)[)）]$/u);
  if (remark && !ALIAS.test(remark[0]) && ENDS_AS_ORGANISATION.test(name.slice(0, remark.index))) name = name.slice(0, remark.index);
  return name;
}

/** True when the text is a body's name: at least three characters ending in an organisation suffix. */
export function isOrganisation(text: string): boolean {
  const name = cleanOrganisationName(text);
  if (name.length < 3 || SELF.test(name)) return false;
  if (!/^[\u4e00-\u9fff]/u.test(name)) return false;
  return ENDS_AS_ORGANISATION.test(name);
}

/** A finance bureau: named in a document as the publisher of a notice or its recipient, not the department. */
export function isFinanceBureau(name: string): boolean {
  return FINANCE.test(cleanOrganisationName(name));
}

/** A government of its own level (镇人民政府, 街道办事处): a unit that is its own budget department. */
export function isSelfStandingUnit(name: string): boolean {
  return SELF_STANDING.test(cleanOrganisationName(name));
}

/** A reference to the document's own unit (我局, 本单位). */
export function isSelfReference(text: string): boolean {
  return SELF.test(text.trim());
}

/** The suffix alternation, for patterns that look for names inside text. */
export const ORGANISATION_SUFFIX = SUFFIX;
