/**
 * Text exports that flatten a form one cell per line (`产出指标 |`, an empty cell a bare `|`) lose the rows:
 * the text reader gives them as a one-column table in reading order. This rebuilds the rows from the
 * header rows the form prints (the grid's 一级指标 … 得分, the budget block's 年初预算 … 得分, the task list's
 * 任务名称 …): each following cell is placed under a column whose kind fits it (a figure under 分值, a sign
 * under 指标性质, a unit under 度量单位), a row being a run of columns that leaves out only what a merged
 * cell from above covers (the level labels on the left, a reason spanning rows on the right). The
 * cheapest such segmentation wins. Cells outside the blocks become label/value rows (项目名称 | …) or lines.
 */
import type { Block, Cell, LayoutDocument, LayoutPage, Line, Table } from '../../src/layout/model.js';
import { comparatorOf, parseScore } from '../shared/quantity.js';
import { isQuantityCell } from './assign-fields.js';
import { budgetHeaderColumns } from './budget-columns.js';
import { FIELD_TYPES, headerColumnsOf, type RowField } from './header-map.js';
import {
  blockCategory,
  budgetHeaderField,
  gridHeaderField,
  headField,
  isQualitativeSign,
  isQuantitativeSign,
  isTotalLabel,
  taskHeaderField,
  yesNo,
  type GridField,
} from './header-vocabulary.js';
import { labelOf } from './preamble.js';

const REBUILT = new WeakSet<Table>();
const CACHE = new WeakMap<LayoutDocument, LayoutDocument>();

/** True for a table rebuilt from a one-cell-per-line text export: its columns are real. */
export const isRebuiltTable = (table: Table): boolean => REBUILT.has(table);

/** rowLabel: a label that every row prints (a fund, a task); label: one a merged cell may cover. */
type ColType = 'label' | 'rowLabel' | 'number' | 'sign' | 'unit' | 'value' | 'text' | 'flag';
/** quantity: a target or actual (≥240场, 6月30日前); sentence: prose (a reason, a description). */
type CellKind = 'empty' | 'dash' | 'number' | 'sign' | 'flag' | 'quantity' | 'short' | 'sentence' | 'text';

const INF = Number.POSITIVE_INFINITY;
/** Cost of each cell left out of every row (after the block ends). */
const LEFT_OUT = 2.5;

function cellKind(text: string): CellKind {
  const s = text.trim();
  if (s === '') return 'empty';
  if (/^[—―─\-－–/／\\]+$/u.test(s)) return 'dash';
  if (parseScore(s) !== null || /^[-+]?\d[\d,]*(?:\.\d+)?\s*[%％‰]$/u.test(s)) return 'number';
  if (comparatorOf(s) !== null || isQualitativeSign(s) || isQuantitativeSign(s)) return 'sign';
  if (yesNo(s) !== null) return 'flag';
  if (isQuantityCell(s)) return 'quantity';
  if (s.length <= 6 && !/\d/u.test(s) && !/[。；，,]/u.test(s)) return 'short';
  if (s.length > 25 || /[。；;]/u.test(s)) return 'sentence';
  return 'text';
}

const FIT: Record<ColType, Record<CellKind, number>> = {
  label: { empty: 2, dash: 1, number: INF, sign: INF, flag: 3, quantity: 4, short: 0, sentence: 3, text: 0 },
  rowLabel: { empty: 3, dash: 3, number: INF, sign: INF, flag: INF, quantity: INF, short: 0, sentence: 2, text: 0 },
  number: { empty: 0, dash: 0, number: 0, sign: INF, flag: INF, quantity: INF, short: INF, sentence: INF, text: INF },
  sign: { empty: 0.5, dash: 0.5, number: INF, sign: 0, flag: INF, quantity: INF, short: INF, sentence: INF, text: INF },
  unit: { empty: 0, dash: 0, number: INF, sign: INF, flag: INF, quantity: INF, short: 0, sentence: INF, text: INF },
  value: { empty: 0, dash: 0, number: 0, sign: 3, flag: 1, quantity: 0, short: 0, sentence: 1, text: 0 },
  text: { empty: 0, dash: 0, number: 0.5, sign: INF, flag: 1, quantity: 1, short: 0, sentence: 0, text: 0 },
  flag: { empty: 0, dash: 0, number: INF, sign: INF, flag: 0, quantity: INF, short: INF, sentence: INF, text: INF },
};

function gridColType(field: GridField): ColType {
  if (field === 'sign') return 'sign';
  if (field === 'unit') return 'unit';
  if (field === 'core') return 'flag';
  const type = FIELD_TYPES[field as RowField];
  return type === 'number' ? 'number' : type === 'label' ? 'label' : type === 'value' ? 'value' : 'text';
}

interface HeaderRun {
  kind: 'grid' | 'budget' | 'tasks';
  /** First cell of the run's lead (block label, label column header), or start. */
  leadStart: number;
  start: number;
  end: number;
  blockLabel: Cell | null;
  /** The header cell over a label column (budget: 年度预算数（万元） or an empty cell); null when none is printed. */
  labelHeader: Cell | null;
  /** Column types of the data rows, the label column first where there is one. */
  types: ColType[];
}

const synthetic = (cells: readonly Cell[]): Array<{ text: string; col: number; colSpan: number }> => cells.map((c, i) => ({ text: c.text, col: i, colSpan: 1 }));
const isShortLabel = (c: Cell | undefined): boolean =>
  c !== undefined && c.text.trim() !== '' && c.text.trim().length <= 24 && !/[。；]/u.test(c.text) && cellKind(c.text) !== 'number';

function gridRun(cells: readonly Cell[], i: number): number {
  let j = i;
  let previous: GridField | null = null;
  while (j < cells.length) {
    const field = gridHeaderField((cells[j] as Cell).text, previous);
    if (!field) break;
    previous = field;
    j++;
  }
  return j - i >= 3 && headerColumnsOf(synthetic(cells.slice(i, j))) ? j : i;
}

function simpleRun(cells: readonly Cell[], i: number, field: (t: string) => string | null): number {
  let j = i;
  while (j < cells.length && field((cells[j] as Cell).text) !== null) j++;
  return j;
}

/** Every header row in the flat sequence, in order. */
function headerRuns(cells: readonly Cell[]): HeaderRun[] {
  const runs: HeaderRun[] = [];
  let floor = 0;
  for (let i = 0; i < cells.length; i++) {
    let end = gridRun(cells, i);
    let kind: HeaderRun['kind'] | null = end > i ? 'grid' : null;
    if (!kind) {
      end = simpleRun(cells, i, budgetHeaderField);
      if (end - i >= 3 && budgetHeaderColumns(synthetic(cells.slice(i, end))).length > 0) kind = 'budget';
    }
    if (!kind) {
      end = simpleRun(cells, i, taskHeaderField);
      const fields = new Set(cells.slice(i, end).map((c) => taskHeaderField(c.text)));
      if (end - i >= 2 && fields.has('name') && (fields.has('content') || fields.has('amount'))) kind = 'tasks';
    }
    if (!kind) continue;
    const header = cells.slice(i, end);
    const before = (k: number): Cell | undefined => (i - k >= floor ? cells[i - k] : undefined);
    const firstData = cells[end];
    let blockLabel: Cell | null = null;
    let labelHeader: Cell | null = null;
    let types: ColType[];
    if (kind === 'grid') {
      if (isShortLabel(before(1))) blockLabel = before(1) ?? null;
      let previous: GridField | null = null;
      types = header.map((c) => {
        const field = gridHeaderField(c.text, previous) as GridField;
        previous = field;
        return gridColType(field);
      });
    } else if (kind === 'budget') {
      const one = before(1);
      const two = before(2);
      const dataIsFigure = firstData !== undefined && cellKind(firstData.text) === 'number';
      if (one && (one.text.trim() === '' || isShortLabel(one))) {
        if (isShortLabel(two) && blockCategory(two?.text ?? '') !== null) {
          blockLabel = two ?? null;
          labelHeader = one;
        } else if (dataIsFigure) blockLabel = one.text.trim() === '' ? null : one;
        else labelHeader = one;
      }
      const hasLabelColumn = labelHeader !== null || !dataIsFigure;
      types = [...(hasLabelColumn ? (['rowLabel'] as ColType[]) : []), ...header.map((c): ColType => (budgetHeaderField(c.text) === 'reason' ? 'text' : 'number'))];
    } else {
      if (isShortLabel(before(1))) blockLabel = before(1) ?? null;
      types = header.map((c): ColType => {
        const field = taskHeaderField(c.text);
        return field === 'name' ? 'rowLabel' : field === 'amount' ? 'number' : 'text';
      });
    }
    const leadStart = blockLabel ? cells.indexOf(blockLabel) : labelHeader ? cells.indexOf(labelHeader) : i;
    runs.push({ kind, leadStart, start: i, end, blockLabel, labelHeader, types });
    floor = end;
    i = end - 1;
  }
  return runs;
}

interface PlacedRow {
  /** First cell index and count. */
  start: number;
  count: number;
  /** First column. */
  col: number;
  footer: boolean;
}

/** The cheapest rows for cells [from, to) under the given columns; `end` is where the block stops. */
function segment(cells: readonly Cell[], from: number, to: number, types: readonly ColType[]): { rows: PlacedRow[]; end: number } {
  const n = types.length;
  const kinds = cells.map((c) => cellKind(c.text));
  const size = to - from;
  const best: number[] = Array.from({ length: size + 1 }, () => INF);
  const back: Array<PlacedRow | null> = Array.from({ length: size + 1 }, () => null);
  best[0] = 0;
  let final = { cost: INF, end: from, last: null as PlacedRow | null };
  const fit = (start: number, count: number, col: number): number => {
    let cost = 0;
    for (let t = 0; t < count && cost < INF; t++) cost += FIT[types[col + t] as ColType][kinds[start + t] as CellKind];
    return cost;
  };
  for (let p = from; p <= to; p++) {
    const here = best[p - from] as number;
    if (here === INF) continue;
    // Stop here: the rest is not part of the block.
    const stop = here + LEFT_OUT * (to - p);
    if (stop < final.cost) final = { cost: stop, end: p, last: null };
    if (p === to) continue;
    const first = p === from;
    if (isTotalLabel((cells[p] as Cell).text)) {
      // A total row: its label spans the left columns, its figures are the right-most cells; the
      // block ends after it, before the first cell that is not blank or a figure.
      for (let m = 0; m < n && p + 1 + m <= to; m++) {
        const next = p + 1 + m < cells.length ? kinds[p + 1 + m] : undefined;
        if (next !== undefined && p + 1 + m < to && (next === 'empty' || next === 'number' || next === 'dash')) continue;
        const cost = here + fit(p + 1, m, n - m);
        if (cost < final.cost) final = { cost, end: p + 1 + m, last: { start: p, count: m + 1, col: n - m, footer: true } };
        break;
      }
      continue;
    }
    for (let k = 1; k <= Math.min(n, to - p); k++) {
      for (let a = 0; a + k <= n; a++) {
        let cost = here;
        if (a > 0) {
          if (first || types.slice(0, a).some((t) => t !== 'label')) continue;
          cost += 0.3 * a;
        }
        if (a + k < n) {
          if (first || types.slice(a + k).some((t) => t !== 'text')) continue;
          cost += 1.5 * (n - a - k);
        }
        cost += fit(p, k, a);
        if (cost < (best[p - from + k] as number)) {
          best[p - from + k] = cost;
          back[p - from + k] = { start: p, count: k, col: a, footer: false };
        }
      }
    }
  }
  const rows: PlacedRow[] = [];
  if (final.last) rows.push(final.last);
  let at = final.last ? final.last.start : final.end;
  while (at > from) {
    const row = back[at - from];
    if (!row) break;
    rows.push(row);
    at = row.start;
  }
  return { rows: rows.reverse(), end: final.end };
}

const copy = (cell: Cell, row: number, col: number, rowSpan = 1, colSpan = 1): Cell => ({ ...cell, row, col, rowSpan, colSpan });

/** The block as a table: header row, data rows, merged cells where a row left columns out. */
function blockTable(cells: readonly Cell[], run: HeaderRun, rows: readonly PlacedRow[]): Table {
  const offset = run.blockLabel ? 1 : 0;
  const n = run.types.length;
  const out: Cell[] = [];
  const header = cells.slice(run.start, run.end);
  const labelCol = run.types[0] === 'rowLabel' && run.kind === 'budget' ? 1 : 0;
  if (run.labelHeader) out.push(copy(run.labelHeader, 0, offset));
  header.forEach((c, t) => out.push(copy(c, 0, offset + labelCol + t)));
  const lastIn = new Map<number, Cell>();
  rows.forEach((row, k) => {
    const r = k + 1;
    if (row.footer) {
      const label = cells[row.start] as Cell;
      out.push(copy(label, r, offset, 1, Math.max(1, n - (row.count - 1))));
      for (let t = 1; t < row.count; t++) out.push(copy(cells[row.start + t] as Cell, r, offset + row.col + t - 1));
      return;
    }
    // Columns the row leaves out are covered by the cell above (a merged cell).
    for (let c = 0; c < n; c++) {
      if (c >= row.col && c < row.col + row.count) continue;
      const above = lastIn.get(c);
      if (above && above.row + above.rowSpan === r) above.rowSpan += 1;
    }
    for (let t = 0; t < row.count; t++) {
      const cell = copy(cells[row.start + t] as Cell, r, offset + row.col + t);
      out.push(cell);
      lastIn.set(row.col + t, cell);
    }
  });
  if (run.blockLabel) out.push(copy(run.blockLabel, 0, 0, rows.length + 1));
  out.sort((a, b) => a.row - b.row || a.col - b.col);
  const lines = [run.blockLabel ?? cells[run.start], cells[run.end - 1]].filter((c): c is Cell => c !== undefined);
  const table: Table = { page: null, bbox: null, ref: lines.map((c) => c.ref).join(' … '), rowCount: rows.length + 1, colCount: n + offset, cells: out };
  REBUILT.add(table);
  return table;
}

const isHeadLabel = (c: Cell): boolean => {
  const t = c.text.trim();
  return t !== '' && (headField(t) !== null || (labelOf(t) !== null && labelOf(t)?.rest === ''));
};

/** Cells outside the blocks: label/value rows in a table, the rest as lines. */
function looseBlocks(cells: readonly Cell[]): Block[] {
  const blocks: Block[] = [];
  let rows: Cell[][] = [];
  const flush = (): void => {
    if (rows.length === 0) return;
    const out: Cell[] = [];
    rows.forEach((row, r) => row.forEach((cell) => out.push({ ...cell, row: r })));
    const table: Table = { page: null, bbox: null, ref: `${rows[0]?.[0]?.ref ?? ''}`, rowCount: rows.length, colCount: Math.max(...rows.map((row) => Math.max(...row.map((c) => c.col + c.colSpan)))), cells: out };
    REBUILT.add(table);
    blocks.push({ type: 'table', table });
    rows = [];
  };
  const line = (cell: Cell): void => {
    flush();
    const text = cell.text.trim();
    if (text !== '') blocks.push({ type: 'line', line: { text, page: null, bbox: null, ref: cell.ref } satisfies Line });
  };
  for (let i = 0; i < cells.length; ) {
    const cell = cells[i] as Cell;
    if (!isHeadLabel(cell)) {
      // `部门名称：…` carries its own value.
      if (labelOf(cell.text.trim())?.rest) rows.push([copy(cell, 0, 0)]);
      else line(cell);
      i++;
      continue;
    }
    let j = i;
    while (j < cells.length && isHeadLabel(cells[j] as Cell)) j++;
    const labels = cells.slice(i, j);
    let v = j;
    while (v < cells.length && v - j < labels.length && !isHeadLabel(cells[v] as Cell) && !labelOf((cells[v] as Cell).text.trim())?.rest) v++;
    const values = cells.slice(j, v);
    if (values.length === 0) {
      labels.forEach(line);
    } else if (labels.length === 1) {
      rows.push([copy(labels[0] as Cell, 0, 0), copy(values[0] as Cell, 0, 1)]);
    } else {
      // A row of labels over a row of their values (预期目标 | 实际完成情况, then the two texts); a
      // label with no value under it is a group label spanning both rows.
      const shift = labels.length - values.length;
      rows.push(labels.map((c, t) => copy(c, 0, t, t < shift ? 2 : 1)));
      rows.push(values.map((c, t) => copy(c, 0, shift + t)));
    }
    i = v;
  }
  flush();
  return blocks;
}

/** The blocks a flat one-column table stands for, or null when it holds no form header. */
function rebuild(table: Table): Block[] | null {
  const cells = [...table.cells].sort((a, b) => a.row - b.row);
  const runs = headerRuns(cells);
  if (runs.length === 0) return null;
  const blocks: Block[] = [...looseBlocks(cells.slice(0, (runs[0] as HeaderRun).leadStart))];
  runs.forEach((run, k) => {
    const to = runs[k + 1]?.leadStart ?? cells.length;
    const { rows, end } = segment(cells, run.end, to, run.types);
    blocks.push({ type: 'table', table: blockTable(cells, run, rows) });
    blocks.push(...looseBlocks(cells.slice(end, to)));
  });
  return blocks;
}

const isFlat = (table: Table): boolean => table.colCount === 1 && table.rowCount >= 4 && table.cells.length === table.rowCount;

/** The layout with every flat one-cell-per-line table of a text export rebuilt into rows; other layouts as they are. */
export function rebuildFlatTables(layout: LayoutDocument): LayoutDocument {
  if (layout.format !== 'text') return layout;
  const cached = CACHE.get(layout);
  if (cached) return cached;
  let changed = false;
  const pages: LayoutPage[] = layout.pages.map((page) => ({
    ...page,
    blocks: page.blocks.flatMap((block): Block[] => {
      if (block.type !== 'table' || !isFlat(block.table)) return [block];
      const rebuilt = rebuild(block.table);
      if (!rebuilt) return [block];
      changed = true;
      return rebuilt;
    }),
  }));
  const out = changed ? { ...layout, pages } : layout;
  CACHE.set(layout, out);
  return out;
}
