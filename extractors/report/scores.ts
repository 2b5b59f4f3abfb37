import type { ExtractedDocument } from '../types.js';
import { isClearlyTotal } from '../shared/prose.js';
import { parseNumber } from '../shared/quantity.js';
import type { TextStream } from '../shared/text-stream.js';

/** Subjects a stated score can belong to: 一级指标 names and categories of 三级指标. */
const SUBJECTS: Array<{ key: string; level: 'level1' | 'category'; pattern: RegExp }> = [
  { key: '履职效能', level: 'level1', pattern: /履职效能/u },
  { key: '管理效率', level: 'level1', pattern: /管理效率|管理效能/u },
  { key: 'output', level: 'category', pattern: /产出指标/u },
  { key: 'benefit', level: 'category', pattern: /效益指标/u },
  { key: 'budgetExecution', level: 'category', pattern: /部门预算资金支出率/u },
  { key: 'specialFunds', level: 'category', pattern: /专项资金绩效/u },
  { key: 'specialFundsExecution', level: 'category', pattern: /专项资金支出率/u },
];

const SCORE = /自评得分\s*(?:为)?\s*([0-9]+(?:\.[0-9]+)?)\s*分/gu;
// A list marker (1. （三） (2)), never a decimal number (91.41).
const MARKER = /(?:^|[。；\s])((?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）])|(?:[0-9]+\s*[.．、](?![0-9])))\s*/gu;

function subjectOf(text: string): (typeof SUBJECTS)[number] | null {
  const hits = SUBJECTS.map((s) => ({ s, i: text.search(s.pattern) })).filter((h) => h.i >= 0);
  hits.sort((a, b) => a.i - b.i);
  return hits[0]?.s ?? null;
}

/**
 * Scores a report states per 一级指标 (履职效能 … 自评得分 44.51 分) and per category (设置了 19 个产出指标，总分
 * 20 分，自评得分 18.79 分), and deductions (履职效能方面，扣 5.49 分). The subject of a score is the heading of
 * the numbered item it sits in, else the clause it sits in.
 */
export function readCategoryScores(doc: ExtractedDocument, stream: TextStream): void {
  const text = stream.text;
  const markers = [...text.matchAll(MARKER)].map((m) => ({ at: (m.index ?? 0) + m[0].length, heading: text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 30) }));
  for (const m of text.matchAll(SCORE)) {
    const at = m.index ?? 0;
    if (/合计\s*$/u.test(text.slice(Math.max(0, at - 4), at)) || /自评得分合计/u.test(text.slice(at, at + 8))) continue;
    const value = parseNumber(m[1] ?? '');
    if (value === null) continue;
    // The document's own total (项目自评得分为92分) is no category's score.
    if (value === doc.declared.total && isClearlyTotal(text, at, value)) continue;
    const marker = [...markers].reverse().find((k) => k.at <= at && at - k.at < 400);
    const clauseStart = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('；', at - 1)) + 1;
    const clause = text.slice(clauseStart, at);
    const subject = (marker ? subjectOf(marker.heading) : null) ?? subjectOf(clause);
    if (!subject) continue;
    // A numbered item's score may be a sentence or two after its 总分; a clause's stays in the clause.
    const fromMarker = marker !== undefined && subjectOf(marker.heading) !== null;
    // In a clause, the subject's own name starts the statement (…91.41分，履职效能总分 50分，自评得分 44.51分).
    const from = fromMarker ? (marker as { at: number }).at : clauseStart + Math.max(0, clause.search(subject.pattern));
    const span = text.slice(from, at);
    const max = span.match(/总分\s*([0-9]+(?:\.[0-9]+)?)\s*分/u)?.[1];
    const key = subject.key;
    if (subject.level === 'level1') {
      if (doc.declared.byLevel1[key] === undefined) {
        doc.declared.byLevel1[key] = value;
        doc.declared.provenance[`byLevel1.${key}`] = stream.provenance(from, at + m[0].length);
      }
    } else if (!doc.declared.byCategory[key]) {
      doc.declared.byCategory[key] = { score: value, max: max ? Number(max) : null, statedCount: null };
      doc.declared.provenance[`byCategory.${key}`] = stream.provenance(from, at + m[0].length);
    }
  }
  // Stated counts: 设置了 19 个产出指标 / 13 个产出指标和 4 个效益指标 / 在产出指标下设置了10个…三级指标.
  const counts: Array<{ key: string; re: RegExp }> = [
    { key: 'output', re: /(?:设置了?|设)\s*([0-9]+)\s*个产出指标|([0-9]+)\s*个产出指标|产出指标下设置了?\s*([0-9]+)\s*个/u },
    { key: 'benefit', re: /(?:设置了?|设)\s*([0-9]+)\s*个效益指标|([0-9]+)\s*个效益指标|效益指标下设置了?\s*([0-9]+)\s*个/u },
  ];
  for (const { key, re } of counts) {
    const m = re.exec(text);
    const n = m ? Number(m[1] ?? m[2] ?? m[3]) : NaN;
    if (!m || !Number.isFinite(n)) continue;
    const entry = doc.declared.byCategory[key] ?? { score: null, max: null, statedCount: null };
    entry.statedCount = n;
    doc.declared.byCategory[key] = entry;
    doc.declared.provenance[`statedCount.${key}`] = stream.provenance(m.index, m.index + m[0].length);
  }
  // Deductions per 一级指标: kept as facts, and the subtotal they imply when none is stated.
  for (const m of text.matchAll(/([\u4e00-\u9fff]{2,8}?)方面[，,]?\s*扣\s*([0-9]+(?:\.[0-9]+)?)\s*分/gu)) {
    const value = parseNumber(m[2] ?? '');
    if (value === null) continue;
    const key = `deduction.${m[1]}`;
    if (!doc.facts[key]) doc.facts[key] = { value, unit: 'points', text: m[0], provenance: stream.provenance(m.index ?? 0, (m.index ?? 0) + m[0].length) };
  }
}
