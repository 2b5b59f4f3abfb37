import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/scoring/rules/grade.js';
import { makeDocument } from '../../helpers/make-document.js';
import { documentContext, runDocumentCheck } from '../rule-tester.js';
import { zengchengTable } from '../zengcheng-2022.js';

describe('grade', () => {
  it('zengcheng 2022: no box ticked, 91.41 is 优', () => {
    const findings = runDocumentCheck(grade, documentContext(zengchengTable()));
    expect(findings).toMatchObject([{ code: 'GRADE_MISMATCH', severity: 'warning', expected: null, actual: 91.41 }]);
    expect(findings[0]?.message).toBe('评价等级未勾选；总分 91.41 分对应“优”，请勾选');
  });

  it('a ticked 优 with 89.99 is an error; 90 and 100 are 优', () => {
    const wrong = zengchengTable({ declared: { total: 89.99, grade: '优' } });
    expect(runDocumentCheck(grade, documentContext(wrong))).toMatchObject([{ severity: 'error', expected: null, actual: 89.99, message: '评价等级为“优”，但总分 89.99 分对应“良”' }]);
    for (const total of [90, 100]) {
      expect(runDocumentCheck(grade, documentContext(zengchengTable({ declared: { total, grade: '优' } })))).toEqual([]);
    }
  });

  it('a recomputed total in a lower band', () => {
    const table = zengchengTable({ declared: { total: 91.41, grade: '优' } });
    expect(runDocumentCheck(grade, documentContext(table, { recomputedTotal: 89.27 }))).toMatchObject([
      { severity: 'warning', expected: null, actual: 89.27, message: '按复核后的得分 89.27 分，评价等级应为“良”，而不是“优”' },
    ]);
  });

  it('a form without a 评价等级 row is not asked to tick one (liwan 2023)', () => {
    const noGradeRow = zengchengTable({ declared: { total: 100, grade: null, provenance: {} } });
    expect(runDocumentCheck(grade, documentContext(noGradeRow))).toEqual([]);
  });

  it('a report that states no grade is not asked to tick one', () => {
    expect(runDocumentCheck(grade, documentContext(makeDocument({ fiscalYear: 2023, declared: { total: 98.57 } })))).toEqual([]);
  });
});

describe('grade against broken rows', () => {
  it('does not blame the recomputation for rows that never added up to the total', () => {
    const table = zengchengTable({ declared: { total: 100, grade: '优' }, indicators: zengchengTable().indicators.slice(0, 10) });
    const ctx = documentContext(table, { recomputedTotal: 55.52 });
    expect(ctx.indicatorSum).toBe(55.52);
    expect(runDocumentCheck(grade, ctx)).toEqual([]);
  });
});
