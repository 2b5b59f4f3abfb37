import type { Grade } from '../../src/schema/verification.js';
import type { ExtractedDocument } from '../types.js';
import { cleanDepartmentName, departmentOf, findDepartmentName } from './department.js';
import { parseNumber } from './quantity.js';
import type { TextStream } from './text-stream.js';

/** Things every prose document (report, explanation) states the same way. */

const TOTAL = /(?:自评得分合计|自评得分为|自评总分为?|自评分值为|自评得分|总得分为?)\s*[:：]?\s*([0-9]+(?:\.[0-9]+)?)\s*分/u;
const GRADE = /自评(?:结果|等级)为\s*[“"]?(优|良|中|差)[”"]?/u;

export function readDepartment(doc: ExtractedDocument, stream: TextStream): void {
  const found = findDepartmentName(stream.text.slice(0, 3000));
  if (!found) return;
  const name = cleanDepartmentName(found.name).replace(/[（(]简称[^)）]*[)）]/u, '');
  doc.department = departmentOf(name, stream.provenance(found.index, found.index + found.name.length), false);
}

/** The fiscal year: 20xx 年度 in the opening, else the year the text mentions most (not a filing date). */
export function readFiscalYear(doc: ExtractedDocument, stream: TextStream): void {
  const head = stream.text.slice(0, 1500).match(/(20\d{2})\s*年度/u);
  if (head?.[1]) {
    doc.fiscalYear = Number(head[1]);
    return;
  }
  const counts = new Map<number, number>();
  const withoutDates = stream.text.replace(/(填报日期|日期)[:：]?\s*20\d{2}\s*年[^\n]{0,8}/gu, '');
  for (const m of withoutDates.matchAll(/(20\d{2})\s*年(?!\s*\d+\s*月\s*\d+\s*日)/gu)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  if (best) doc.fiscalYear = best[0];
}

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
