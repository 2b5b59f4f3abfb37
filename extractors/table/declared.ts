import type { Rubric } from '../../src/rubrics/index.js';
import type { Grade } from '../../src/schema/verification.js';
import { provenanceOf } from '../shared/provenance.js';
import { decimalsOf, parseScore } from '../shared/quantity.js';
import type { ExtractedDocument } from '../types.js';
import type { IndicatorGrid } from './rows.js';

/** ☑ ■ √ ✓ ✔ ☒ ▣ (and a checked HTML checkbox left in a text export) mark a ticked grade. */
const TICKED = /(?:[☑■√✓✔☒▣●◉]|<input[^>]*\bchecked\b[^>]*>)\s*(优|良|中|差)/u;

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * 总分/合计 and 评价等级, the per-category scores the rows declare, and a blank score inferred from
 * the total when it is the only one missing.
 */
export function readDeclared(grid: IndicatorGrid, doc: ExtractedDocument, rubric: Rubric | null): void {
  const total = grid.footers.find((f) => f.kind === 'total');
  if (total) {
    const numbers = total.tokens.filter((t) => parseScore(t.text) !== null);
    const column = total.scoreColumn;
    const inScoreColumn = column
      ? numbers.find((t) => t.col >= column.col && t.col < column.col + column.colSpan)
      : undefined;
    // A grid that keeps its columns has the total under 得分; a figure elsewhere is the weights' total
    // (合计 100 with the score blank). A shifted text export only has the order to go by.
    const chosen = inScoreColumn ?? (column && total.positional ? undefined : numbers[numbers.length - 1]);
    if (chosen) {
      doc.declared.total = parseScore(chosen.text);
      doc.declared.provenance['total'] = provenanceOf(chosen.anchor, chosen.text);
    }
  }
  const gradeRow = grid.footers.find((f) => f.kind === 'grade');
  if (gradeRow) {
    // The row itself, so that an unticked grade points somewhere (and a form without the row does not).
    const label = gradeRow.tokens[0];
    if (label) doc.declared.provenance['grade'] = provenanceOf(label.anchor, label.text);
    for (const token of gradeRow.tokens) {
      const m = token.text.match(TICKED);
      if (m?.[1]) {
        doc.declared.grade = m[1] as Grade;
        doc.declared.provenance['grade'] = provenanceOf(token.anchor, m[0]);
        break;
      }
    }
  }

  // One blank score with a known total: the total says what it was.
  const blanks = doc.indicators.filter((i) => i.declaredScore === null && i.weight !== null);
  if (blanks.length === 1 && doc.declared.total !== null) {
    const blank = blanks[0]!;
    const others = doc.indicators.filter((i) => i !== blank && i.declaredScore !== null);
    const decimals = Math.max(0, ...others.map((i) => decimalsOf(String(i.declaredScore))), decimalsOf(String(doc.declared.total)));
    const inferred = round(doc.declared.total - others.reduce((s, i) => s + (i.declaredScore ?? 0), 0), Math.min(decimals, 2));
    if (inferred >= 0 && blank.weight !== null && inferred <= blank.weight + 1e-9) {
      blank.declaredScore = inferred;
      blank.scoreInferred = true;
    }
  }

  // Scores per category (产出, 效益, 预算执行 …) as the rows declare them.
  for (const entry of rubric?.entries ?? []) {
    if (!entry.category) continue;
    const rows = doc.indicators.filter((i) => i.rubricId === entry.id);
    if (rows.length === 0) continue;
    const scores = rows.map((r) => r.declaredScore);
    const score = scores.every((s) => s !== null) ? round(scores.reduce<number>((s, v) => s + (v ?? 0), 0), 4) : null;
    doc.declared.byCategory[entry.category] = { score, max: rows[0]?.weight ?? entry.weight, statedCount: null };
    const first = rows[0];
    if (first) doc.declared.provenance[`byCategory.${entry.category}`] = first.provenance;
  }
}
