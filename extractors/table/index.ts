import type { LayoutDocument } from '../../src/layout/model.js';
import { TextStream } from '../shared/text-stream.js';
import type { Extractor } from '../types.js';
import { readForm } from './form.js';

function matchTable(layout: LayoutDocument): number {
  const text = TextStream.fromLayout(layout).text.slice(0, 20000);
  const headerWords = ['一级指标', '二级指标', '三级指标', '得分', '分值'].filter((w) => text.includes(w)).length;
  const hasTable = layout.pages.some((p) => p.blocks.some((b) => b.type === 'table'));
  let score = headerWords / 5;
  if (/自评表(?!说明)/u.test(text)) score += 0.2;
  if (!hasTable) score *= 0.3;
  return Math.min(score, 1);
}

export const tableExtractor: Extractor = {
  kind: 'self-evaluation-table',
  match: matchTable,
  extract: (layout, source) => readForm(layout, source, 'self-evaluation-table'),
};
