/**
 * Values read by OCR with low confidence. Every provenance in a document that carries an OCR
 * confidence below the threshold gives one LOW_OCR_CONFIDENCE warning (one per source snippet, in
 * document order), with that provenance: the value is kept as read, never "corrected", and the
 * reader is told which values to check against the paper.
 */
import type { Document, DocumentWarning } from '../schema/document.js';
import type { Provenance } from '../schema/provenance.js';

/** Below this recognition confidence a value is flagged. */
export const LOW_OCR_CONFIDENCE = 0.9;

/** What a top-level field holds, for the message. */
const FIELD_NAMES: Record<string, string> = {
  department: '部门名称',
  region: '地区',
  project: '项目信息',
  fiscalYearProvenance: '年度',
  goals: '绩效目标',
  budget: '预算数据',
  indicators: '指标',
  targets: '绩效目标值',
  declared: '自评得分',
  facts: '评分依据数据',
};

function isProvenance(value: unknown): value is Provenance {
  return typeof value === 'object' && value !== null && 'text' in value && 'page' in value && 'bbox' in value;
}

/** Every provenance under `value`, with the name of what it belongs to (an indicator's name, a line's label). */
function* provenances(value: unknown, what: string): Generator<[Provenance, string]> {
  if (Array.isArray(value)) {
    for (const v of value) yield* provenances(v, what);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (isProvenance(value)) {
    yield [value, what];
    return;
  }
  const record = value as Record<string, unknown>;
  const own = typeof record.name === 'string' ? record.name : typeof record.label === 'string' ? record.label : null;
  const here = own ? `${what}「${own}」` : what;
  for (const v of Object.values(record)) yield* provenances(v, here);
}

/** LOW_OCR_CONFIDENCE warnings for a document's values (verification not included: it only cites them). */
export function lowOcrConfidenceWarnings(doc: Omit<Document, 'verification'>, threshold = LOW_OCR_CONFIDENCE): DocumentWarning[] {
  const seen = new Set<string>();
  const out: DocumentWarning[] = [];
  for (const [field, label] of Object.entries(FIELD_NAMES)) {
    const value = (doc as Record<string, unknown>)[field];
    // Facts are keyed by name (budgetExecutionRate, deduction.…): the key says what the value is.
    const found = field === 'facts' ? Object.entries(doc.facts).flatMap(([k, f]) => [...provenances(f, `${label}「${k}」`)]) : provenances(value, label);
    for (const [p, what] of found) {
      if (p.confidence === undefined || p.confidence >= threshold) continue;
      const key = `${p.page}|${p.bbox?.join(',')}|${p.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const where = p.page === null ? '' : `第 ${p.page} 页`;
      out.push({
        code: 'LOW_OCR_CONFIDENCE',
        message: `${where}${what}“${p.text}”是 OCR 识别的，置信度 ${p.confidence.toFixed(2)} 低于 ${threshold}，可能识别有误，请对照原件核对`,
        provenance: p,
      });
    }
  }
  return out;
}
