import data from './vocabulary.json' with { type: 'json' };

/** The identity vocabulary (labels, organisation suffixes, place levels), as data. */
export const VOCABULARY = data;

export type LabelField = keyof typeof data.labels;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** An alternation of words, longest first, for a regular expression. */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
}
