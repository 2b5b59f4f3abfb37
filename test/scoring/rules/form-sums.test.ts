import { describe, expect, it } from 'vitest';
import { formSums } from '../../../src/scoring/rules/form-sums.js';
import { makeDocument } from '../../helpers/make-document.js';
import { RESCALE_NOTE, budgetRow, form, q, row } from '../form-fixtures.js';
import { documentContext, runDocumentCheck } from '../rule-tester.js';

const sumOf = (d: ReturnType<typeof form>) => Math.round(d.indicators.reduce((s, r) => s + (r.declaredScore ?? 0), 0) * 100) / 100;

// liuwan 2023: 总分 99.8, the printed scores 9.8 + 48 + 30 + 10 = 97.8.
const liuwan = (total: number) =>
  form({
    total,
    rows: [
      budgetRow(10, 9.8),
      row('产出合计', 50, 48, null, null),
      row('效益合计', 30, 30, null, null, { level1: '效益指标' }),
      row('生态效益指标', null, null, null, null, { level1: '效益指标', notApplicable: true }),
      row('满意度', 10, 10, null, null, { level1: '满意度指标' }),
    ],
  });

describe('form-sums', () => {
  it('liuwan 2023: 总分 99.8 against scores adding to 97.8', () => {
    const document = liuwan(99.8);
    const findings = runDocumentCheck(formSums, documentContext(document, { rubric: 'national-project', indicatorSum: sumOf(document) }));
    expect(findings).toMatchObject([{ code: 'TOTAL_MISMATCH', severity: 'error', expected: 97.8, actual: 99.8, rule: 'form-sums' }]);
    expect(findings[0]?.message).toBe('总分写为 99.8，但各指标得分之和为 97.8，相差 2 分');
    expect(runDocumentCheck(formSums, documentContext(liuwan(97.8), { rubric: 'national-project', indicatorSum: 97.8 }))).toEqual([]);
  });

  it('rescales to 100 where the form says so: 72 of 80 applicable points is 90', () => {
    const rows = [budgetRow(10, 9, RESCALE_NOTE), row('产出', 50, 45, null, null, { criteria: RESCALE_NOTE }), row('生态效益指标', null, null, null, null, { notApplicable: true }), row('满意度', 20, 18, null, null)];
    // 9 + 45 + 18 = 72 of 80 → 90.
    const ok = form({ rows, total: 90 });
    expect(runDocumentCheck(formSums, documentContext(ok, { rubric: 'national-project', indicatorSum: 72 }))).toEqual([]);
    const unscaled = form({ rows, total: 72 });
    const findings = runDocumentCheck(formSums, documentContext(unscaled, { rubric: 'national-project', indicatorSum: 72 }));
    expect(findings).toMatchObject([{ code: 'TOTAL_MISMATCH', expected: 90, actual: 72 }]);
    expect(findings[0]?.message).toContain('按 100 分折算');
    // Without the form saying so, nothing is rescaled.
    const silent = form({ rows: rows.map((r) => ({ ...r, criteria: null })), total: 90 });
    expect(runDocumentCheck(formSums, documentContext(silent, { rubric: 'national-project', indicatorSum: 72 }))).toMatchObject([{ code: 'TOTAL_MISMATCH', expected: 72, actual: 90 }]);
  });

  it('ganyuan 2023: the 9.5 预算执行 points stated after the table count toward the total 92', () => {
    const rows = [row('支持科技型中小企业数量', 15, 15, q('≥150家', 150, '家', '>='), q('168家', 168, '家')), row('其他指标', 75, 67.5, null, null)];
    const report = (total: number) => form({ kind: 'project-report', rows, total, byCategory: { budgetExecution: { score: 9.5, max: 10, statedCount: null } } });
    expect(runDocumentCheck(formSums, documentContext(report(92), { rubric: 'national-project', indicatorSum: 92 }))).toEqual([]);
    const findings = runDocumentCheck(formSums, documentContext(report(93), { rubric: 'national-project', indicatorSum: 92 }));
    expect(findings[0]?.message).toBe('总分写为 93，但各指标得分（含文中所述预算执行得分 9.5 分）之和为 92，相差 1 分');
  });

  it('a report without rows: the total against its stated subtotals (guiyuan 2022: 19.2 + 23.4 + 28.6 + 23.4 = 94.6)', () => {
    const report = (total: number) => makeDocument({ declared: { total, byLevel1: { 投入: 19.2, 过程: 23.4, 产出: 28.6, 效果: 23.4 } } });
    expect(runDocumentCheck(formSums, documentContext(report(94.6), { rubric: null }))).toEqual([]);
    expect(runDocumentCheck(formSums, documentContext(report(96.5), { rubric: null }))).toMatchObject([{ code: 'TOTAL_MISMATCH', expected: 94.6, actual: 96.5 }]);
  });

  it('a stated level score against its rows', () => {
    const document = form({ rows: [row('a', 30, 28, null, null), row('b', 20, 20, null, null)], byLevel1: { 产出指标: 47 } });
    expect(runDocumentCheck(formSums, documentContext(document, { rubric: null }))).toMatchObject([{ code: 'SUBTOTAL_MISMATCH', indicator: '产出指标', expected: 48, actual: 47 }]);
  });
});
