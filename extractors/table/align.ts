import type { Rubric, RubricEntry } from '../../src/rubrics/index.js';
import { compactLabel } from './vocabulary.js';

/** What alignment needs to know of a row. */
export interface AlignableRow {
  name: string | null;
  /** The name comes from a merged cell of the rows above: evidence only when it fits. */
  nameInherited?: boolean;
  weight: number | null;
  /** 指标解释, 评分标准 and 评分依据 text, searched for the entry's keywords. */
  text: string;
}

export interface RowMatch {
  entry: RubricEntry | null;
  /** 1-based sub-row number for entries printed in parts, else null. */
  part: number | null;
}

/** A place a row can take: a whole entry, or one part of an entry printed in sub-rows. */
interface Slot {
  entry: RubricEntry;
  part: number | null;
  weight: number;
}

const UNMATCHED = -1;

function slotsOf(rubric: Rubric): Slot[] {
  const slots: Slot[] = [];
  for (const entry of rubric.entries) {
    slots.push({ entry, part: null, weight: entry.weight });
    entry.parts?.forEach((w, i) => slots.push({ entry, part: i + 1, weight: w }));
  }
  return slots;
}

function nameScore(name: string | null, entry: RubricEntry): number {
  if (!name) return 0;
  const key = compactLabel(name);
  const names = [entry.name, ...entry.aliases].map(compactLabel);
  if (names.includes(key)) return 10;
  if (names.some((n) => n.includes(key) || key.includes(n))) return 6;
  // Two names sharing most characters (a typo, a missing 的) still point at the entry.
  const overlap = [...key].filter((ch) => names[0]?.includes(ch)).length / Math.max(key.length, 1);
  return overlap > 0.8 ? 3 : -6;
}

function slotScore(row: AlignableRow, slot: Slot): number {
  const fromName = nameScore(row.name, slot.entry);
  let score = row.nameInherited ? Math.max(0, fromName) : fromName;
  if (row.weight !== null) score += Math.abs(row.weight - slot.weight) < 1e-9 ? 3 : -2;
  const text = compactLabel(row.text);
  let keywordScore = 0;
  for (const keyword of slot.entry.keywords) if (text.includes(compactLabel(keyword))) keywordScore += 2;
  return score + Math.min(keywordScore, 6);
}

/**
 * Align table rows to rubric entries: the best monotone matching (rows keep the rubric's order)
 * scored by name, weight and 指标解释/评分标准 keywords, so that blank names, sub-rows and shifted
 * cells resolve from what is left. A row whose best match is negative stays unmatched.
 */
export function alignRowsToRubric(rows: readonly AlignableRow[], rubric: Rubric): RowMatch[] {
  const slots = slotsOf(rubric);
  const n = rows.length;
  const m = slots.length;
  const scores = rows.map((row) => slots.map((slot) => slotScore(row, slot)));
  // best[i][j]: best total for rows[0..i) with slots[0..j) available.
  const best: number[][] = Array.from({ length: n + 1 }, () => Array.from({ length: m + 1 }, () => Number.NEGATIVE_INFINITY));
  const how: Array<Array<'skipRow' | 'skipSlot' | 'take' | null>> = Array.from({ length: n + 1 }, () =>
    Array.from({ length: m + 1 }, () => null),
  );
  (best[0] as number[])[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = (best[i] as number[])[j] as number;
      if (here === Number.NEGATIVE_INFINITY) continue;
      const relax = (ii: number, jj: number, value: number, step: 'skipRow' | 'skipSlot' | 'take'): void => {
        if (value > ((best[ii] as number[])[jj] as number)) {
          (best[ii] as number[])[jj] = value;
          (how[ii] as Array<typeof step | null>)[jj] = step;
        }
      };
      if (j < m) relax(i, j + 1, here, 'skipSlot');
      if (i < n) {
        relax(i + 1, j, here + UNMATCHED, 'skipRow');
        if (j < m) {
          const s = (scores[i] as number[])[j] as number;
          if (s > 0) relax(i + 1, j + 1, here + s, 'take');
        }
      }
    }
  }
  const out: RowMatch[] = rows.map(() => ({ entry: null, part: null }));
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const step = (how[i] as Array<'skipRow' | 'skipSlot' | 'take' | null>)[j];
    if (step === 'take') {
      const slot = slots[j - 1] as Slot;
      out[i - 1] = { entry: slot.entry, part: slot.part };
      i--;
      j--;
    } else if (step === 'skipRow') i--;
    else if (step === 'skipSlot') j--;
    else break;
  }
  return fixWholeAndParts(out);
}

/**
 * A row taking a whole entry next to rows taking its parts cannot both be right: when an entry got a
 * whole-row match and a part match, the whole one is the first part.
 */
function fixWholeAndParts(matches: RowMatch[]): RowMatch[] {
  return matches.map((m, k) => {
    if (m.entry && m.part === null && m.entry.parts) {
      const next = matches[k + 1];
      if (next?.entry === m.entry && next.part !== null) return { entry: m.entry, part: Math.max(1, next.part - 1) };
    }
    return m;
  });
}
