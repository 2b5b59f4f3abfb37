import type { LayoutDocument } from '../../src/layout/model.js';
import { kindScore } from '../kinds.js';
import type { Extractor } from '../types.js';
import { readForm } from './form.js';

function matchTable(layout: LayoutDocument): number {
  return kindScore(layout, 'self-evaluation-table');
}

export const tableExtractor: Extractor = {
  kind: 'self-evaluation-table',
  match: matchTable,
  extract: (layout, source) => readForm(layout, source, source.kind ?? 'self-evaluation-table'),
};
