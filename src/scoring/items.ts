import type { Rubric, RubricEntry, RubricRule } from '../rubrics/index.js';
import type { Document, Indicator, Provenance, Target } from '../schema/index.js';
import { CATEGORY_LABELS, budgetRowOf } from './form.js';
import { categoryOf, declaredEntryScore, declaredProvenance, entryProvenance, rowsByEntry } from './rows.js';
import type { EntryContext, FactSource } from './types.js';

/** One thing to check: a rubric entry with its rows, or one row of a form scored on its own. */
export interface Item {
  ctx: EntryContext;
  /** A row marked 不适用: it gets a 'not-applicable' Check and no rule runs. */
  notApplicable: boolean;
  /** A score stated outside the rows (a report's 预算执行 score) that counts toward the total. */
  outsideRows: boolean;
}

interface Common {
  rubric: Rubric | null;
  document: Document;
  companions: readonly Document[];
  facts: FactSource;
  tolerance: number;
}

/** Targets of the entry's category: this document's, else the first companion's that lists any. */
function targetsFor(entry: RubricEntry, documents: readonly Document[]): Target[] {
  if (entry.category !== 'output' && entry.category !== 'benefit') return [];
  for (const document of documents) {
    const targets = document.targets.filter((t) => t.category === entry.category);
    if (targets.length > 0) return targets;
  }
  return [];
}

/** A rubric that lists every indicator (广州市): one item per entry, with the rows aligned to it. */
export function entryItems(rubric: Rubric, { document, companions, facts, tolerance }: Common): Item[] {
  const source = document.indicators.length > 0 ? 'table' : 'report';
  const rows = rowsByEntry(document, rubric);
  const documents = [document, ...companions];
  const items: Item[] = [];
  for (const entry of rubric.entries) {
    const category = categoryOf(document, entry);
    // A report states only some scores; entries it gives no score for get no Check.
    if (source === 'report' && (category?.score ?? null) === null) continue;
    const entryRows = rows.get(entry.id) ?? [];
    const ctx: EntryContext = {
      rubric,
      entry,
      rubricId: entry.id,
      weight: entry.weight,
      document,
      params: entry.rule.params,
      source,
      rows: entryRows,
      declared: declaredEntryScore(document, entry, entryRows),
      inferred: entryRows.some((r) => r.scoreInferred),
      declaredProvenance: entryProvenance(document, entry, entryRows),
      facts,
      targets: targetsFor(entry, documents),
      statedCount: documents.map((d) => categoryOf(d, entry)?.statedCount ?? null).find((c) => c !== null) ?? null,
      tolerance,
    };
    items.push({ ctx, notApplicable: entryRows.length > 0 && entryRows.every((r) => r.notApplicable), outsideRows: false });
  }
  return items;
}

/** Rules for rows when no rubric covers the document: the form's own printed rules only. */
const STRUCTURAL_BUDGET: RubricRule = { type: 'execution-score', params: { whenStated: true } };
const STRUCTURAL_ROW: RubricRule = { type: 'form-rule', params: {} };

function standIn(id: string, name: string, weight: number | null, rule: RubricRule, row: Indicator | null, level1: string): RubricEntry {
  return {
    id,
    name,
    aliases: [],
    level1: row?.level1 ?? level1,
    level2: row?.level2 ?? '',
    weight: weight ?? 0,
    parts: null,
    keywords: [],
    category: null,
    role: row?.role ?? null,
    rule,
  };
}

function rowName(row: Indicator, k: number): string {
  return row.name ?? row.rubricName ?? row.level2 ?? (row.role === 'budget-execution' ? '预算执行' : `第 ${k + 1} 行指标`);
}

/**
 * A form scored row by row (the national project rubric, or no rubric): one item per printed row, out of
 * the weight it prints; the budget-execution row by the rubric's entry for it (its weight when the form
 * prints none); and a report's categories or a 预算执行 score stated outside the rows.
 */
export function rowItems(rubric: Rubric | null, common: Common): Item[] {
  const { document, facts, tolerance } = common;
  const budgetEntry = rubric?.entries.find((e) => e.role === 'budget-execution') ?? null;
  const source = document.indicators.length > 0 ? 'table' : 'report';
  const isForm = document.kind === 'project-table' || document.kind === 'self-evaluation-table';
  const base = { rubric, document, facts, tolerance, targets: [] as Target[], statedCount: null, source: source as EntryContext['source'] };
  const items: Item[] = document.indicators.map((row, k): Item => {
    const isBudget = row.role === 'budget-execution';
    const name = rowName(row, k);
    let entry: RubricEntry;
    let weight = row.weight;
    if (isBudget && budgetEntry !== null) {
      // Printed weights win; the rubric's applies where the form prints none.
      weight = row.weight ?? document.declared.byCategory['budgetExecution']?.max ?? budgetEntry.weight;
      entry = { ...budgetEntry, name, weight };
    } else if (rubric?.rowRule) {
      entry = standIn(rubric.rowRule.id, name, weight, rubric.rowRule.rule, row, rubric.rowRule.level1);
    } else {
      entry = standIn(`row-${k + 1}`, name, weight, isBudget ? STRUCTURAL_BUDGET : STRUCTURAL_ROW, row, '');
    }
    const rubricId = rubric === null ? null : isBudget && budgetEntry !== null ? budgetEntry.id : (rubric.rowRule?.id ?? null);
    const ctx: EntryContext = {
      ...base,
      entry,
      rubricId,
      weight,
      params: entry.rule.params,
      rows: [row],
      declared: row.declaredScore,
      inferred: row.scoreInferred,
      declaredProvenance: [row.provenance],
    };
    return { ctx, notApplicable: row.notApplicable, outsideRows: false };
  });
  // A score stated outside the rows is the report's ('report'); an absent one is a row the form lacks ('table').
  const outside = (entry: RubricEntry, rubricId: string | null, weight: number | null, declared: number | null, provenance: Provenance[]): Item => ({
    ctx: { ...base, source: declared === null ? 'table' : 'report', entry, rubricId, weight, params: entry.rule.params, rows: [], declared, inferred: false, declaredProvenance: provenance },
    notApplicable: false,
    outsideRows: true,
  });
  if (budgetRowOf(document) === null) {
    const stated = document.declared.byCategory['budgetExecution'];
    const weight = stated?.max ?? budgetEntry?.weight ?? null;
    const declared = stated?.score ?? null;
    // A report: the 预算执行 score it states. A form the rubric scores: its missing budget row (SCORE_MISSING).
    if (declared !== null || (budgetEntry !== null && isForm)) {
      const entry = budgetEntry ? { ...budgetEntry, weight: weight ?? budgetEntry.weight } : standIn('budget-execution', CATEGORY_LABELS['budgetExecution'] ?? '预算执行', weight, STRUCTURAL_BUDGET, null, '');
      items.unshift(outside(entry, budgetEntry?.id ?? null, weight, declared, declaredProvenance(document, 'byCategory', 'budgetExecution')));
    }
  }
  if (document.indicators.length === 0 && rubric === null) {
    // A report without a rubric: its other stated category scores, each against the maximum it states.
    for (const [key, category] of Object.entries(document.declared.byCategory)) {
      if (key === 'budgetExecution' || category.score === null) continue;
      const entry = standIn(`category-${key}`, CATEGORY_LABELS[key] ?? key, category.max, STRUCTURAL_ROW, null, '');
      items.push(outside(entry, null, category.max, category.score, declaredProvenance(document, 'byCategory', key)));
    }
  }
  return items;
}
