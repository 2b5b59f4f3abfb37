import { describe, expect, it } from 'vitest';
import { factConsistency } from '../../../src/scoring/rules/fact-consistency.js';
import { fact, makeDocument } from '../../helpers/make-document.js';
import { documentContext, runDocumentCheck } from '../rule-tester.js';

const baiyunFacts = {
  publicFundsActual: fact(143.34, '实际支出公用经费总额143.34万元'),
  publicFundsBudget: fact(171.79, '预算安排公用经费总额171.79万元'),
  carryoverYearEnd: fact(12.37, '年末财政拨款结转和结余决算数为12.37万元'),
  carryoverYearStart: fact(9.73, '年初财政拨款结转和结余收入决算数为9.73万元'),
  generalBudgetAppropriation: fact(73898.42, '一般公共预算财政拨款决算数73,898.42万元'),
  governmentFundAppropriation: fact(2840.74, '政府性基金预算财政拨款决算数2,840.74万元'),
};

describe('fact-consistency', () => {
  it('baiyun 2023: -16.56% and 结转率 0.02% agree with their figures', () => {
    const report = makeDocument({
      fiscalYear: 2023,
      facts: { ...baiyunFacts, publicFundsControlRate: fact(-0.1656, '公用经费控制率-16.56%'), carryoverRate: fact(0.0002, '结转率为0.02%') },
    });
    expect(runDocumentCheck(factConsistency, documentContext(report))).toEqual([]);
  });

  it('a stated rate its figures do not give', () => {
    const report = makeDocument({ fiscalYear: 2023, facts: { ...baiyunFacts, carryoverRate: fact(0.02, '结转率为2%') } });
    const findings = runDocumentCheck(factConsistency, documentContext(report));
    expect(findings).toMatchObject([{ code: 'RECOMPUTED_MISMATCH', indicator: '结转结余率', expected: 0.0002, actual: 0.02 }]);
    expect(findings[0]?.message).toBe('文中结转结余率为 2%，但按文中数据计算为 0.02%，请核对“结转结余率”的得分依据');
    expect(findings[0]?.provenance).toHaveLength(5);
  });
});
