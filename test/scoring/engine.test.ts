import { describe, expect, it } from 'vitest';
import { Verification } from '../../src/schema/index.js';
import type { Finding } from '../../src/schema/index.js';
import { verifyDocument } from '../../src/scoring/index.js';
import { fact, indicator, makeDocument, prov } from '../helpers/make-document.js';
import { BAIYUN_BENEFIT_TARGETS, BAIYUN_OUTPUT_TARGETS } from './baiyun-targets.js';
import { zengchengReport, zengchengTable } from './zengcheng-2022.js';

const byCode = (findings: Finding[], code: Finding['code']) => findings.filter((f) => f.code === code);

describe('zengcheng-2022-table', () => {
  const { verification, warnings } = verifyDocument(zengchengTable(), { companions: [zengchengReport()] });
  const check = (id: string) => verification.checks.find((c) => c.rubricId === id);

  it('is scored by gz-2022 with no rubric warning, and the result fits the schema', () => {
    expect(verification.rubric?.id).toBe('gz-2022');
    expect(warnings).toEqual([]);
    expect(() => Verification.parse(verification)).not.toThrow();
    expect(verification.checks).toHaveLength(27);
  });

  it('finds the total 91.41 against rows summing to 91.42 (rounding: info)', () => {
    expect(verification.indicatorSum).toBe(91.42);
    expect(byCode(verification.findings, 'TOTAL_MISMATCH')).toMatchObject([{ severity: 'info', expected: 91.42, actual: 91.41 }]);
  });

  it('finds no grade ticked where 91.41 is 优', () => {
    expect(verification.grade).toMatchObject({ declared: null, fromDeclaredTotal: '优' });
    expect(byCode(verification.findings, 'GRADE_MISMATCH')).toMatchObject([{ severity: 'warning', expected: null, actual: 91.41, message: expect.stringContaining('对应“优”') }]);
  });

  it('rejects 0.80 of 1 on the binary 采购内控制度建设 (and 0.50 on 合同备案时效性)', () => {
    const notAllowed = byCode(verification.findings, 'SCORE_NOT_ALLOWED');
    expect(notAllowed.map((f) => [f.indicator, f.actual])).toEqual([
      ['采购内控制度建设', 0.8],
      ['合同备案时效性', 0.5],
    ]);
    expect(notAllowed[0]?.message).toContain('采购内控制度建设');
    expect(notAllowed[0]?.provenance[0]?.text).toContain('0.80');
    expect(check('procurement-internal-control')?.status).toBe('mismatch');
  });

  it('recomputes 部门预算资金支出率 from the report’s 92.97%: 4.65, ok', () => {
    expect(check('budget-execution')).toMatchObject({ declared: 4.65, recomputed: 4.65, status: 'ok', rule: 'execution-rate' });
  });

  it('never calls a check ok that it could not recompute', () => {
    expect(check('asset-inventory')?.status).toBe('unverifiable');
    expect(check('asset-data-quality')).toMatchObject({ status: 'unverifiable', range: [0, 2] });
    expect(check('carryover-rate')?.status).toBe('unverifiable');
    const ok = verification.checks.filter((c) => c.status === 'ok').map((c) => c.rubricId);
    expect(ok).toEqual(['budget-execution']);
  });

  it('reports the report’s 履职效能 44.51 against the table’s rows summing to 44.52', () => {
    const cross = byCode(verification.findings, 'CROSS_DOCUMENT_MISMATCH');
    expect(cross).toMatchObject([{ indicator: '履职效能', expected: 44.51, actual: 44.52, severity: 'info' }]);
    expect(cross[0]?.message).toContain('自评报告');
    expect(cross[0]?.provenance.map((p) => p.text)).toContain('职效能总分 50分，自评得分 44.51分');
  });

  it('checks printed weights and finds none wrong', () => {
    expect(byCode(verification.findings, 'WEIGHT_MISMATCH')).toEqual([]);
    expect(byCode(verification.findings, 'UNKNOWN_INDICATOR')).toEqual([]);
  });

  it('keeps recomputedTotal = sum with recomputed scores replacing declared ones', () => {
    expect(verification.recomputedTotal).toBe(91.42);
  });

  it('without the report, 部门预算资金支出率 is unverifiable', () => {
    const alone = verifyDocument(zengchengTable()).verification;
    expect(alone.checks.find((c) => c.rubricId === 'budget-execution')?.status).toBe('unverifiable');
    expect(byCode(alone.findings, 'CROSS_DOCUMENT_MISMATCH')).toEqual([]);
  });

  it('finds a recomputed score that lowers the grade', () => {
    const report = zengchengReport();
    report.facts['budgetExecutionRate'] = fact(0.5, '年度预算执行率 50%');
    const { verification: v } = verifyDocument(zengchengTable(), { companions: [report] });
    expect(v.checks.find((c) => c.rubricId === 'budget-execution')).toMatchObject({ recomputed: 2.5, status: 'mismatch' });
    expect(v.recomputedTotal).toBe(89.27);
    expect(v.grade.fromRecomputedTotal).toBe('良');
    expect(byCode(v.findings, 'GRADE_MISMATCH').map((f) => f.message)).toContain('按复核后的得分 89.27 分，评价等级应为“良”，而不是“优”');
  });
});

describe('zengcheng-2022-report with its table', () => {
  it('reports the same 44.51 / 44.52 disagreement from the report’s side', () => {
    const { verification } = verifyDocument(zengchengReport(), { companions: [zengchengTable()] });
    expect(verification.rubric?.id).toBe('gz-2022');
    expect(verification.indicatorSum).toBeNull();
    expect(verification.recomputedTotal).toBeNull();
    expect(byCode(verification.findings, 'CROSS_DOCUMENT_MISMATCH')).toMatchObject([{ indicator: '履职效能', expected: 44.52, actual: 44.51 }]);
    expect(byCode(verification.findings, 'TOTAL_MISMATCH')).toEqual([]);
  });
});

function baiyunReport() {
  return makeDocument({
    kind: 'self-evaluation-report',
    path: 'samples/baiyun-2023-report.chromium.pdf',
    name: '广州市白云区科技工业商务和信息化局',
    region: '白云区',
    fiscalYear: 2023,
    targets: [...BAIYUN_OUTPUT_TARGETS, ...BAIYUN_BENEFIT_TARGETS],
    declared: {
      total: 98.57,
      grade: '优',
      byLevel1: { 履职效能: 48.57, 管理效率: 50 },
      byCategory: {
        output: { score: 18.79, max: 20, statedCount: 19 },
        benefit: { score: 19.78, max: 20, statedCount: 6 },
        budgetExecution: { score: 10, max: 10, statedCount: null },
      },
      provenance: {
        'byCategory.output': prov('设置了 19 个产出指标，总分 20 分，自评得分 18.79 分。', 3),
        'byCategory.benefit': prov('设置了6个效益指标，总分20分。自评得分19.78分。', 4),
      },
    },
    facts: {
      budgetExecutionRate: fact(1, '一般公共预算支出年度平均执行率100%'),
      publicFundsActual: fact(143.34, '实际支出公用经费总额143.34万元'),
      publicFundsBudget: fact(171.79, '预算安排公用经费总额171.79万元'),
      publicFundsControlRate: fact(-0.1656, '公用经费控制率-16.56%'),
    },
  });
}

describe('baiyun-2023-report', () => {
  const { verification } = verifyDocument(baiyunReport());
  const check = (id: string) => verification.checks.find((c) => c.rubricId === id);

  it('finds 设置了 19 个产出指标 against 23 listed', () => {
    expect(byCode(verification.findings, 'COUNT_MISMATCH')).toMatchObject([{ indicator: '产出指标', expected: 23, actual: 19, severity: 'warning' }]);
  });

  it('finds 19.78 for the benefit indicators only possible with 外贸 (254%) scored in full', () => {
    const over = byCode(verification.findings, 'COMPLETION_OVER_150').filter((f) => f.indicator === '部门整体绩效目标效益指标完成情况');
    expect(over).toMatchObject([{ expected: 18.11, actual: 19.78, severity: 'error' }]);
    expect(over[0]?.message).toContain('全区外贸进出口增长');
    // The report explains 完成率在150%以上的原因; the rule still gives half.
    expect(over[0]?.message).toContain('文件虽说明了原因');
    expect(check('benefit-completion')).toMatchObject({ status: 'mismatch', range: [16.78, 18.11] });
  });

  it('also finds 商贸流通企业升规纳统 (300 家以上 vs 451 家, 150.33%) scored in full among the 产出指标', () => {
    const over = byCode(verification.findings, 'COMPLETION_OVER_150').find((f) => f.indicator === '部门整体绩效目标产出指标完成情况');
    expect(over?.message).toContain('商贸流通企业升规纳统');
    expect(over?.actual).toBe(18.79);
  });

  it('checks the report’s categories and nothing it does not state', () => {
    expect(verification.checks.map((c) => c.rubricId)).toEqual(['output-completion', 'benefit-completion', 'budget-execution']);
    expect(check('budget-execution')).toMatchObject({ status: 'ok', recomputed: 10 });
    expect(verification.indicatorSum).toBeNull();
  });

  it('finds the stated totals consistent (48.57 = 18.79 + 19.78 + 10; 98.57 = 48.57 + 50) and the control rate consistent', () => {
    expect(byCode(verification.findings, 'SUBTOTAL_MISMATCH')).toEqual([]);
    expect(byCode(verification.findings, 'TOTAL_MISMATCH')).toEqual([]);
    expect(byCode(verification.findings, 'RECOMPUTED_MISMATCH')).toEqual([]);
    expect(byCode(verification.findings, 'GRADE_MISMATCH')).toEqual([]);
  });

  it('checks a report’s per-indicator score when the extractor keys byCategory by rubric id', () => {
    const report = baiyunReport();
    report.declared.byCategory['public-funds-control'] = { score: 2, max: 2, statedCount: null };
    report.declared.byCategory['three-public-control'] = { score: 1, max: 2, statedCount: null };
    const checks = verifyDocument(report).verification.checks;
    expect(checks.find((c) => c.rubricId === 'public-funds-control')).toMatchObject({ declared: 2, recomputed: 2, status: 'ok' });
    expect(checks.find((c) => c.rubricId === 'three-public-control')).toMatchObject({ declared: 1, recomputed: null, status: 'mismatch' }); // 1 of 2: 得满分或不得分
  });

  it('flags a stated control rate its own figures do not give', () => {
    const report = baiyunReport();
    report.facts['publicFundsControlRate'] = fact(-0.06, '公用经费控制率-6%');
    const findings = byCode(verifyDocument(report).verification.findings, 'RECOMPUTED_MISMATCH');
    expect(findings).toMatchObject([{ indicator: '公用经费控制率', expected: -0.1656, actual: -0.06 }]);
  });
});

describe('liwan-2023-table', () => {
  const rows = [
    indicator({ rubricId: 'new-project-assessment', name: '新增预算项目事前绩效评估', weight: 3, declaredScore: 3, scoreInferred: true }),
    indicator({ rubricId: 'carryover-rate', name: '结转结余率', weight: 2, declaredScore: 2 }),
  ];
  const document = makeDocument({
    kind: 'self-evaluation-table',
    name: '广州市荔湾区协作办公室',
    region: null,
    fiscalYear: 2023,
    indicators: rows,
    declared: { total: 100 },
    facts: { carryoverRate: fact(0.0096, '结转率0.96%') },
  });
  const { verification } = verifyDocument(document);
  const check = (id: string) => verification.checks.find((c) => c.rubricId === id);

  it('scores 结转率 0.96% at 2 under ≤10% → 2: ok', () => {
    expect(verification.rubric?.id).toBe('gz-2023');
    expect(check('carryover-rate')).toMatchObject({ declared: 2, recomputed: 2, status: 'ok' });
  });

  it('reports the blank 新增预算项目事前绩效评估 as SCORE_MISSING with the inferred 3', () => {
    expect(check('new-project-assessment')).toMatchObject({ declared: null, status: 'missing' });
    const missing = byCode(verification.findings, 'SCORE_MISSING').find((f) => f.indicator === '新增预算项目事前绩效评估');
    expect(missing).toMatchObject({ expected: 3, actual: null, severity: 'warning' });
  });

  it('reports rubric rows absent from a partial table as missing', () => {
    expect(check('asset-inventory')?.status).toBe('missing');
  });
});

describe('unknown rows and weights', () => {
  it('reports a row with no rubric match and a weight that differs from the rubric', () => {
    const document = makeDocument({
      fiscalYear: 2023,
      indicators: [
        indicator({ rubricId: null, name: '自定义指标', weight: 5, declaredScore: 5 }),
        indicator({ rubricId: 'special-funds-execution', name: '专项资金支出率', weight: 5, declaredScore: 5 }),
        indicator({ rubricId: 'carryover-rate', name: '结转结余率', weight: 3, declaredScore: 2 }),
      ],
    });
    const { verification, warnings } = verifyDocument(document, { rubricId: 'gz-2023' });
    expect(warnings).toEqual([]);
    expect(byCode(verification.findings, 'UNKNOWN_INDICATOR').map((f) => f.indicator)).toEqual(['自定义指标', '专项资金支出率']);
    expect(byCode(verification.findings, 'WEIGHT_MISMATCH')).toMatchObject([{ indicator: '结转结余率', expected: 2, actual: 3 }]);
  });

  it('scores a 2023 document with 专项效能 rows by gz-2022 and warns', () => {
    const document = makeDocument({
      fiscalYear: 2023,
      name: '广州市增城区科技工业商务和信息化局',
      region: '增城区',
      indicators: [indicator({ rubricId: 'special-funds-execution', name: '专项资金支出率', weight: 5, declaredScore: 5 })],
    });
    const { verification, warnings } = verifyDocument(document);
    expect(verification.rubric?.id).toBe('gz-2022');
    expect(warnings).toMatchObject([{ code: 'RUBRIC_SHAPE_OVERRIDE', provenance: null }]);
  });
});
