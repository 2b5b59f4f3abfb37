import type { LayoutDocument, Table } from '../../src/layout/model.js';
import { provenanceOf } from '../shared/provenance.js';
import { parseNumber } from '../shared/quantity.js';
import type { TextStream } from '../shared/text-stream.js';
import type { ExtractedDocument } from '../types.js';

/**
 * Level-1 subtotals a report states: in a table of 一级指标 | 分值 | 自评得分 (表1 …得分汇总表), or in the
 * conclusion's sentence after the total (其中：预算执行9.5分（满分10分），产出指标48分（满分50分），…).
 * They go to `declared.byLevel1` under the names as printed.
 */

const NAME_HEADER = /^(?:一级指标|评价指标|指标|指标名称|评价内容|项目)$/u;
const SCORE_HEADER = /^(?:自评得分|得分|评分)$/u;
const LOWER_LEVEL = /^(?:二级指标|三级指标)$/u;
const TOTAL_ROW = /^(?:合计|总计|总分|小计)$/u;

const squeeze = (s: string): string => s.replace(/[\s\u3000]+/gu, '');

function subtotalTable(table: Table): { nameCol: number; scoreCol: number; headerRow: number } | null {
  for (let r = 0; r < Math.min(2, table.rowCount); r++) {
    const header = table.cells.filter((c) => c.row === r);
    const name = header.find((c) => NAME_HEADER.test(squeeze(c.text)));
    const score = header.find((c) => SCORE_HEADER.test(squeeze(c.text)));
    if (header.some((c) => LOWER_LEVEL.test(squeeze(c.text)))) return null;
    if (name && score) return { nameCol: name.col, scoreCol: score.col, headerRow: r };
  }
  return null;
}

function fromTables(layout: LayoutDocument, doc: ExtractedDocument): boolean {
  let found = false;
  for (const table of layout.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : [])))) {
    const shape = subtotalTable(table);
    if (!shape) continue;
    const byRow = new Map<number, typeof table.cells>();
    for (const c of table.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
    for (let r = shape.headerRow + 1; r < table.rowCount; r++) {
      const cells = byRow.get(r) ?? [];
      const nameCell = cells.find((c) => c.col === shape.nameCol);
      const scoreCell = cells.find((c) => c.col === shape.scoreCol);
      const name = squeeze(nameCell?.text ?? '');
      const score = parseNumber(squeeze(scoreCell?.text ?? ''));
      if (!name || score === null || TOTAL_ROW.test(name)) continue;
      if (doc.declared.byLevel1[name] === undefined) {
        doc.declared.byLevel1[name] = score;
        doc.declared.provenance[`byLevel1.${name}`] = provenanceOf(scoreCell, `${name} ${squeeze(scoreCell?.text ?? '')}`);
        found = true;
      }
    }
  }
  return found;
}

const PARTS = /其中\s*[:：]?\s*((?:[\u4e00-\u9fff]{2,12}\s*[0-9]+(?:\.[0-9]+)?\s*分\s*(?:[（(]\s*满分\s*[0-9]+(?:\.[0-9]+)?\s*分\s*[)）])?\s*[，,、；;及和]?\s*){2,})/u;
const PART = /([\u4e00-\u9fff]{2,12}?)(?:得分)?\s*([0-9]+(?:\.[0-9]+)?)\s*分\s*(?:[（(]\s*满分\s*([0-9]+(?:\.[0-9]+)?)\s*分\s*[)）])?/gu;

/** The parts the total's own sentence lists, kept when they add up to that total. */
function fromTotalSentence(stream: TextStream, doc: ExtractedDocument): void {
  const total = doc.declared.total;
  const at = doc.declared.provenance['total'] ? stream.text.indexOf('其中', 0) : -1;
  if (total === null || at < 0) return;
  for (const m of stream.text.matchAll(new RegExp(PARTS.source, 'gu'))) {
    const body = m[1] ?? '';
    const parts = [...body.matchAll(PART)].map((p) => ({ name: p[1] ?? '', score: Number(p[2]), index: (m.index ?? 0) + m[0].indexOf(body) + (p.index ?? 0), length: p[0].length }));
    const sum = Math.round(parts.reduce((s, p) => s + p.score, 0) * 100) / 100;
    if (parts.length < 2 || Math.abs(sum - total) > 0.005) continue;
    for (const p of parts) {
      if (doc.declared.byLevel1[p.name] !== undefined) continue;
      doc.declared.byLevel1[p.name] = p.score;
      doc.declared.provenance[`byLevel1.${p.name}`] = stream.provenance(p.index, p.index + p.length);
    }
    return;
  }
}

export function readSubtotals(layout: LayoutDocument, stream: TextStream, doc: ExtractedDocument): void {
  if (!fromTables(layout, doc)) fromTotalSentence(stream, doc);
}
