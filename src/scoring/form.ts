import { formVocabulary } from '../rubrics/index.js';
import type { CategoryScore, Document, Indicator, Provenance } from '../schema/index.js';
import { decimalsOf, round2, sum } from './numbers.js';
import type { ScoringMode } from './types.js';

/**
 * What a form prints about itself, read the same way whether or not a rubric covers it: its
 * budget-execution row, the rows that are scored, the rules it states, the category its levels stand for.
 */

const squeeze = (s: string): string => s.normalize('NFKC').replace(/[\s\u3000]/gu, '');

/** The row of the budget block that is scored (年度资金总额 … 分值/执行率/得分), if the form has one. */
export function budgetRowOf(document: Document): Indicator | null {
  return document.indicators.find((r) => r.role === 'budget-execution') ?? null;
}

/** Rows that carry a score: every row but those marked 不适用. */
export function scorableRows(document: Document): Indicator[] {
  return document.indicators.filter((r) => !r.notApplicable);
}

/**
 * The budget-execution score a document states outside its rows (a project report's 预算执行 9.5 分 in the
 * sentence after its table), when it has no budget-execution row. Only forms scored row by row have one: in
 * a rubric listing every indicator, byCategory.budgetExecution is that entry's own rows.
 */
export function rowlessBudget(document: Document, mode: ScoringMode): CategoryScore | null {
  if (mode !== 'rows' || budgetRowOf(document) !== null) return null;
  return document.declared.byCategory['budgetExecution'] ?? null;
}

let patterns: { executionScore: RegExp[]; rescale: RegExp[] } | null = null;

/** Whether the form itself states a rule (in the 评分标准 or 备注 of its rows, where its notes are kept). */
export function statesRule(document: Document, rule: 'executionScore' | 'rescale'): boolean {
  patterns ??= {
    executionScore: formVocabulary().statedRules.executionScore.map((p) => new RegExp(p, 'u')),
    rescale: formVocabulary().statedRules.rescale.map((p) => new RegExp(p, 'u')),
  };
  const texts = document.indicators.flatMap((r) => [r.criteria, r.note]).filter((t): t is string => t !== null);
  return texts.some((t) => patterns?.[rule].some((p) => p.test(squeeze(t))) === true);
}

/** The declared.byCategory key a level name stands for (产出指标 → output), from the form vocabulary. */
export function categoryKeyOf(level1: string | null): string | null {
  if (level1 === null) return null;
  const name = squeeze(level1).replace(/[（(][^）)]*[）)]$/u, '');
  for (const [key, names] of Object.entries(formVocabulary().categories)) {
    if (names.some((n) => squeeze(n) === name)) return key;
  }
  return null;
}

/** Labels of the category keys, for messages. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  budgetExecution: '预算执行',
  indicators: '绩效指标',
  output: '产出指标',
  benefit: '效益指标',
  satisfaction: '满意度指标',
  total: '总分',
};

/**
 * The one blank score the printed total determines: a single scorable row with a weight and no score, every
 * other row scored, and the total minus the others within [0, its weight]. The scorer works on a view of the
 * document with that score filled in and marked inferred (the document itself is not changed), as the table
 * extractor does for the layouts it knows.
 */
export function withInferredBlank(document: Document, mode: ScoringMode): Document {
  const total = document.declared.total;
  if (total === null) return document;
  const rows = scorableRows(document);
  const blanks = rows.filter((r) => r.declaredScore === null);
  const blank = blanks[0];
  if (blanks.length !== 1 || blank === undefined || blank.weight === null) return document;
  const others = rows.filter((r) => r !== blank);
  if (others.length === 0) return document;
  const outside = rowlessBudget(document, mode)?.score ?? 0;
  const known = [...others.map((r) => r.declaredScore as number), outside];
  const decimals = Math.min(2, Math.max(0, decimalsOf(total), ...known.map(decimalsOf)));
  const f = 10 ** decimals;
  const inferred = Math.round((total - sum(known)) * f) / f;
  if (inferred < -1e-9 || inferred > blank.weight + 1e-9) return document;
  const filled: Indicator = { ...blank, declaredScore: round2(Math.max(0, inferred)), scoreInferred: true };
  return { ...document, indicators: document.indicators.map((r) => (r === blank ? filled : r)) };
}

/** The points a form is scored out of when nothing else says: 100, as every form's 总分 prints it. */
export const FULL_POINTS = 100;

export interface Rescale {
  /** Σ of the weights of the rows that are scored (a 预算执行 maximum stated outside the rows included). */
  applicable: number;
  /** The points the form rescales them to. */
  points: number;
  factor: number;
}

/**
 * Rows marked 不适用 are left out; where the form says so (按 100 分折算), the remaining weights are
 * rescaled to the full points. Null when nothing is rescaled.
 */
export function rescaleOf(document: Document, mode: ScoringMode, points: number): Rescale | null {
  if (mode !== 'rows' || !document.indicators.some((r) => r.notApplicable)) return null;
  const rows = scorableRows(document);
  if (rows.length === 0 || rows.some((r) => r.weight === null) || !statesRule(document, 'rescale')) return null;
  const applicable = round2(sum(rows.map((r) => r.weight as number)) + (rowlessBudget(document, mode)?.max ?? 0));
  if (applicable <= 0 || applicable >= points - 1e-6) return null;
  return { applicable, points, factor: points / applicable };
}

/** A sum of scores on the form's scale: rescaled when the form rescales (see rescaleOf). */
export function rescaledTotal(document: Document, mode: ScoringMode, total: number, points = FULL_POINTS): number {
  const rescale = rescaleOf(document, mode, points);
  return rescale === null ? total : round2(total * rescale.factor);
}

/** Provenance of the budget lines that print these amounts (first line of each). */
export function budgetLinesFor(document: Document, amounts: ReadonlyArray<number | null>): Provenance[] {
  const out: Provenance[] = [];
  for (const amount of amounts) {
    if (amount === null) continue;
    const line = document.budget.lines.find((l) => Math.abs(l.amount - amount) < 0.005);
    if (line && !out.includes(line.provenance)) out.push(line.provenance);
  }
  return out;
}

export interface ExecutionRate {
  /** The rate as a fraction. */
  value: number;
  /** true: 全年执行数 / 全年预算数 from the budget figures; false: the rate as printed. */
  computed: boolean;
  /** How it was obtained, for messages (全年执行数 122.17 万元 / 全年预算数 128.6 万元). */
  basis: string;
  provenance: Provenance[];
}

/**
 * The budget execution rate a form's own definition gives: 全年执行数 / 全年（调整后）预算数 from its
 * figures, else the rate it prints (budget.executionRate, or the budgetExecutionRate fact).
 */
export function executionRateOf(document: Document): ExecutionRate | null {
  const { total, actualSpending, executionRate } = document.budget;
  const row = budgetRowOf(document);
  const rowProvenance = row === null ? [] : [row.provenance];
  if (total !== null && total > 0 && actualSpending !== null) {
    return {
      value: actualSpending / total,
      computed: true,
      basis: `全年执行数 ${formatAmount(actualSpending)} 万元 / 全年预算数 ${formatAmount(total)} 万元`,
      provenance: [...budgetLinesFor(document, [actualSpending, total]), ...rowProvenance],
    };
  }
  const fact = document.facts['budgetExecutionRate'];
  const printed = executionRate ?? fact?.value ?? null;
  if (printed === null) return null;
  return { value: printed, computed: false, basis: '表中印出的执行率', provenance: fact ? [fact.provenance, ...rowProvenance] : rowProvenance };
}

function formatAmount(value: number): string {
  return String(Math.round(value * 100) / 100);
}
