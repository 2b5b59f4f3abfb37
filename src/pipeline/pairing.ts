/**
 * Companion pairing for the cross-document checks: documents of one department (`departmentKey`)
 * and fiscal year are grouped, and each is verified with one document of every other kind in its
 * group. Only a small index entry per document is kept; a group's drafts are read when it is
 * verified. The choice depends on the set of inputs only, never on the order files finished in.
 */
import { createHash } from 'node:crypto';
import type { Document } from '../schema/document.js';
import { sameDepartmentAndYear } from '../scoring/index.js';
import type { ResultLine } from './fields.js';

/** What pairing needs to know of one read document. */
export interface PairEntry {
  /** Position in the batch (input order). */
  index: number;
  sha256: string;
  /** What the draft was read from: the bytes, and the OCR mode where the format is read by OCR. */
  readKey: string;
  kind: string;
  format: string;
  /** `departmentKey|fiscalYear|project`, or null when key or year is unknown (never paired). */
  group: string | null;
}

/**
 * Whether the OCR mode can change what a file of this format reads as: PDFs and images (and legacy
 * Office, which may be converted to PDF, and unknown formats) yes; DOCX, XLSX, HTML and text never.
 */
export function ocrMatters(format: string | null): boolean {
  return !(format === 'docx' || format === 'xlsx' || format === 'html' || format === 'text');
}

/** The bytes' hash, plus the OCR mode when it can change the reading (see ocrMatters). */
export function readKeyOf(sha256: string, format: string | null, ocr: string): string {
  return ocrMatters(format) ? `${sha256}|ocr=${ocr}` : sha256;
}

export function pairEntryOf(index: number, line: ResultLine, ocr: string): PairEntry | null {
  if (!line.ok || line.sha256 === null || line.kind === null || line.format === null) return null;
  // A project's table and report pair with each other only: the project name is part of the key.
  const group =
    line.departmentKey !== null && line.fiscalYear !== null && line.kind !== 'unknown' ? `${line.departmentKey}|${line.fiscalYear}|${line.project ?? ''}` : null;
  return { index, sha256: line.sha256, readKey: readKeyOf(line.sha256, line.format, ocr), kind: line.kind, format: line.format, group };
}

/**
 * For every document of a group, its companions: per other kind, the one in the document's own
 * format, else the first of that kind in batch order. Companions come in batch order of their kinds.
 */
export function companionsInGroup(group: readonly PairEntry[]): Map<number, PairEntry[]> {
  const sorted = [...group].sort((a, b) => a.index - b.index);
  const out = new Map<number, PairEntry[]>();
  for (const doc of sorted) {
    const byKind = new Map<string, PairEntry[]>();
    for (const other of sorted) {
      if (other === doc || other.kind === doc.kind) continue;
      byKind.set(other.kind, [...(byKind.get(other.kind) ?? []), other]);
    }
    out.set(doc.index, [...byKind.values()].map((list) => list.find((o) => o.format === doc.format) ?? (list[0] as PairEntry)));
  }
  return out;
}

/** Groups of two or more documents, in batch order of their first member. */
export function groupsOf(entries: Iterable<PairEntry>): PairEntry[][] {
  const groups = new Map<string, PairEntry[]>();
  for (const e of entries) if (e.group !== null) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  return [...groups.values()].filter((g) => g.length > 1 && new Set(g.map((e) => e.kind)).size > 1);
}

/**
 * Names what a document's verification was computed from: the tool, its read key and its
 * companions' (bytes and, for OCR'd formats, the OCR mode: a companion read again under another
 * mode gives another signature, so its partners are verified again).
 */
export function verificationSignature(tool: string, readKey: string, companions: readonly PairEntry[]): string {
  return createHash('sha256').update([tool, readKey, ...companions.map((c) => c.readKey)].join('\n')).digest('hex').slice(0, 32);
}

/**
 * The companions of a document among whole Documents (the `verify --with` case): one per other
 * kind, of the same department and year, in the document's own format when there is one.
 */
export function chooseCompanions(doc: Document, candidates: readonly Document[]): Document[] {
  const byKind = new Map<string, Document[]>();
  for (const other of candidates) {
    if (other === doc || other.kind === doc.kind || other.kind === 'unknown' || !sameDepartmentAndYear(doc, other)) continue;
    byKind.set(other.kind, [...(byKind.get(other.kind) ?? []), other]);
  }
  return [...byKind.values()].map((list) => list.find((o) => o.source.format === doc.source.format) ?? (list[0] as Document));
}
