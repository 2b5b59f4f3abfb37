import { describe, expect, it } from 'vitest';
import { Verification } from '../../src/schema/index.js';
import { verifyDocument } from '../../src/scoring/index.js';
import { indicator, makeDocument } from '../helpers/make-document.js';
import { RESCALE_NOTE, budgetRow, form, q, row } from './form-fixtures.js';

const codes = (v: Verification) => v.findings.map((f) => f.code);

describe('documents no rubric covers', () => {
  it('Guangzhou 2021: structural checks only, with a warning, and a summary', () => {
    const document = makeDocument({
      kind: 'self-evaluation-table',
      name: '广州市白云区城市管理和综合执法局',
      region: '白云区',
      fiscalYear: 2021,
      indicators: [
        indicator({ rubricId: null, level1: '履职效能', name: '部门整体绩效目标产出指标完成情况', weight: 20, declaredScore: 19 }),
        indicator({ rubricId: null, level1: '管理效率', name: '结转结余率', weight: 2, declaredScore: 3 }),
      ],
      declared: { total: 22 },
    });
    const { verification: v, warnings } = verifyDocument(document);
    expect(() => Verification.parse(v)).not.toThrow();
    expect(v).toMatchObject({ rubric: null, scope: 'structural', indicatorSum: 22, recomputedTotal: 22 });
    expect(warnings).toMatchObject([{ code: 'RUBRIC_NOT_AVAILABLE', message: expect.stringContaining('没有 2021 年度的评分标准') }]);
    // A score above its printed weight holds without any rubric.
    expect(v.findings).toMatchObject([{ code: 'SCORE_OUT_OF_RANGE', indicator: '结转结余率', rubricId: null, expected: 2, actual: 3 }]);
    expect(v.checks.map((c) => [c.rubricId, c.status, c.rule])).toEqual([[null, 'unverifiable', 'form-rule'], [null, 'mismatch', 'form-rule']]);
    expect(v.summary).toEqual({ ok: 0, mismatch: 1, unverifiable: 1, missing: 0, notApplicable: 0, pointsVerified: 2, pointsTotal: 22 });
  });

  it('another province’s table is never scored by Guangzhou’s rubric, even with Guangzhou’s indicator names', () => {
    const document = makeDocument({
      kind: 'self-evaluation-table',
      name: '贵阳市白云区教育局',
      region: '白云区',
      fiscalYear: 2023,
      indicators: [indicator({ rubricId: 'carryover-rate', name: '结转结余率', weight: 5, declaredScore: 5 })],
      declared: { total: 5 },
    });
    document.region = { province: '贵州省', city: '贵阳市', county: '白云区', code: '520113', provenance: null };
    const { verification: v } = verifyDocument(document);
    expect(v.scope).toBe('structural');
    // Against gz-2023 this would be a WEIGHT_MISMATCH (2) and 24 absent rows.
    expect(v.findings).toEqual([]);
    expect(v.checks).toHaveLength(1);
  });

  it('a report without a rubric: its stated category scores against their maxima, the total against its subtotals', () => {
    const report = makeDocument({
      kind: 'self-evaluation-report',
      name: '燕州市滦东区统计局',
      fiscalYear: 2023,
      declared: {
        total: 96.5,
        byLevel1: { 预算执行: 9.5, 产出指标: 48, 效益指标: 29, 满意度指标: 10 },
        byCategory: { budgetExecution: { score: 9.5, max: 10, statedCount: null }, output: { score: 48, max: 50, statedCount: null }, benefit: { score: 31, max: 30, statedCount: null } },
      },
    });
    report.budget.total = 612.38;
    report.budget.actualSpending = 581.76;
    report.budget.executionRate = 0.95;
    const { verification: v } = verifyDocument(report);
    expect(v.checks.map((c) => [c.name, c.status])).toEqual([['预算执行', 'unverifiable'], ['产出指标', 'unverifiable'], ['效益指标', 'mismatch']]);
    expect(v.checks[0]?.detail).toContain('应得 9.5 分');
    expect(codes(v)).toEqual(['SCORE_OUT_OF_RANGE']);
    expect(v.summary.pointsTotal).toBe(90);
  });
});

describe('the national project rubric through the engine', () => {
  it('预算执行 at 20 points with two goals at 40: the printed weights are used, nothing is reported', () => {
    const document = form({
      rows: [
        budgetRow(20, 19),
        row('目标一 完成项目', 40, 40, q('≥10个', 10, '个', '>='), q('12个', 12, '个'), { level1Weight: 40 }),
        row('目标二 受益人数', 40, 36, q('≥1000人', 1000, '人', '>='), q('900人', 900, '人'), { level1: '效益指标', level1Weight: 40 }),
      ],
      total: 95,
      budget: { total: 100, actualSpending: 95, executionRate: 0.95 },
    });
    const { verification: v } = verifyDocument(document);
    expect(v.checks.map((c) => [c.weight, c.status, c.recomputed])).toEqual([[20, 'unverifiable', null], [40, 'ok', 40], [40, 'ok', 36]]);
    expect(v.findings).toEqual([]);
  });

  it('a budget weight printed against the form’s own note is a warning; its score checked against the printed weight', () => {
    const document = form({ rows: [budgetRow(20, 19), row('a', 80, 80, q('≥1个', 1, '个', '>='), q('1个', 1, '个'))], total: 99, byCategory: { budgetExecution: { score: null, max: 10, statedCount: null } } });
    const { verification: v } = verifyDocument(document);
    expect(v.findings).toMatchObject([{ code: 'WEIGHT_MISMATCH', severity: 'warning', expected: 10, actual: 20 }]);
    expect(v.checks[0]?.weight).toBe(20);
  });

  it('without printed weights for the budget row, the rubric’s 10 points apply', () => {
    const document = form({ rows: [budgetRow(null, 9.5), row('a', 90, 90, q('≥1个', 1, '个', '>='), q('1个', 1, '个'))], total: 99.5, budget: { total: 100, actualSpending: 95, executionRate: 0.95 } });
    const { verification: v } = verifyDocument(document);
    expect(v.checks[0]).toMatchObject({ weight: 10, declared: 9.5 });
    expect(v.findings).toEqual([]);
  });

  it('rows marked 不适用 left out and the total rescaled to 100 where the form says so', () => {
    const rows = [
      budgetRow(10, 9, RESCALE_NOTE),
      row('a', 50, 45, q('≥10个', 10, '个', '>='), q('9个', 9, '个'), { criteria: RESCALE_NOTE }),
      row('生态效益指标', null, null, null, null, { level1: '效益指标', notApplicable: true }),
      row('b', 20, 20, q('≥90%', 0.9, '%', '>='), q('95%', 0.95, '%'), { level1: '满意度指标' }),
    ];
    // (9 + 45 + 20) × 100 / 80 = 92.5.
    const { verification: v } = verifyDocument(form({ rows, total: 92.5, budget: { total: 100, actualSpending: 90, executionRate: 0.9 } }));
    expect(v.findings).toEqual([]);
    expect(v).toMatchObject({ indicatorSum: 74, recomputedTotal: 92.5 });
    expect(v.summary).toMatchObject({ notApplicable: 1, pointsTotal: 100 });
  });

  it('a form with no 分值 or 得分 column at all: one SCORES_NOT_FILLED, the rubric’s 10 points for the budget row', () => {
    const rows = [budgetRow(null, null), row('a', null, null, q('≥10个', 10, '个', '>='), q('12个', 12, '个')), row('b', null, null, q('≥90%', 0.9, '%', '>='), q('95%', 0.95, '%'))];
    const { verification: v } = verifyDocument(form({ rows, budget: { total: 100, actualSpending: 95, executionRate: 0.95 } }));
    expect(codes(v)).toEqual(['SCORES_NOT_FILLED']);
    expect(v.checks.map((c) => [c.weight, c.status])).toEqual([[10, 'missing'], [null, 'missing'], [null, 'missing']]);
    expect(v.checks[0]?.detail).toContain('应得 9.5 分');
  });

  it('a project table without its budget row: SCORE_MISSING for 预算执行率', () => {
    const { verification: v } = verifyDocument(form({ rows: [row('a', 90, 90, q('≥1个', 1, '个', '>='), q('1个', 1, '个'))], total: 90 }));
    expect(v.findings).toMatchObject([{ code: 'SCORE_MISSING', indicator: '预算执行率', severity: 'warning' }]);
    expect(v.checks[0]).toMatchObject({ rubricId: 'budget-execution', status: 'missing' });
  });
});
