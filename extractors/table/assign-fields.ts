import { FIELD_TYPES, HEADER_WORDS, type HeaderColumn, type RowField } from './header-map.js';
import { parseDate } from '../shared/quantity.js';
import { compactLabel, type RubricVocabulary } from './vocabulary.js';

/** One non-empty cell of a row, in column order. */
export interface RowToken<A> {
  text: string;
  col: number;
  anchor: A;
}

export type FieldAssignment<A> = Partial<Record<RowField, RowToken<A>>>;

const INF = Number.POSITIVE_INFINITY;
const DROP_COST = 8;

function isNumeric(text: string): boolean {
  return /^[-－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*分?$/u.test(text.trim());
}

/**
 * Assign a row's non-empty cells to the grid's fields. Clean grids (HTML, DOCX, XLSX, ruled PDF)
 * put every cell under its header, and a high positional weight keeps them there. Text exports and
 * unruled PDFs shift cells left where merged cells were empty; there the assignment is the cheapest
 * monotone alignment of cells to fields that respects each field's type (label, number, text) and
 * what the rubric's vocabulary says a label is.
 */
export function assignFields<A>(
  tokens: readonly RowToken<A>[],
  columns: readonly HeaderColumn[],
  vocabulary: RubricVocabulary,
  positionalWeight: number,
): FieldAssignment<A> {
  const fields = [...columns].sort((a, b) => a.col - b.col);
  const n = tokens.length;
  const m = fields.length;
  const kinds = tokens.map((t) => classify(t.text, vocabulary));
  const hasLevel1Label = kinds.includes('level1');
  const hasLevel2Label = kinds.includes('level2');

  const cost = (i: number, j: number): number => {
    const token = tokens[i] as RowToken<A>;
    const field = fields[j] as HeaderColumn;
    const kind = kinds[i];
    const type = FIELD_TYPES[field.field];
    if (type === 'number' ? kind !== 'number' : kind === 'number' && type !== 'value') return INF;
    // A header word fused into a data row (text exports) is never content.
    if (kind === 'header') return INF;
    const inside = token.col >= field.col && token.col < field.col + field.colSpan;
    let c = inside ? 0 : Math.min(Math.abs(token.col - field.col), Math.abs(token.col - (field.col + field.colSpan - 1))) * positionalWeight;
    // Names are short labels; a sentence belongs in an explanation, criteria or basis column.
    const sentence = token.text.length > 30 || /[。；;]|^反映/u.test(token.text);
    // A target or actual is never a level or indicator name.
    if (kind === 'quantity' && (field.field === 'level1' || field.field === 'level2' || field.field === 'name')) c += 6;
    switch (field.field) {
      case 'level1':
        c += kind === 'level1' ? 0 : kind === 'entry' ? 8 : 4;
        break;
      case 'level2':
        c += kind === 'level2' ? 0 : kind === 'entry' ? 8 : 4;
        break;
      case 'name':
        c += kind === 'entry' ? -3 : kind === 'level1' || kind === 'level2' ? 6 : sentence ? 5 : 0;
        break;
      case 'level1Weight':
        c += hasLevel1Label ? 0 : 4;
        break;
      case 'level2Weight':
        c += hasLevel2Label ? 0 : 4;
        break;
      case 'weight':
      case 'score':
        break;
      default:
        if (kind === 'entry' || kind === 'level1' || kind === 'level2') c += 6;
        if (field.field === 'explanation' && /^(反映|部门[（(]单位[)）])/u.test(token.text)) c -= 1;
        if (field.field === 'criteria' && /得满分|不得分|扣\d|扣减|得\d+分|计算得分|扣完为止/u.test(token.text)) c -= 1;
    }
    return c;
  };

  // dp[i][j]: cheapest assignment of tokens[0..i) using fields[0..j).
  const dp: number[][] = Array.from({ length: n + 1 }, () => Array.from({ length: m + 1 }, () => INF));
  const move: Array<Array<'drop' | 'skip' | 'take' | null>> = Array.from({ length: n + 1 }, () =>
    Array.from({ length: m + 1 }, () => null),
  );
  (dp[0] as number[])[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = (dp[i] as number[])[j] as number;
      if (here === INF) continue;
      const relax = (ii: number, jj: number, value: number, how: 'drop' | 'skip' | 'take'): void => {
        const row = dp[ii] as number[];
        if (value < (row[jj] as number)) {
          row[jj] = value;
          (move[ii] as Array<'drop' | 'skip' | 'take' | null>)[jj] = how;
        }
      };
      if (j < m) relax(i, j + 1, here, 'skip');
      if (i < n) {
        const dropCost = kinds[i] === 'header' ? 0 : DROP_COST;
        relax(i + 1, j, here + dropCost, 'drop');
        if (j < m) relax(i + 1, j + 1, here + cost(i, j), 'take');
      }
    }
  }
  const out: FieldAssignment<A> = {};
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const how = (move[i] as Array<'drop' | 'skip' | 'take' | null>)[j];
    if (how === 'take') {
      out[(fields[j - 1] as HeaderColumn).field] = tokens[i - 1] as RowToken<A>;
      i--;
      j--;
    } else if (how === 'drop') i--;
    else if (how === 'skip') j--;
    else break;
  }
  return out;
}

type TokenKind = 'number' | 'level1' | 'level2' | 'entry' | 'header' | 'quantity' | 'text';

/** A short cell that states a target or actual: `≥150家`, `100%`, `10月31日前`, `5.8亿元`. */
const QUANTITY = /^(?:≥|≤|>|<|=|＞|＜|不低于|不少于|不超过|不高于)?\s*-?\d+(?:\.\d+)?\s*(?:%|％|‰|[\u4e00-\u9fff]{1,4}(?:\/[\u4e00-\u9fff]{1,2})?)?(?:以上|以下|以内|前)?$/u;
export const isQuantityCell = (text: string): boolean => text.length <= 16 && (QUANTITY.test(text) || parseDate(text, 2000) !== null);

function classify(text: string, vocabulary: RubricVocabulary): TokenKind {
  if (isNumeric(text)) return 'number';
  if (isQuantityCell(text.trim())) return 'quantity';
  const key = compactLabel(text);
  if (HEADER_WORDS.has(key)) return 'header';
  if (vocabulary.level1.has(key)) return 'level1';
  if (vocabulary.level2.has(key)) return 'level2';
  if (vocabulary.entries.has(key)) return 'entry';
  return 'text';
}

/**
 * Text exports sometimes print a merged level's weight before its label (`10 采购管理 3 …`); put the
 * weight back after the label when it is that level's weight in some rubric.
 */
export function swapWeightBeforeLabel<A>(tokens: RowToken<A>[], vocabulary: RubricVocabulary): RowToken<A>[] {
  const out = [...tokens];
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k] as RowToken<A>;
    const b = out[k + 1] as RowToken<A>;
    if (!isNumeric(a.text)) continue;
    const key = compactLabel(b.text);
    const weights = vocabulary.level1.get(key) ?? vocabulary.level2.get(key);
    const value = Number(a.text.replace(/[,，分\s]/gu, ''));
    if (weights?.has(value) && !(out[k + 2] && isNumeric(out[k + 2]!.text) && weights.has(Number(out[k + 2]!.text)))) {
      out[k] = { ...b, col: a.col };
      out[k + 1] = { ...a, col: b.col };
      k++;
    }
  }
  return out;
}

export { isNumeric };
