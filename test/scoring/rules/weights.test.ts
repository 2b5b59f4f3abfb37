import { describe, expect, it } from 'vitest';
import { weights } from '../../../src/scoring/rules/weights.js';
import { indicator, makeDocument } from '../../helpers/make-document.js';
import { documentContext, runDocumentCheck } from '../rule-tester.js';
import { zengchengTable } from '../zengcheng-2022.js';

describe('weights', () => {
  it('zengcheng 2022 printed weights (10/10/5, 20/5, 0.5 + 1.5 …) match gz-2022', () => {
    expect(runDocumentCheck(weights, documentContext(zengchengTable()))).toEqual([]);
  });

  it('the same table read against gz-2023 disagrees on the 整体效能 weights', () => {
    const findings = runDocumentCheck(weights, documentContext(zengchengTable(), { rubric: 'gz-2023' }));
    expect(findings.map((f) => [f.indicator, f.expected, f.actual])).toEqual([
      ['部门整体绩效目标产出指标完成情况', 20, 10],
      ['整体效能', 50, 25],
      ['部门整体绩效目标效益指标完成情况', 20, 10],
      ['部门预算资金支出率', 10, 5],
    ]);
  });

  it('a sub-row against its part weight, and a report category maximum', () => {
    const table = makeDocument({
      fiscalYear: 2023,
      indicators: [indicator({ rubricId: 'procurement-intent-disclosure', part: 2, weight: 1, declaredScore: 1 })],
    });
    expect(runDocumentCheck(weights, documentContext(table))).toMatchObject([{ code: 'WEIGHT_MISMATCH', expected: 1.5, actual: 1 }]);
    const report = makeDocument({ fiscalYear: 2023, declared: { byCategory: { output: { score: 9, max: 10, statedCount: null } } } });
    expect(runDocumentCheck(weights, documentContext(report))).toMatchObject([{ indicator: '部门整体绩效目标产出指标完成情况', expected: 20, actual: 10 }]);
  });
});
