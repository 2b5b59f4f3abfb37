import { describe, expect, it } from 'vitest';
import { sums } from '../../../src/scoring/rules/sums.js';
import { makeDocument, prov } from '../../helpers/make-document.js';
import { documentContext, runDocumentCheck } from '../rule-tester.js';
import { zengchengTable } from '../zengcheng-2022.js';

describe('sums', () => {
  it('zengcheng 2022: 总分 91.41 vs rows 91.42 is a rounding gap (info)', () => {
    const findings = runDocumentCheck(sums, documentContext(zengchengTable()));
    expect(findings).toMatchObject([{ code: 'TOTAL_MISMATCH', severity: 'info', expected: 91.42, actual: 91.41 }]);
    expect(findings[0]?.message).toBe('总分写为 91.41，但各三级指标得分之和为 91.42，相差 0.01 分');
    expect(findings[0]?.provenance[0]?.text).toBe('总分\t100\t91.41');
  });

  it('a total 1 point off is an error', () => {
    const table = zengchengTable({ declared: { total: 92.42 } });
    expect(runDocumentCheck(sums, documentContext(table))).toMatchObject([{ code: 'TOTAL_MISMATCH', severity: 'error' }]);
  });

  it('a table 一级 subtotal against its rows', () => {
    const table = zengchengTable({ declared: { total: 91.42, byLevel1: { 履职效能: 45.52 } } });
    expect(runDocumentCheck(sums, documentContext(table))).toMatchObject([
      { code: 'SUBTOTAL_MISMATCH', indicator: '履职效能', expected: 44.52, actual: 45.52, severity: 'error' },
    ]);
  });

  it('baiyun 2023 report: 48.57 = 18.79 + 19.78 + 10 and 98.57 = 48.57 + 50 hold', () => {
    const report = makeDocument({
      fiscalYear: 2023,
      declared: {
        total: 98.57,
        byLevel1: { 履职效能: 48.57, 管理效率: 50 },
        byCategory: { output: { score: 18.79, max: 20, statedCount: 19 }, benefit: { score: 19.78, max: 20, statedCount: 6 }, budgetExecution: { score: 10, max: 10, statedCount: null } },
      },
    });
    expect(runDocumentCheck(sums, documentContext(report))).toEqual([]);
  });

  it('a report subtotal its category scores do not give', () => {
    const report = makeDocument({
      fiscalYear: 2023,
      declared: {
        total: 99,
        byLevel1: { 履职效能: 48, 管理效率: 50 },
        byCategory: { output: { score: 18.79, max: 20, statedCount: null }, benefit: { score: 19.78, max: 20, statedCount: null }, budgetExecution: { score: 10, max: 10, statedCount: null } },
        provenance: { 'byLevel1.履职效能': prov('自评得分 48 分') },
      },
    });
    expect(runDocumentCheck(sums, documentContext(report))).toMatchObject([
      { code: 'TOTAL_MISMATCH', expected: 98, actual: 99, severity: 'error' },
      { code: 'SUBTOTAL_MISMATCH', indicator: '履职效能', expected: 48.57, actual: 48, provenance: [{ text: '自评得分 48 分' }] },
    ]);
  });
});
