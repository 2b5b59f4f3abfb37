import { describe, expect, it } from 'vitest';
import { Verification } from '../../src/schema/index.js';
import type { Document } from '../../src/schema/index.js';
import { verifyDocument } from '../../src/scoring/index.js';
import { beyondFacts } from '../helpers/facts.js';
import type { Facts } from '../helpers/facts.js';
import { documentFromFacts } from '../helpers/facts-document.js';
import type { BudgetSplit } from '../../src/schema/index.js';
import { prov } from '../helpers/make-document.js';
import { LIUWAN_NOTE, YULING_NOTE, BAIXI_NOTE } from './form-fixtures.js';

/**
 * The scorer on the documents of samples/beyond/ as the extractors are to read them (built from the facts
 * files, with the notes each form prints): the expected findings of each facts file, and no other error.
 */
const NOTES: Readonly<Record<string, string>> = {
  'baixi-slj-2022-project-table': BAIXI_NOTE,
  'liuwan-town-2023-project-table': LIUWAN_NOTE,
  'yuling-cgj-2021-dept-table': YULING_NOTE,
};

const facts = beyondFacts().filter((f) => !f.expectedError);
const byId = (id: string): Facts => facts.find((f) => f.id === id) as Facts;
const doc = (id: string): Document => {
  const document = documentFromFacts(byId(id), { notes: NOTES[id] });
  if (id === 'fengmu-township-2023-dept-table') document.budget.splits = FENGMU_SPLITS;
  return document;
};
const FENGMU_SPLITS: BudgetSplit[] = [
  { label: '按收入性质分', total: '全年预算数', totalAmount: 1562.48, parts: [{ label: '一般公共预算拨款', amount: 1198.26 }, { label: '政府性基金拨款', amount: 206.4 }, { label: '其他资金', amount: 157.82 }], provenance: prov('按收入性质分') },
  { label: '按支出性质分', total: '全年执行数', totalAmount: 1453.11, parts: [{ label: '基本支出', amount: 826.55 }, { label: '项目支出', amount: 626.56 }], provenance: prov('按支出性质分') },
];

describe.each(facts.map((f) => f.id))('%s', (id) => {
  const f = byId(id);
  const { verification, warnings } = verifyDocument(doc(id));

  it('reports the facts file’s expected findings and no other error', () => {
    expect(() => Verification.parse(verification)).not.toThrow();
    const codes = new Set(verification.findings.map((x) => x.code));
    for (const code of f.expectedFindings) expect(codes, code).toContain(code);
    const allowed = new Set([...f.expectedFindings, ...(f.acceptableFindings ?? [])]);
    expect(verification.findings.filter((x) => x.severity === 'error' && !allowed.has(x.code)).map((x) => `${x.code}: ${x.message}`)).toEqual([]);
  });

  it('is scored by the national project rubric when it is a project form, else by structural checks only', () => {
    if (f.kind.startsWith('project-')) {
      expect(verification).toMatchObject({ scope: 'rubric', rubric: { id: 'national-project' } });
      expect(warnings).toEqual([]);
    } else {
      expect(verification).toMatchObject({ scope: 'structural', rubric: null });
      expect(warnings).toMatchObject([{ code: 'RUBRIC_NOT_AVAILABLE', message: expect.stringContaining('只做了不依赖评分标准的结构性检查') }]);
    }
  });
});

describe('beyond documents, check by check', () => {
  const check = (v: Verification, name: string) => v.checks.find((c) => c.name === name);

  it('baixi 2022: rows recomputed from target and actual; 生态效益 not applicable; the budget rule not stated', () => {
    const { verification: v } = verifyDocument(doc('baixi-slj-2022-project-table'));
    expect(v.summary).toEqual({ ok: 9, mismatch: 0, unverifiable: 4, missing: 0, notApplicable: 1, pointsVerified: 70, pointsTotal: 100 });
    expect(check(v, '年度资金总额')).toMatchObject({ rubricId: 'budget-execution', status: 'unverifiable', recomputed: null });
    expect(check(v, '年度资金总额')?.detail).toContain('应得 9.5 分');
    expect(check(v, '发布山洪灾害预警短信')).toMatchObject({ rubricId: 'performance-indicator', status: 'ok', recomputed: 5 });
    expect(check(v, '危险区受益群众满意度')).toMatchObject({ status: 'ok', recomputed: 9 });
    expect(check(v, '生态效益指标')).toMatchObject({ status: 'not-applicable', weight: null, declared: null });
    expect(check(v, '监测站点建设完成时间')).toMatchObject({ status: 'unverifiable', range: [0, 5] });
    expect(v).toMatchObject({ declaredTotal: 93.5, indicatorSum: 93.5, recomputedTotal: 93.5, grade: { fromDeclaredTotal: '优' } });
  });

  it('liuwan 2023: the form states 执行率 × 分值, so 9.8 is re-verified; 总分 99.8 against 97.8', () => {
    const { verification: v } = verifyDocument(doc('liuwan-town-2023-project-table'));
    expect(check(v, '年度资金总额')).toMatchObject({ status: 'ok', recomputed: 9.8 });
    expect(v.findings.filter((x) => x.code === 'TOTAL_MISMATCH')).toMatchObject([{ severity: 'error', expected: 97.8, actual: 99.8 }]);
  });

  it('linxi 2023: one SCORES_NOT_FILLED for the blank form, no SCORE_MISSING per row, no sum', () => {
    const { verification: v } = verifyDocument(doc('linxi-nyncj-2023-project-table'));
    expect(v.findings.map((x) => x.code)).toEqual(['SCORES_NOT_FILLED']);
    expect(v.summary).toMatchObject({ missing: 11, ok: 0, pointsVerified: 0 });
    expect(v).toMatchObject({ indicatorSum: null, recomputedTotal: null, declaredTotal: null });
  });

  it('fengqiao 2023: the blank budget score inferred from 99.51 − 89.69 = 9.82 and marked, no false TOTAL_MISMATCH', () => {
    const document = doc('fengqiao-njzx-2023-dept-table');
    const before = JSON.stringify(document);
    const { verification: v } = verifyDocument(document);
    expect(JSON.stringify(document)).toBe(before);
    expect(v.findings.map((x) => [x.code, x.expected])).toEqual([['SCORE_MISSING', 9.82]]);
    expect(check(v, '年度资金总额')).toMatchObject({ status: 'missing', declared: null });
    expect(check(v, '年度资金总额')?.detail).toContain('按合计推算为 9.82 分');
    expect(v.indicatorSum).toBe(99.51);
  });

  it('fengmu 2023: 100% printed against 93.00%, an error; both budget splits add up', () => {
    const { verification: v } = verifyDocument(doc('fengmu-township-2023-dept-table'));
    expect(v.findings.map((x) => [x.code, x.severity, x.expected, x.actual])).toEqual([['EXECUTION_RATE_MISMATCH', 'error', 0.93, 1]]);
    expect(check(v, '年度资金总额')?.detail).toContain('应得 9.3 分');
  });

  it('yuling 2021 (Chongqing): never Guangzhou’s rubric; 得分系数 × 权重 and the stated execution rule re-verified', () => {
    const { verification: v } = verifyDocument(doc('yuling-cgj-2021-dept-table'));
    expect(v.findings).toEqual([]);
    expect(check(v, '市政道路病害修复面积')).toMatchObject({ rubricId: null, status: 'ok', recomputed: 7.52, rule: 'form-rule' });
    expect(check(v, '年度资金总额')).toMatchObject({ status: 'ok', recomputed: 9.5, rule: 'execution-score' });
    expect(v.summary).toMatchObject({ ok: 16, pointsVerified: 100, pointsTotal: 100 });
    expect(v.grade).toEqual({ declared: null, fromDeclaredTotal: null, fromRecomputedTotal: null });
  });

  it('ganyuan 2023: the 9.5 budget points stated after the table are checked and counted', () => {
    const { verification: v } = verifyDocument(doc('ganyuan-kjj-2023-project-report'));
    expect(v.checks[0]).toMatchObject({ rubricId: 'budget-execution', declared: 9.5, weight: 10, status: 'unverifiable' });
    expect(v).toMatchObject({ declaredTotal: 92, indicatorSum: 92, recomputedTotal: 92 });
    expect(v.findings).toEqual([]);
  });
});
