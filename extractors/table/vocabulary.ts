import { listRubrics } from '../../src/rubrics/index.js';
import forms from './header-vocabulary.json' with { type: 'json' };

/**
 * Names every known rubric uses, and the level names of the national framework (header-vocabulary.json),
 * to recognise labels in rows whose cells shifted (text exports).
 */
export interface RubricVocabulary {
  level1: Map<string, Set<number>>;
  level2: Map<string, Set<number>>;
  entries: Set<string>;
}

let cached: RubricVocabulary | null = null;

export const compactLabel = (s: string): string => s.replace(/[\s\u3000。.,，:：]/gu, '');

export function rubricVocabulary(): RubricVocabulary {
  if (cached) return cached;
  const level1 = new Map<string, Set<number>>();
  const level2 = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, name: string, weight: number): void => {
    const key = compactLabel(name);
    map.set(key, (map.get(key) ?? new Set<number>()).add(weight));
  };
  const entries = new Set<string>();
  // Only rubrics that name their indicators: a rubric scoring the form's own rows (national-project) has no labels to recognise.
  for (const rubric of listRubrics().filter((r) => r.rowRule === null)) {
    for (const n of rubric.level1) add(level1, n.name, n.weight);
    for (const n of rubric.level2) add(level2, n.name, n.weight);
    for (const e of rubric.entries) {
      entries.add(compactLabel(e.name));
      for (const a of e.aliases) entries.add(compactLabel(a));
    }
  }
  for (const name of forms.levelNames.level1) if (!level1.has(compactLabel(name))) level1.set(compactLabel(name), new Set());
  for (const name of forms.levelNames.level2) if (!level2.has(compactLabel(name))) level2.set(compactLabel(name), new Set());
  cached = { level1, level2, entries };
  return cached;
}
