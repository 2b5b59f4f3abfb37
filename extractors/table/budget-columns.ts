/**
 * A budget block whose columns are named by a header row (年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 /
 * 得分, in any order and wording of header-vocabulary.json), with a row per fund: the total row (年度资金总额,
 * 总额, or no label at all), then its parts (其中：当年财政拨款, 上年结转资金 …) or a split printed as
 * `label：amount` cells (按收入性质分：1562.48 / 其中：基本支出：826.55). The total row's 分值 and 得分 make the
 * budget-execution row of the indicators.
 */
import { tableToGrid } from '../../src/layout/grid.js';
import type { Cell, Table } from '../../src/layout/model.js';
import type { Budget, BudgetField, BudgetSplit, DocumentWarning } from '../../src/schema/document.js';
import type { Indicator } from '../../src/schema/indicator.js';
import type { Provenance } from '../../src/schema/provenance.js';
import { provenanceOf, unionAnchor } from '../shared/provenance.js';
import { parseNumber, parseScore } from '../shared/quantity.js';
import { PART_PREFIX, budgetHeaderField, headerKey, isBlankCell, isFillInInstruction, splitStatedWeight, type BudgetColumnField } from './header-vocabulary.js';
import { leafField } from './preamble.js';
import { isRunTogether, splitRunTogether } from './run-together.js';

export interface BudgetColumn {
  field: BudgetColumnField;
  col: number;
  colSpan: number;
  percent: boolean;
  /** The header as printed, without spaces and its trailing note (全年预算数（A） → 全年预算数). */
  label: string;
}

export interface BudgetBlock {
  /** The scored 预算执行 row (role budget-execution), when the block has a weight or score. */
  row: Indicator | null;
  /** The block's stated maximum (预算执行情况（10分）), with where it is printed. */
  stated: { weight: number; provenance: Provenance } | null;
  /** The table and rows the block takes (header and data rows). */
  table: Table;
  rows: number[];
  /** Run-together figures left unread. */
  warnings: DocumentWarning[];
}

type Preamble = ReadonlyArray<{ table: Table; rows: number[] }>;

const AMOUNTS: ReadonlyArray<BudgetColumnField & BudgetField> = ['initial', 'total', 'actualSpending'];

/** `（万元）` after a block or row label. */
const MONEY_NOTE = /[（(]\s*万元\s*[)）]\s*$/u;
/** A cell holding a label and its amount: `按收入性质分：1562.48`, `其中：基本支出：826.55`. */
const LABELLED_AMOUNT = /^(?:其中\s*[:：]\s*)?(.+?)\s*[:：]\s*(-?[0-9０-９][0-9０-９,，.．]*)\s*(?:万元)?$/u;

/** The budget columns a header row names, or [] when the row is not a budget header. */
export function budgetHeaderColumns(cells: ReadonlyArray<{ text: string; col: number; colSpan: number }>): BudgetColumn[] {
  const columns: BudgetColumn[] = [];
  for (const cell of cells) {
    const field = budgetHeaderField(cell.text);
    if (!field || columns.some((c) => c.field === field)) continue;
    const { key, percent } = headerKey(cell.text);
    columns.push({ field, col: cell.col, colSpan: cell.colSpan, percent, label: key });
  }
  const fields = new Set(columns.map((c) => c.field));
  const amounts = AMOUNTS.filter((f) => fields.has(f)).length;
  if (fields.size < 3 || amounts === 0 || !(fields.has('total') || fields.has('actualSpending'))) return [];
  return columns;
}

/** 95.00% → 0.95; 95.00 under a 执行率（%） header → 0.95; a bare figure above 1.5 is a percentage too. */
export function parseRate(text: string, percentHeader: boolean): number | null {
  const t = text.trim();
  if (isBlankCell(t)) return null;
  const signed = /[%％]$/u.test(t);
  const value = parseNumber(t.replace(/[%％]$/u, ''));
  if (value === null) return null;
  return signed || percentHeader || value > 1.5 ? Number.parseFloat((value / 100).toPrecision(12)) : value;
}

const amountOf = (text: string): number | null => (isBlankCell(text) ? null : parseNumber(text.trim()));

interface DataRow {
  r: number;
  label: Cell | null;
  values: Map<BudgetColumnField, Cell>;
  /** Figures run together in one cell that no single reading explains (they stay null). */
  unsplit: Cell | null;
  /** The readings of an unsplit run, and the columns it covers. */
  readings: string[][];
  covered: BudgetColumn[];
}

export interface BudgetReadOptions {
  /** The form states 得分 = 分值 × 执行率 (a note, a header): run-together figures must satisfy it. */
  scoreIsWeightTimesRate?: boolean;
}

/** The label cells and the figures under each header column of one data row. */
function dataRow(table: Table, grid: (Cell | null)[][], r: number, columns: readonly BudgetColumn[], firstCol: number, blockCol: number | null, options: BudgetReadOptions): DataRow {
  const own = table.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
  const label = own.find((c) => c.col < firstCol && c.col !== blockCol && c.text.trim() !== '' && !isRunTogether(c.text)) ?? null;
  const values = new Map<BudgetColumnField, Cell>();
  for (const column of columns) {
    const cell = grid[r]?.[column.col];
    if (cell && cell.row === r) values.set(column.field, cell);
  }
  // A text export that ran the row's figures into one cell: split it when one reading fits.
  const run = own.find((c) => c !== label && isRunTogether(c.text));
  let unsplit: Cell | null = null;
  let readings: string[][] = [];
  let covered: BudgetColumn[] = [];
  if (run) {
    covered = [...columns]
      .sort((a, b) => a.col - b.col)
      .filter((c) => c.field !== 'reason' && c.col + c.colSpan > run.col && (values.get(c.field) === run || (values.get(c.field)?.text.trim() ?? '') === ''));
    readings = splitRunTogether(run.text, covered, options);
    for (const column of covered) values.delete(column.field);
    if (readings.length === 1) {
      covered.forEach((column, k) => values.set(column.field, { ...run, text: (readings[0] as string[])[k] as string, col: column.col, colSpan: column.colSpan }));
    } else unsplit = run;
  }
  return { r, label, values, unsplit, readings, covered };
}

const hasFigures = (row: DataRow): boolean =>
  row.unsplit !== null ||
  [...row.values.entries()].some(([field, cell]) => field !== 'reason' && !isBlankCell(cell.text) && parseNumber(cell.text.trim().replace(/[%％]$/u, '')) !== null);

const rowLabel = (cell: Cell | null): string | null => {
  if (!cell) return null;
  const t = cell.text.trim().replace(/[:：]\s*$/u, '').replace(MONEY_NOTE, '').trim();
  return t === '' ? null : t;
};

/** Find the first budget block of the preamble and read it into `budget`; null when there is none. */
export function readBudgetColumns(preamble: Preamble, budget: Budget, options: BudgetReadOptions = {}): BudgetBlock | null {
  for (const { table, rows } of preamble) {
    const grid = tableToGrid(table);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k] as number;
      const columns = budgetHeaderColumns(table.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col));
      if (columns.length === 0) continue;
      const firstCol = Math.min(...columns.map((c) => c.col));
      // The block's label: a cell left of the header running down beside the block (项目资金（万元）).
      const block = (grid[r] ?? []).slice(0, firstCol).find((c): c is Cell => c !== null && c.text.trim() !== '' && (c.rowSpan > 1 || c.row < r)) ?? null;
      const end = block ? block.row + block.rowSpan : table.rowCount;
      const data: DataRow[] = [];
      for (const rr of rows.slice(k + 1)) {
        if (rr >= end) break;
        data.push(dataRow(table, grid, rr, columns, firstCol, block?.col ?? null, options));
      }
      const used = [r, ...data.map((d) => d.r)];
      const totalIndex = data.findIndex(hasFigures);
      if (totalIndex < 0) continue;
      const total = data[totalIndex] as DataRow;
      // Without a block label the block ends at the first row that is neither figures nor a split.
      const parts: DataRow[] = [];
      const splitRows: DataRow[] = [];
      for (const row of data.slice(totalIndex + 1)) {
        if (hasFigures(row) || (row.label !== null && [...row.values.values()].every((c) => isBlankCell(c.text)) && PART_PREFIX.test(row.label.text))) parts.push(row);
        else if (table.cells.some((c) => c.row === row.r && LABELLED_AMOUNT.test(c.text.trim()))) splitRows.push(row);
        else if (block) continue;
        else break;
      }
      resolveTotalByParts(total, parts);
      const rowsUsed = block ? used : [r, ...data.slice(0, totalIndex + 1 + parts.length + splitRows.length).map((d) => d.r)];
      readTotalRow(total, columns, budget);
      readParts(total, parts, columns, budget);
      readSplitCells(table, splitRows, total, columns, budget);
      const blockName = block ? rowLabel(block) : null;
      const stated = block ? splitStatedWeight(block.text) : { name: '', weight: null };
      return {
        row: budgetExecutionRow(total, columns, blockName === null ? null : splitStatedWeight(blockName).name, stated.weight),
        stated: stated.weight !== null && block ? { weight: stated.weight, provenance: provenanceOf(block, block.text.trim()) } : null,
        table,
        rows: rowsUsed,
        warnings: data.flatMap((d) =>
          d.unsplit
            ? [{ code: 'FIGURES_RUN_TOGETHER', message: `“${d.unsplit.text.trim()}”是几个数字连写，按表头各栏和执行率、得分的关系拆分不唯一，相关数值留空`, provenance: provenanceOf(d.unsplit, d.unsplit.text.trim()) }]
            : [],
        ),
      };
    }
  }
  return null;
}

/**
 * A total row whose run-together figures have several readings, under parts that were read: the
 * reading whose amounts are the sums of the parts is the one, when it is the only one.
 */
function resolveTotalByParts(total: DataRow, parts: readonly DataRow[]): void {
  if (total.unsplit === null || total.readings.length < 2 || parts.length === 0) return;
  const run = total.unsplit;
  const sums = new Map<BudgetColumnField, number>();
  for (const column of total.covered) {
    if (!(AMOUNTS as readonly string[]).includes(column.field)) continue;
    const amounts = parts.map((p) => (p.unsplit ? null : p.values.get(column.field))).map((c) => (c ? amountOf(c.text) : null));
    if (amounts.every((a) => a !== null)) sums.set(column.field, amounts.reduce<number>((s, a) => s + (a ?? 0), 0));
  }
  if (sums.size === 0) return;
  const fits = total.readings.filter((reading) =>
    [...sums].every(([field, sum]) => {
      const k = total.covered.findIndex((c) => c.field === field);
      const value = amountOf(reading[k] ?? '');
      return value !== null && Math.abs(value - sum) < 0.005;
    }),
  );
  if (fits.length !== 1) return;
  total.covered.forEach((column, k) => total.values.set(column.field, { ...run, text: (fits[0] as string[])[k] as string, col: column.col, colSpan: column.colSpan }));
  total.unsplit = null;
}

function readTotalRow(total: DataRow, columns: readonly BudgetColumn[], budget: Budget): void {
  const label = rowLabel(total.label);
  for (const column of columns) {
    const cell = total.values.get(column.field);
    if (!cell) continue;
    const text = cell.text.trim();
    if (column.field === 'executionRate') {
      const rate = parseRate(text, column.percent);
      if (rate !== null && budget.executionRate === null) budget.executionRate = rate;
      continue;
    }
    if (!(AMOUNTS as readonly string[]).includes(column.field)) continue;
    const amount = amountOf(text);
    if (amount === null) continue;
    const field = column.field as BudgetField;
    if (budget[field] === null) budget[field] = amount;
    budget.lines.push({ label: label === null ? column.label : `${label}（${column.label}）`, amount, unit: '万元', text, provenance: provenanceOf(cell, text) });
  }
}

/** 其中 rows: each amount column's parts of the total row's figure. */
function readParts(total: DataRow, parts: readonly DataRow[], columns: readonly BudgetColumn[], budget: Budget): void {
  const totalLabel = rowLabel(total.label);
  for (const column of columns) {
    if (!(AMOUNTS as readonly string[]).includes(column.field)) continue;
    const totalCell = total.values.get(column.field);
    const totalAmount = totalCell ? amountOf(totalCell.text) : null;
    if (!totalCell || totalAmount === null) continue;
    const found: BudgetSplit['parts'] = [];
    for (const part of parts) {
      const cell = part.values.get(column.field);
      const amount = cell ? amountOf(cell.text) : null;
      const label = rowLabel(part.label)?.replace(PART_PREFIX, '') ?? null;
      if (!cell || amount === null || label === null) continue;
      found.push({ label, amount });
      budget.lines.push({ label: `${label}（${column.label}）`, amount, unit: '万元', text: cell.text.trim(), provenance: provenanceOf(cell, cell.text.trim()) });
    }
    if (found.length === 0) continue;
    budget.splits.push({
      label: null,
      total: totalLabel === null ? column.label : `${totalLabel}（${column.label}）`,
      totalAmount,
      parts: found,
      provenance: provenanceOf(totalCell, totalCell.text.trim()),
    });
  }
}

/** Splits printed as `label：amount` cells, one split per column of such cells (按收入性质分 / 按支出性质分). */
function readSplitCells(table: Table, rows: readonly DataRow[], total: DataRow, columns: readonly BudgetColumn[], budget: Budget): void {
  const byColumn = new Map<number, Array<{ cell: Cell; label: string; amount: number; part: boolean }>>();
  for (const row of rows) {
    for (const cell of table.cells.filter((c) => c.row === row.r).sort((a, b) => a.col - b.col)) {
      const m = LABELLED_AMOUNT.exec(cell.text.trim());
      const amount = m ? parseNumber(m[2] ?? '') : null;
      if (!m || amount === null) continue;
      const list = byColumn.get(cell.col) ?? [];
      list.push({ cell, label: (m[1] ?? '').trim(), amount, part: PART_PREFIX.test(cell.text.trim()) || list.length > 0 });
      byColumn.set(cell.col, list);
    }
  }
  for (const list of byColumn.values()) {
    for (const item of list) {
      budget.lines.push({ label: item.label, amount: item.amount, unit: '万元', text: item.cell.text.trim(), provenance: provenanceOf(item.cell, item.cell.text.trim()) });
      const field = leafField(item.label);
      if (field && budget[field] === null) budget[field] = item.amount;
    }
    const head = list[0];
    if (!head || head.part || list.length < 2) continue;
    // The split's total is the total row's figure it repeats (按收入性质分 = 全年预算数), else its own label.
    const same = columns.find((c) => {
      const cell = total.values.get(c.field);
      return (AMOUNTS as readonly string[]).includes(c.field) && cell !== undefined && amountOf(cell.text) === head.amount;
    });
    budget.splits.push({
      label: head.label,
      total: same?.label ?? head.label,
      totalAmount: head.amount,
      parts: list.slice(1).map((p) => ({ label: p.label, amount: p.amount })),
      provenance: provenanceOf(head.cell, head.cell.text.trim()),
    });
  }
}

function budgetExecutionRow(total: DataRow, columns: readonly BudgetColumn[], blockName: string | null, statedWeight: number | null): Indicator | null {
  const has = (f: BudgetColumnField): boolean => columns.some((c) => c.field === f);
  if (!has('weight') && !has('score') && statedWeight === null) return null;
  const cellText = (f: BudgetColumnField): string | null => total.values.get(f)?.text.trim() ?? null;
  const weightText = cellText('weight');
  const scoreText = cellText('score');
  const reasonText = cellText('reason');
  const weight = weightText !== null ? parseScore(weightText) : null;
  const cells = [total.label, ...total.values.values()].filter((c): c is Cell => c !== null);
  const own = cells.filter((c) => c.text.trim() !== '');
  const name = rowLabel(total.label) ?? blockName;
  return {
    level1: total.label !== null ? blockName : null,
    level1Weight: total.label !== null ? statedWeight : null,
    level2: null,
    level2Weight: null,
    name,
    rubricId: null,
    rubricName: null,
    part: null,
    role: 'budget-execution',
    weight: weight ?? (has('weight') ? null : statedWeight),
    declaredScore: scoreText !== null ? parseScore(scoreText) : null,
    scoreInferred: false,
    target: null,
    initialTarget: null,
    actual: null,
    coefficient: null,
    core: null,
    notApplicable: false,
    explanation: null,
    criteria: null,
    basis: null,
    shortfallReason: reasonText !== null && reasonText !== '' && !isFillInInstruction(reasonText) ? reasonText : null,
    improvement: null,
    note: null,
    provenance: provenanceOf(unionAnchor(own.length > 0 ? own : cells), [name ?? '', weightText ?? '', scoreText ?? ''].filter(Boolean).join(' ')),
  };
}
