/**
 * Unruled (stream) table finding. Placeholder until the stream finder lands: finds nothing.
 */
import type { BBox, Table } from '../model.js';
import type { TextRun } from '../lines.js';

export interface StreamOptions {
  width: number;
  height: number;
  /** Areas already taken by ruled tables (PDF points, top-left origin). */
  exclude: BBox[];
}

export function wordsToTables(_words: readonly TextRun[], _options: StreamOptions): Table[] {
  return [];
}
