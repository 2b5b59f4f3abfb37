import { describe, expect, it } from 'vitest';
import { count } from '../../../src/scoring/rules/count.js';
import { makeDocument, prov } from '../../helpers/make-document.js';
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
