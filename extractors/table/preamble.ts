import { cellsStartingOnRow } from '../../src/layout/grid.js';
import type { Anchor, Cell, Table } from '../../src/layout/model.js';
import type { Budget, BudgetField, BudgetLine } from '../../src/schema/document.js';
import type { Provenance } from '../../src/schema/provenance.js';
import { provenanceOf } from '../shared/provenance.js';
import { parseNumber, parseScore } from '../shared/quantity.js';
import vocabulary from './header-vocabulary.json' with { type: 'json' };
import { isFillInInstruction, isSplitHeading } from './header-vocabulary.js';

/** The header block of a self-evaluation table: 部门名称, 年度, goals and their completion, a 自评总分. */
export interface HeaderBlock {
  department: { text: string; provenance: Provenance } | null;
  year: { value: number; provenance: Provenance } | null;
  overall: string | null;
  completion: string | null;
  unmetReasons: string | null;
  /** 自评总分 printed in the head block (yuling), with where. */
  declaredTotal: { value: number; text: string; provenance: Provenance } | null;
}

type HeaderKey = 'department' | 'year' | 'overall' | 'completion' | 'unmetReasons' | 'declaredTotal';

const HEADER_LABELS: Array<{ key: HeaderKey; label: RegExp }> = vocabulary.headLabels.map((l) => ({ key: l.key as HeaderKey, label: new RegExp(l.match, 'u') }));

export function labelOf(text: string): { key: HeaderKey; rest: string } | null {
  const t = text.trim();
  for (const { key, label } of HEADER_LABELS) {
    const m = t.match(label);
    if (m) return { key, rest: t.slice(m[0].length).trim() };
  }
  return null;
}

/**
 * Read label → value pairs from the rows before the indicator grid, in reading order. The value is in
 * the same cell after the label (text exports), in the next cell, or, on a row of labels only, in the
 * cell below (预期目标 | 实际完成情况 over their texts). A fill-in instruction left in the value cell
 * (…（限80字）) is no value.
 */
export function readHeaderBlock(preamble: ReadonlyArray<{ table: Table; rows: number[] }>): HeaderBlock {
  const out: HeaderBlock = { department: null, year: null, overall: null, completion: null, unmetReasons: null, declaredTotal: null };
  const seen = new Set<HeaderKey>();
  for (const { table, rows } of preamble) {
    for (const r of rows) {
      const cells = cellsStartingOnRow(table, r);
      const labelsOnly = cells.every((c) => c.text.trim() === '' || labelOf(c.text) !== null || c.rowSpan > 1);
      for (let k = 0; k < cells.length; k++) {
        const cell = cells[k] as Cell;
        const found = labelOf(cell.text);
        if (!found || seen.has(found.key)) continue;
        let valueCell: Cell | null = null;
        let value = found.rest;
        let hasValueCell = value !== '';
        if (value === '') {
          const next = cells[k + 1];
          const below = labelsOnly && cell.rowSpan === 1 ? cellsStartingOnRow(table, r + cell.rowSpan).find((c) => c.col === cell.col && labelOf(c.text) === null) : undefined;
          if (below) valueCell = below;
          else if (next && !labelOf(next.text)) valueCell = next;
          if (valueCell) {
            value = valueCell.text.trim();
            hasValueCell = true;
          }
        }
        // A label with no value cell at all (a group label over its columns) leaves the key open.
        if (!hasValueCell) continue;
        seen.add(found.key);
        const anchor: Anchor = valueCell ?? cell;
        if (value === '' || isFillInInstruction(value)) continue;
        if (found.key === 'department') out.department = { text: value, provenance: provenanceOf(anchor, value) };
        else if (found.key === 'year') {
          const year = value.match(/(20\d{2})/u)?.[1];
          if (year) out.year = { value: Number(year), provenance: provenanceOf(anchor, value) };
        } else if (found.key === 'declaredTotal') {
          const total = parseScore(value);
          if (total !== null) out.declaredTotal = { value: total, text: value, provenance: provenanceOf(anchor, value) };
        } else out[found.key] = value;
      }
    }
  }
  return out;
}

/** Budget labels → fields of Budget; group headings (部门预算, 收入来源 …) are not in this list. */
const BUDGET_LEAVES: Array<{ field: BudgetField; label: RegExp }> = [
  { field: 'total', label: /^(预算总额|年度预算数|年度预算总额|全年预算数|合计)/u },
  { field: 'basic', label: /^基本支出$/u },
  { field: 'project', label: /^项目支出$/u },
  { field: 'specialFunds', label: /^(财政)?专项资金$/u },
  { field: 'otherDevelopment', label: /^其他事业发展(性)?支出$/u },
  { field: 'fiscalAppropriation', label: /^财政拨款$/u },
  { field: 'otherFunds', label: /^其他资金$/u },
  { field: 'districtLevel', label: /^区本级(使用)?资金$/u },
  { field: 'transfers', label: /^对下转移支付$/u },
];

export function leafField(text: string): BudgetField | null {
  const t = text.replace(/\s/gu, '').replace(/[（(]万元[)）]$/u, '');
  return BUDGET_LEAVES.find((l) => l.label.test(t))?.field ?? null;
}

/**
 * The budget block: a row of figures under rows of labels. Labels are matched to figures in column
 * order; text exports lose the columns of empty cells, so the order (not the column) decides, and a
 * leading figure with no label of its own is the total.
 */
export function readBudgetBlock(preamble: ReadonlyArray<{ table: Table; rows: number[] }>, budget: Budget): void {
  const rows = preamble.flatMap(({ table, rows: rs }) => rs.map((r) => ({ table, r })));
  for (let k = 0; k < rows.length; k++) {
    const { table, r } = rows[k] as { table: Table; r: number };
    const cells = cellsStartingOnRow(table, r).filter((c) => c.text.trim() !== '');
    const figures = cells.filter((c) => parseNumber(c.text.trim()) !== null && /^[-\d,.，．０-９\s]+$/u.test(c.text.trim()));
    if (figures.length < 3 || figures.length < cells.length - 1) continue;
    if (readByColumns(table, r, figures, budget)) return;
    // Labels: leaf labels in the rows above (up to 4), in column order.
    const labels: Array<{ field: BudgetField; cell: Cell; text: string }> = [];
    for (let up = Math.max(0, k - 4); up < k; up++) {
      const above = rows[up] as { table: Table; r: number };
      for (const cell of above.table.cells.filter((c) => c.row === above.r)) {
        const field = leafField(cell.text);
        if (field && !labels.some((l) => l.field === field)) labels.push({ field, cell, text: cell.text.trim() });
      }
    }
    if (labels.length === 0) continue;
    labels.sort((a, b) => a.cell.col - b.cell.col || a.cell.row - b.cell.row);
    // The row of labels right above names every figure (or all but a leading total): take it whole,
    // labels without a field of their own (上级补助) included.
    const previous = rows[k - 1];
    const lowest = previous ? cellsStartingOnRow(previous.table, previous.r).filter((c) => c.text.trim() !== '' && !isFigure(c.text)) : [];
    const totalLabel = labels.find((l) => l.field === 'total');
    let named: Array<{ field: BudgetField | null; text: string }> = labels;
    if (lowest.length === figures.length || lowest.length === figures.length - 1) {
      named = lowest.map((c) => ({ field: leafField(c.text), text: c.text.trim() }));
      if (lowest.length === figures.length - 1) named.unshift({ field: 'total', text: totalLabel?.text ?? '预算总额' });
    } else if (!totalLabel && figures.length === labels.length + 1) {
      named = [{ field: 'total', text: '预算总额' }, ...labels];
    }
    figures.slice(0, named.length).forEach((cell, i) => {
      const label = named[i] as { field: BudgetField | null; text: string };
      const amount = parseNumber(cell.text.trim());
      if (amount === null) return;
      if (label.field !== null && budget[label.field] === null) budget[label.field] = amount;
      const line: BudgetLine = {
        label: label.text.replace(/[（(]万元[)）]$/u, ''),
        amount,
        unit: '万元',
        text: cell.text.trim(),
        provenance: provenanceOf(cell, cell.text.trim()),
      };
      budget.lines.push(line);
    });
    return;
  }
}

const isFigure = (text: string): boolean => parseNumber(text.trim()) !== null && /^[-\d,.，．０-９\s]+$/u.test(text.trim());

/**
 * Labels over figures in a grid that keeps its columns: each figure's label is the lowest label cell
 * above it that covers its column (a merged 合计 or 预算总额 over two rows, a leaf under a group heading).
 * A group heading 按资金来源 / 按支出性质 over several figures splits the total into them. False (nothing
 * read) when some figure has no label above it: the caller matches labels by order then.
 */
function readByColumns(table: Table, r: number, figures: readonly Cell[], budget: Budget): boolean {
  // The rows of labels right above the figures (a goal text or a figure row ends them).
  const isLabelCell = (c: Cell): boolean => c.text.trim() === '' || (!isFigure(c.text) && c.text.trim().length <= 24 && !/[。；]/u.test(c.text));
  let top = r;
  while (top > Math.max(0, r - 4) && table.cells.filter((c) => c.row === top - 1).every(isLabelCell)) top--;
  const above = table.cells.filter((c) => c.row < r && c.row >= top && c.text.trim() !== '');
  const covers = (c: Cell, col: number): boolean => c.col <= col && col < c.col + c.colSpan;
  const chains = figures.map((f) => above.filter((c) => covers(c, f.col) && c.row + c.rowSpan <= r).sort((a, b) => b.row + b.rowSpan - (a.row + a.rowSpan) || b.row - a.row));
  if (chains.some((chain) => chain.length === 0)) return false;
  const labelOfFigure = chains.map((chain) => (chain[0] as Cell).text.trim().replace(/[（(]万元[)）]$/u, ''));
  if (!labelOfFigure.some((l) => leafField(l) !== null)) return false;
  const groups = new Map<Cell, Array<{ label: string; amount: number }>>();
  let total: { label: string; amount: number; cell: Cell } | null = null;
  figures.forEach((cell, i) => {
    const label = labelOfFigure[i] as string;
    const amount = parseNumber(cell.text.trim());
    if (amount === null) return;
    const field = leafField(label);
    if (field && budget[field] === null) budget[field] = amount;
    if (field === 'total' && total === null) total = { label, amount, cell };
    budget.lines.push({ label, amount, unit: '万元', text: cell.text.trim(), provenance: provenanceOf(cell, cell.text.trim()) });
    const group = (chains[i] as Cell[]).slice(1).find((c) => isSplitHeading(c.text));
    if (group) groups.set(group, [...(groups.get(group) ?? []), { label, amount }]);
  });
  for (const [group, parts] of groups) {
    const t = total as { label: string; amount: number; cell: Cell } | null;
    if (parts.length < 2 || t === null) continue;
    budget.splits.push({ label: group.text.trim(), total: t.label, totalAmount: t.amount, parts, provenance: provenanceOf(t.cell, t.cell.text.trim()) });
  }
  return true;
}
