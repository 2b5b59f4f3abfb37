import { extractorFor } from '../../extractors/index.js';
import { scoreKinds, type LookAlike } from '../../extractors/kinds.js';
import type { Extractor } from '../../extractors/types.js';
import type { LayoutDocument } from '../layout/model.js';

/** Below this, a document is not recognised as any kind of self-evaluation. */
export const MIN_MATCH = 0.35;

export type Classification =
  | { ok: true; extractor: Extractor; kind: Extractor['kind']; score: number; evidence: string[] }
  | { ok: false; lookAlike: LookAlike | null; detail: string };

/**
 * The kind the content fits best (title words, header words, blocks; never the file name), with the
 * evidence for it, or why the document is not a self-evaluation (what it is instead, where known).
 */
export function classify(layout: LayoutDocument): Classification {
  const { scores, lookAlike } = scoreKinds(layout);
  if (lookAlike) {
    // One sentence: what the file is, the evidence, and (where useful) why that is not a self-evaluation.
    const note = lookAlike.note ? `；${lookAlike.note}` : '';
    return { ok: false, lookAlike, detail: `这是${lookAlike.what}（${lookAlike.evidence}），不是绩效自评表或自评报告${note}` };
  }
  const best = scores[0];
  if (best && best.score >= MIN_MATCH) {
    const extractor = extractorFor(best.kind);
    if (extractor) return { ok: true, extractor, kind: best.kind, score: best.score, evidence: best.evidence };
  }
  return { ok: false, lookAlike: null, detail: '内容中未找到绩效自评表、自评报告或自评表说明的特征，不是自评文件' };
}

/** The extractor whose kind the content fits best, or null (kept for callers that need only that). */
export function classifyLayout(layout: LayoutDocument): { extractor: Extractor; score: number } | null {
  const c = classify(layout);
  return c.ok ? { extractor: c.extractor, score: c.score } : null;
}
