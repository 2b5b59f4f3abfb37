import type { Anchor, Cell, LayoutDocument, Line, Table } from '../../../src/layout/model.js';
import type { Provenance } from '../../../src/schema/provenance.js';
import { provenanceOf } from '../provenance.js';
import { layoutLines } from '../text-stream.js';
import { VOCABULARY, alternation, type LabelField } from './vocabulary.js';

/** One labelled field as printed: 主管部门 | 白溪县水利局, 部门名称：…, 实施单位（盖章）：…. */
export interface LabelledField {
  field: LabelField;
  label: string;
  /** The value as printed (seal notes kept); '' when the label is there and its value is empty. */
  value: string;
  provenance: Provenance | null;
  /** Where it was read: a table cell, a `label：value` line, or a label line followed by its value line. */
  source: 'cell' | 'line';
}

const NOTE = alternation(VOCABULARY.labelNotes);
const LABELS: Array<{ field: LabelField; label: string }> = Object.entries(VOCABULARY.labels)
  .flatMap(([field, labels]) => labels.map((label) => ({ field: field as LabelField, label })))
  .sort((a, b) => b.label.length - a.label.length);
const ANY_LABEL = alternation(LABELS.map((l) => l.label));
const bracketsLoose = (s: string): string => s.replace(/[（(]/gu, '[（(]').replace(/[）)]/gu, '[）)]');
const LABEL_SOURCE = bracketsLoose(ANY_LABEL);
/** A label at the start of a cell or line: the label, an optional seal note, and a colon (or nothing). */
const LABEL_AT_START = new RegExp(`^\\s*(${LABEL_SOURCE})\\s*(?:[（(]\\s*(?:${NOTE})\\s*[)）])?\\s*(?:[:：]\\s*|\\s*[|｜]?\\s*$)`, 'u');
/** Another `标签：` on the same line ends a value (填报单位：X 填报人：Y). */
const NEXT_LABEL = /\s+[\u4e00-\u9fff（）()]{2,12}\s*[:：]/u;
/** A trailing cell separator of flattened text exports (`临溪县农业农村局 |`). */
const CELL_BAR = /\s*[|｜]\s*$/u;

function labelOf(text: string): { field: LabelField; label: string; rest: string } | null {
  const m = LABEL_AT_START.exec(text);
  if (!m?.[1]) return null;
  const printed = m[1].replace(/\(/gu, '（').replace(/\)/gu, '）');
  const found = LABELS.find((l) => l.label === printed);
  if (!found) return null;
  return { ...found, rest: text.slice(m[0].length).replace(CELL_BAR, '').trim() };
}

/** The cells of each row, in column order (one pass: tables may have thousands of rows). */
function rowsOf(table: Table): Cell[][] {
  const rows: Cell[][] = [];
  for (const c of table.cells) (rows[c.row] ??= []).push(c);
  return rows.map((r) => (r ?? []).sort((a, b) => a.col - b.col));
}

function fromTables(layout: LayoutDocument): LabelledField[] {
  const out: LabelledField[] = [];
  for (const page of layout.pages) {
    for (const block of page.blocks) {
      if (block.type !== 'table') continue;
      const table = block.table;
      for (const cells of rowsOf(table)) {
        if (!cells) continue;
        cells.forEach((cell, k) => {
          const found = labelOf(cell.text);
          if (!found) return;
          let value = found.rest;
          let anchor: Anchor = cell;
          if (value === '') {
            const next = cells[k + 1];
            if (next && !labelOf(next.text)) {
              value = next.text.replace(CELL_BAR, '').trim();
              anchor = next;
            }
          }
          out.push({ field: found.field, label: found.label, value, provenance: value ? provenanceOf(anchor, value) : null, source: 'cell' });
        });
      }
    }
  }
  return out;
}

function fromLines(lines: readonly Line[]): LabelledField[] {
  const out: LabelledField[] = [];
  lines.forEach((line, k) => {
    const text = line.text;
    // Every `标签：值` on the line, the label at the start or after a space.
    const re = new RegExp(`(?:^|\\s)(${LABEL_SOURCE})\\s*(?:[（(]\\s*(?:${NOTE})\\s*[)）])?\\s*[:：]\\s*`, 'gu');
    for (const m of text.matchAll(re)) {
      const found = labelOf(m[0].trim());
      if (!found) continue;
      const start = (m.index ?? 0) + m[0].length;
      const after = text.slice(start);
      const stop = after.search(NEXT_LABEL);
      const value = (stop >= 0 ? after.slice(0, stop) : after).replace(CELL_BAR, '').trim();
      out.push({ field: found.field, label: found.label, value, provenance: value ? provenanceOf(line, value) : null, source: 'line' });
    }
    // A line that is only a label (flattened exports: `项目名称 |`): the value is the next line.
    const only = labelOf(text);
    if (only && only.rest === '' && !/[:：]/u.test(text)) {
      const next = lines[k + 1];
      const value = next ? next.text.replace(CELL_BAR, '').trim() : '';
      if (next && value !== '' && !labelOf(next.text)) {
        out.push({ field: only.field, label: only.label, value, provenance: provenanceOf(next, value), source: 'line' });
      }
    }
  });
  return out;
}

/** Every labelled field of a layout, in reading order: table cells first (forms), then lines. */
export function readLabelledFields(layout: LayoutDocument): LabelledField[] {
  return [...fromTables(layout), ...fromLines(layoutLines(layout, false))];
}

/** The first non-empty value of a field, or null. */
export function firstField(fields: readonly LabelledField[], field: LabelField): LabelledField | null {
  return fields.find((f) => f.field === field && f.value !== '') ?? null;
}
