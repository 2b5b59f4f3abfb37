import type { Rubric, RubricEntry } from '../rubrics/index.js';
import type { Document, Grade, Indicator, Provenance } from '../schema/index.js';
import { round2 } from './numbers.js';

/** Rows aligned to each rubric entry, sub-rows in part order. */
export function rowsByEntry(document: Document, rubric: Rubric): Map<string, Indicator[]> {
  const map = new Map<string, Indicator[]>(rubric.entries.map((e) => [e.id, []]));
  for (const row of document.indicators) {
    if (row.rubricId !== null) map.get(row.rubricId)?.push(row);
  }
  for (const rows of map.values()) rows.sort((a, b) => (a.part ?? 0) - (b.part ?? 0));
  return map;
}

/** The sum of the rows' scores; null when there are no rows or one of them is blank. */
export function rowsScore(rows: readonly Indicator[]): number | null {
  if (rows.length === 0 || rows.some((r) => r.declaredScore === null)) return null;
  return round2(rows.reduce((s, r) => s + (r.declaredScore ?? 0), 0));
}

/** The score a document declares for an entry: its rows, or (a report) its category / id in byCategory. */
export function declaredEntryScore(document: Document, entry: RubricEntry, rows: readonly Indicator[]): number | null {
  if (document.indicators.length > 0) return rowsScore(rows);
  return categoryOf(document, entry)?.score ?? null;
}

export function categoryOf(document: Document, entry: RubricEntry) {
  const byCategory = document.declared.byCategory;
  return (entry.category !== null ? byCategory[entry.category] : undefined) ?? byCategory[entry.id] ?? null;
}

/**
 * Provenance recorded under declared.provenance for a declared value; extractors may key it as
 * 'byCategory.output', 'output', 'byLevel1.履职效能', '履职效能', 'statedCount.output', 'total', 'grade'.
 */
export function declaredProvenance(
  document: Document,
  group: 'byCategory' | 'byLevel1' | 'statedCount' | null,
  key: string,
): Provenance[] {
  const p = document.declared.provenance;
  const found = (group ? p[`${group}.${key}`] : undefined) ?? p[key];
  return found ? [found] : [];
}

/** Provenance of an entry's declared score: its rows, or the report's category statement. */
export function entryProvenance(document: Document, entry: RubricEntry, rows: readonly Indicator[]): Provenance[] {
  if (rows.length > 0) return rows.map((r) => r.provenance);
  return [
    ...(entry.category !== null ? declaredProvenance(document, 'byCategory', entry.category) : []),
    ...declaredProvenance(document, 'byCategory', entry.id),
  ];
}

/** 优 90 ≤ s ≤ 100, 良 80 ≤ s < 90 … from the rubric's bands; null outside them. */
export function gradeOf(score: number | null, rubric: Rubric): Grade | null {
  if (score === null) return null;
  const top = Math.max(...rubric.grades.map((g) => g.max));
  const s = round2(score);
  const band = rubric.grades.find((g) => s >= g.min && (s < g.max || (g.max === top && s <= g.max)));
  return band?.grade ?? null;
}
