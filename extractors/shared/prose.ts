import type { Grade } from '../../src/schema/verification.js';
import type { ExtractedDocument } from '../types.js';
import { parseNumber } from './quantity.js';
import type { TextStream } from './text-stream.js';

/** Things every prose document (report, explanation) states the same way. */

const TOTAL = /(?:自评得分合计|自评得分为|自评总分为?|自评分值为|自评得分|总得分为?)\s*[:：]?\s*([0-9]+(?:\.[0-9]+)?)\s*分/u;
const GRADE = /自评(?:结果|等级)为\s*[“"]?(优|良|中|差)[”"]?/u;

export function readTotalAndGrade(doc: ExtractedDocument, stream: TextStream): void {
  const total = TOTAL.exec(stream.text);
  if (total?.[1]) {
    const start = total.index;
    doc.declared.total = parseNumber(total[1]);
    doc.declared.provenance['total'] = stream.provenance(start, start + total[0].length);
  }
  const grade = GRADE.exec(stream.text);
  if (grade?.[1]) {
    doc.declared.grade = grade[1] as Grade;
    doc.declared.provenance['grade'] = stream.provenance(grade.index, grade.index + grade[0].length);
  }
}
