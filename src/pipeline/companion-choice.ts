/**
 * Which of the companions a user names (`verify FILE --with A B`) can be used, and why the others
 * cannot: another department or year, the same kind as the document, or a second one of a kind.
 */
import type { Document } from '../schema/document.js';
import { sameDepartmentAndYear } from '../scoring/index.js';

export interface CompanionChoice {
  used: Document[];
  unused: Array<{ document: Document; reason: string }>;
}

function orUnknown(value: string | number | null): string {
  return value === null ? '未知' : String(value);
}

/** Why `other` is not a companion of `doc`, or null when it is one (kinds and department/year only). */
export function companionMismatch(doc: Document, other: Document): string | null {
  if (other.kind === 'unknown') return '文件类型未能识别';
  if (other.kind === doc.kind) return `与被复核文件同为 ${doc.kind}，不能互为伴随文件`;
  if (other.fiscalYear !== doc.fiscalYear || other.fiscalYear === null) {
    return `年度为 ${orUnknown(other.fiscalYear)}，被复核文件为 ${orUnknown(doc.fiscalYear)}`;
  }
  if (!sameDepartmentAndYear(doc, other)) {
    return `部门为“${orUnknown(other.department.name)}”，被复核文件为“${orUnknown(doc.department.name)}”`;
  }
  return null;
}

/** Sort the named companions: one per other kind, of the same department and year, in the order given. */
export function chooseNamedCompanions(doc: Document, candidates: readonly Document[]): CompanionChoice {
  const used: Document[] = [];
  const unused: CompanionChoice['unused'] = [];
  for (const other of candidates) {
    const mismatch = companionMismatch(doc, other);
    const sameKind = used.find((u) => u.kind === other.kind);
    if (mismatch !== null) unused.push({ document: other, reason: mismatch });
    else if (sameKind) unused.push({ document: other, reason: `已使用同类伴随文件 ${sameKind.source.path}` });
    else used.push(other);
  }
  return { used, unused };
}
