import { describe, expect, it } from 'vitest';
import { count } from '../../../src/scoring/rules/count.js';
import { indicator, makeDocument, prov } from '../../helpers/make-document.js';
import { BAIYUN_BENEFIT_TARGETS, BAIYUN_OUTPUT_TARGETS } from '../baiyun-targets.js';
import { documentContext, runDocumentCheck } from '../rule-tester.js';

const baiyun = (outputCount: number) =>
  makeDocument({
    fiscalYear: 2023,
    targets: [...BAIYUN_OUTPUT_TARGETS, ...BAIYUN_BENEFIT_TARGETS],
    declared: {
      byCategory: { output: { score: 18.79, max: 20, statedCount: outputCount }, benefit: { score: 19.78, max: 20, statedCount: 6 } },
      provenance: { 'statedCount.output': prov(`设置了 ${outputCount} 个产出指标`, 3) },
    },
  });

describe('count', () => {
  it('baiyun 2023: 设置了 19 个产出指标 but 23 listed', () => {
    const findings = runDocumentCheck(count, documentContext(baiyun(19)));
    expect(findings).toMatchObject([{ code: 'COUNT_MISMATCH', indicator: '产出指标', expected: 23, actual: 19 }]);
    expect(findings[0]?.provenance[0]?.text).toBe('设置了 19 个产出指标');
    expect(findings[0]?.provenance).toHaveLength(24);
  });

  it('nothing when the counts agree (6 效益指标) or none is listed', () => {
    expect(runDocumentCheck(count, documentContext(baiyun(23)))).toEqual([]);
    const noTargets = makeDocument({ declared: { byCategory: { output: { score: null, max: null, statedCount: 13 } } } });
    expect(runDocumentCheck(count, documentContext(noTargets))).toEqual([]);
  });
});

describe('count on forms scored row by row', () => {
  const rows = [
    indicator({ rubricId: null, role: 'budget-execution', name: '年度资金总额', weight: 10, declaredScore: 9.5 }),
    ...['支持企业数量', '审核准确率', '完成时间'].map((name) => indicator({ rubricId: null, level1: '产出指标', name, weight: 10, declaredScore: 10 })),
    indicator({ rubricId: null, level1: '效益指标', name: null, weight: null, declaredScore: null, notApplicable: true }),
    indicator({ rubricId: null, level1: '满意度指标', name: '满意度', weight: 10, declaredScore: 10 }),
  ];
  const report = (indicators: number, output: number | null = null) =>
    makeDocument({
      kind: 'project-report',
      indicators: rows,
      declared: { byCategory: { indicators: { score: null, max: null, statedCount: indicators }, ...(output === null ? {} : { output: { score: null, max: 50, statedCount: output } }) } },
    });

  it('ganyuan 2023: 共设置绩效指标 N 个 against the table’s rows, the budget row left out, a 不适用 row counted or not', () => {
    expect(runDocumentCheck(count, documentContext(report(4), { rubric: 'national-project' }))).toEqual([]);
    expect(runDocumentCheck(count, documentContext(report(5), { rubric: 'national-project' }))).toEqual([]);
    expect(runDocumentCheck(count, documentContext(report(9), { rubric: 'national-project' }))).toMatchObject([{ code: 'COUNT_MISMATCH', indicator: '绩效指标', expected: 4, actual: 9 }]);
  });

  it('a stated count of 产出指标 against the rows under that level', () => {
    expect(runDocumentCheck(count, documentContext(report(4, 3), { rubric: null }))).toEqual([]);
    expect(runDocumentCheck(count, documentContext(report(4, 5), { rubric: null }))).toMatchObject([{ code: 'COUNT_MISMATCH', indicator: '产出指标', expected: 3, actual: 5 }]);
  });
});
