import type { Grade } from '../../src/schema/verification.js';
import type { ExtractedDocument } from '../types.js';
import { parseNumber } from './quantity.js';
import type { TextStream } from './text-stream.js';

/** Things every prose document (report, explanation) states the same way. */

const TOTAL = /(?:自评得分合计|自评得分为|自评总分为?|自评分值为|自评得分|总得分为?)\s*[:：]?\s*([0-9]+(?:\.[0-9]+)?)\s*分/gu;
const GRADE = /(?:自评(?:结果|等级)|评价等级|等级)为\s*[“"]?(优|良|中|差)[”"]?/u;
/** Words that make a stated score a part's (an 一级指标, a category, the budget row), not the total. */
const PART = /履职效能|管理效率|管理效能|产出|效益|满意度|预算执行|执行率|支出率|[0-9]+\s*个[^，,。]{0,8}指标|方面|一级指标|二级指标|三级指标/u;
const PART_MAX = /(?:总分|满分|分值)\s*([0-9]+(?:\.[0-9]+)?)\s*分/u;

/** The comma clauses of the sentence before an offset, parentheticals dropped (…（满分10分），项目自评得分为). */
function clausesBefore(text: string, at: number): { current: string; previous: string } {
  const sentenceStart = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('；', at - 1), text.lastIndexOf('\n', at - 1)) + 1;
  const sentence = text.slice(sentenceStart, at).replace(/[（(][^（）()]*[)）]/gu, '');
  const parts = sentence.split(/[，,]/u);
  const current = (parts.pop() ?? '').trim();
  let previous = (parts.pop() ?? '').trim();
  // A sentence that is only the score (总分20分。自评得分19.78分。) continues the one before.
  if (parts.length === 0 && previous === '' && current === '') {
    const before = text.slice(Math.max(0, sentenceStart - 80), Math.max(0, sentenceStart - 1));
    previous = before.split(/[，,。；]/u).pop()?.trim() ?? '';
  }
  return { current, previous };
}

/**
 * Whether a stated 自评得分 is the document's total: not a part's (its subject, or the clause before a
 * subject-less one, names an 一级指标, a category or the budget row, or states a maximum under 100).
 */
export function isClearlyTotal(text: string, at: number, value: number): boolean {
  if (value > 100) return false;
  const { current, previous } = clausesBefore(text, at);
  if (PART.test(current)) return false;
  if (current.replace(/[0-9\s年度我局本部门单位整体支出绩效的经综合评价自评结果为“”"优良中差]/gu, '') !== '' && !PART.test(current)) return true;
  const max = PART_MAX.exec(previous);
  if (max && Number(max[1]) < 100) return false;
  return !PART.test(previous);
}

export function readTotalAndGrade(doc: ExtractedDocument, stream: TextStream): void {
  const text = stream.text;
  const candidates = [...text.matchAll(TOTAL)];
  const total = candidates.find((m) => {
    const value = parseNumber(m[1] ?? '');
    return value !== null && isClearlyTotal(text, m.index ?? 0, value);
  });
  if (total?.[1]) {
    const start = total.index ?? 0;
    doc.declared.total = parseNumber(total[1]);
    doc.declared.provenance['total'] = stream.provenance(start, start + total[0].length);
  } else if (candidates[0]) {
    // A score that is not clearly the total (a part's, or a damaged total sentence) is never taken for it.
    const first = candidates[0];
    const provenance = stream.provenance(first.index ?? 0, (first.index ?? 0) + first[0].length);
    doc.warnings.push({ code: 'TOTAL_UNCLEAR', message: `未找到明确的自评总分：“${first[0]}”是分项得分而非总分，总分留空`, provenance });
  }
  const grade = GRADE.exec(text);
  if (grade?.[1]) {
    doc.declared.grade = grade[1] as Grade;
    doc.declared.provenance['grade'] = stream.provenance(grade.index, grade.index + grade[0].length);
  }
}
