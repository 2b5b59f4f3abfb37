import { describe, expect, it } from 'vitest';
import { crossDocument } from '../../../src/scoring/rules/cross-document.js';
import { fact } from '../../helpers/make-document.js';
import { documentContext, runDocumentCheck } from '../rule-tester.js';
import { zengchengReport, zengchengTable } from '../zengcheng-2022.js';

describe('cross-document', () => {
  it('zengcheng 2022: the report’s 履职效能 44.51 vs the table rows’ 44.52', () => {
    const findings = runDocumentCheck(crossDocument, documentContext(zengchengTable(), { companions: [zengchengReport()] }));
    expect(findings).toMatchObject([{ code: 'CROSS_DOCUMENT_MISMATCH', indicator: '履职效能', expected: 44.51, actual: 44.52, severity: 'info' }]);
    expect(findings[0]?.message).toBe('履职效能在本文件中为 44.52，在自评报告（zengcheng-2022-report.chromium.pdf）中为 44.51，请核对以哪一个为准');
  });

  it('a total, a grade and a figure the two documents state differently', () => {
    const table = zengchengTable({ declared: { total: 91.41, grade: '优' }, facts: { budgetExecutionRate: fact(0.9397, '执行率93.97%') } });
    const report = zengchengReport();
    report.declared.total = 90.41;
    report.declared.grade = '良';
    const findings = runDocumentCheck(crossDocument, documentContext(table, { companions: [report] }));
    expect(findings.map((f) => [f.indicator, f.severity, f.expected, f.actual])).toEqual([
      ['总分', 'error', 90.41, 91.41],
      ['评价等级', 'error', null, null],
      ['履职效能', 'info', 44.51, 44.52],
      ['年度预算执行率', 'error', 0.9297, 0.9397],
    ]);
  });

  it('nothing without companions', () => {
    expect(runDocumentCheck(crossDocument, documentContext(zengchengTable()))).toEqual([]);
  });
});
