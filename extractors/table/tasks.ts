import { cellsStartingOnRow, tableToGrid } from '../../src/layout/grid.js';
import type { Cell, Table } from '../../src/layout/model.js';
import type { BudgetLine, BudgetSplit, Task } from '../../src/schema/document.js';
import { provenanceOf } from '../shared/provenance.js';
import { parseNumber } from '../shared/quantity.js';
import { compact, isTotalLabel, taskHeaderField, type TaskField } from './header-vocabulary.js';

/**
 * Goals, completion and unmet reasons of a table's header block are numbered (任务1: … 任务2: … or
 * （一）…（二）…); split them into tasks by number.
 */
const TASK_MARKER = /任务\s*([0-9０-９]+)\s*[:：]|（([一二三四五六七八九十]+)）/gu;
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnNumber(s: string): number {
  if (s.length === 1) return CN_DIGITS[s] ?? 0;
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s.slice(1)] ?? 0);
  return (CN_DIGITS[s[0] ?? ''] ?? 0) * 10 + (CN_DIGITS[s.slice(2)] ?? 0);
}

export function splitNumbered(text: string | null): Map<number, string> {
  const out = new Map<number, string>();
  if (!text) return out;
  const marks = [...text.matchAll(TASK_MARKER)];
  if (marks.length < 2) return out;
  marks.forEach((m, k) => {
    const index = m[1] ? Number(m[1].replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10))) : cnNumber(m[2] ?? '');
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[k + 1]?.index ?? text.length;
    const body = text.slice(start, end).trim();
    if (index > 0 && !out.has(index)) out.set(index, body);
  });
  return out;
}

export function splitTasks(
  overall: string | null,
  completion: string | null,
  unmet: string | null,
): Array<{ index: number; goal: string | null; completion: string | null; unmetReason: string | null }> {
  const goals = splitNumbered(overall);
  const done = splitNumbered(completion);
  const reasons = splitNumbered(unmet);
  const indexes = [...new Set([...goals.keys(), ...done.keys(), ...reasons.keys()])].sort((a, b) => a - b);
  return indexes.map((index) => ({
    index,
    goal: goals.get(index) ?? null,
    completion: done.get(index) ?? null,
    unmetReason: reasons.get(index) ?? null,
  }));
}

/** A 年度主要任务 block: one row per task under 任务名称 / 主要内容 / 预算金额, and its 合计. */
export interface TaskBlock {
  tasks: Task[];
  /** The tasks' amounts as parts of the 合计 (checked to add up). */
  split: BudgetSplit | null;
  lines: BudgetLine[];
}


export function readTaskBlock(preamble: ReadonlyArray<{ table: Table; rows: number[] }>): TaskBlock | null {
  for (const { table, rows } of preamble) {
    const grid = tableToGrid(table);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k] as number;
      const columns = new Map<TaskField, number>();
      let blockLabel: string | null = null;
      for (const cell of cellsStartingOnRow(table, r)) {
        const field = taskHeaderField(cell.text);
        if (field && !columns.has(field)) columns.set(field, cell.col);
        else if (!field && cell.rowSpan > 1 && blockLabel === null) blockLabel = cell.text.trim();
      }
      const nameCol = columns.get('name');
      if (nameCol === undefined || (!columns.has('content') && !columns.has('amount'))) continue;
      const at = (rr: number, col: number | undefined): Cell | null => {
        if (col === undefined) return null;
        const cell = grid[rr]?.[col];
        return cell && cell.row === rr ? cell : null;
      };
      const tasks: Task[] = [];
      const parts: Array<{ label: string; amount: number }> = [];
      const lines: BudgetLine[] = [];
      let split: BudgetSplit | null = null;
      for (const rr of rows.slice(k + 1)) {
        const own = cellsStartingOnRow(table, rr).filter((c) => c.text.trim() !== '');
        const first = own[0];
        if (!first) continue;
        const amountCell = at(rr, columns.get('amount'));
        const amount = amountCell ? parseNumber(amountCell.text.trim()) : null;
        if (isTotalLabel(first.text)) {
          if (amountCell && amount !== null && parts.length > 0) {
            split = { label: blockLabel, total: compact(first.text), totalAmount: amount, parts, provenance: provenanceOf(amountCell, amountCell.text.trim()) };
          }
          break;
        }
        const name = at(rr, nameCol)?.text.trim() ?? '';
        if (name === '' || taskHeaderField(name) !== null) break;
        const content = at(rr, columns.get('content'))?.text.trim() ?? '';
        tasks.push({ index: tasks.length + 1, goal: content === '' ? name : `${name}：${content}`, completion: null, unmetReason: null });
        if (amountCell && amount !== null) {
          parts.push({ label: name, amount });
          lines.push({ label: name, amount, unit: '万元', text: amountCell.text.trim(), provenance: provenanceOf(amountCell, amountCell.text.trim()) });
        }
      }
      if (tasks.length > 0) return { tasks, split, lines };
    }
  }
  return null;
}
