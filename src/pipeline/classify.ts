import { extractors } from '../../extractors/index.js';
import type { Extractor } from '../../extractors/types.js';
import type { LayoutDocument } from '../layout/model.js';

/** Below this, a document is not recognised as any kind of self-evaluation. */
export const MIN_MATCH = 0.35;

/** The extractor whose kind the content fits best (never the file name), or null. */
export function classifyLayout(layout: LayoutDocument): { extractor: Extractor; score: number } | null {
  let best: { extractor: Extractor; score: number } | null = null;
  for (const extractor of extractors) {
    const score = extractor.match(layout);
    if (!best || score > best.score) best = { extractor, score };
  }
  return best && best.score >= MIN_MATCH ? best : null;
}
