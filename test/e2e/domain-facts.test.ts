import { beforeAll, describe, expect, it } from 'vitest';
import { chooseCompanions } from '../../src/pipeline/batch.js';
import { verify } from '../../src/pipeline/run.js';
import type { Document } from '../../src/schema/document.js';
import { readSample } from '../helpers/samples.js';

/**
 * Every statement of domain.md "What the numbers in the samples say", found by the tool end to end
 * (read → extract → verify with the companion of the same run), in the text and html twins.
 */
const FILES = [
  'zengcheng-2022-table', 'zengcheng-2022-report', 'baiyun-2023-report', 'liwan-2023-table', 'panyu-2024-table-explanation',
].flatMap((id) => [`${id}.txt`, `${id}.html`]);

const docs = new Map<string, Document>();
beforeAll(async () => {
  const read = await Promise.all(FILES.map((f) => readSample(f)));
  for (const [k, doc] of read.entries()) docs.set(FILES[k] as string, verify(doc, chooseCompanions(doc, read)));
}, 120_000);

const get = (f: string): Document => docs.get(f) as Document;
const findings = (f: string, code: string) => get(f).verification.findings.filter((x) => x.code === code);
const check = (f: string, id: string) => get(f).verification.checks.find((c) => c.rubricId === id);

describe.each(['txt', 'html'])('domain.md statements (%s)', (ext) => {
  it('zengcheng-2022-table: rows add up to 91.42 against 总分 91.41 (rounding: info)', () => {
    expect(get(`zengcheng-2022-table.${ext}`).verification).toMatchObject({ declaredTotal: 91.41, indicatorSum: 91.42 });
    expect(findings(`zengcheng-2022-table.${ext}`, 'TOTAL_MISMATCH')).toMatchObject([{ severity: 'info', expected: 91.42, actual: 91.41 }]);
  });

  it('zengcheng-2022-table: no grade box ticked; 91.41 is 优', () => {
    expect(get(`zengcheng-2022-table.${ext}`).declared.grade).toBeNull();
    expect(findings(`zengcheng-2022-table.${ext}`, 'GRADE_MISMATCH')).toMatchObject([{ expected: null, actual: 91.41, message: expect.stringContaining('对应“优”') }]);
  });

  it('zengcheng: the report says 履职效能 44.51 while the table rows add up to 44.52', () => {
    const cross = findings(`zengcheng-2022-table.${ext}`, 'CROSS_DOCUMENT_MISMATCH');
    expect(cross.map((f) => [f.indicator, f.expected, f.actual])).toContainEqual(['履职效能', 44.51, 44.52]);
  });

  it('zengcheng: with the report, 部门预算资金支出率 = 5 × 92.97% = 4.65, as the table declares', () => {
    expect(check(`zengcheng-2022-table.${ext}`, 'budget-execution')).toMatchObject({ status: 'ok', declared: 4.65, recomputed: 4.65 });
  });

  it('baiyun-2023-report: 设置了 19 个产出指标 but lists 23', () => {
    expect(findings(`baiyun-2023-report.${ext}`, 'COUNT_MISMATCH')).toMatchObject([{ expected: 23, actual: 19 }]);
  });

  it('baiyun-2023-report: 全区外贸进出口增长 ≥5% vs 12.70% is over 150%; 19.78 of 20 is more than the half rule allows', () => {
    const over = findings(`baiyun-2023-report.${ext}`, 'COMPLETION_OVER_150').find((f) => f.indicator === '部门整体绩效目标效益指标完成情况');
    expect(over).toMatchObject({ actual: 19.78, expected: 18.11 });
    expect(over?.message).toContain('全区外贸进出口增长');
    // The recomputed total counts the categories at most at what the rule allows.
    expect(get(`baiyun-2023-report.${ext}`).verification).toMatchObject({ declaredTotal: 98.57, indicatorSum: 98.57, recomputedTotal: 96.02 });
  });

  it('liwan-2023-table: 结转率0.96% scores 2 of 2 under ≤10% → 2', () => {
    expect(check(`liwan-2023-table.${ext}`, 'carryover-rate')).toMatchObject({ status: 'ok', declared: 2, recomputed: 2 });
  });

  it('liwan-2023-table: the blank 新增预算项目事前绩效评估 is 3 by the 合计 of 100, marked inferred', () => {
    expect(findings(`liwan-2023-table.${ext}`, 'SCORE_MISSING')).toMatchObject([{ expected: 3 }]);
    expect(get(`liwan-2023-table.${ext}`).indicators.find((i) => i.rubricId === 'new-project-assessment')).toMatchObject({ declaredScore: 3, scoreInferred: true });
  });

  it('the rubric’s allowed values are applied to every declared score', () => {
    for (const file of [`zengcheng-2022-table.${ext}`, `liwan-2023-table.${ext}`, `baiyun-2023-report.${ext}`]) {
      const doc = get(file);
      const scored = new Set(doc.indicators.filter((i) => i.declaredScore !== null).map((i) => i.rubricId));
      const checked = new Set(doc.verification.checks.filter((c) => c.declared !== null || c.status === 'missing').map((c) => c.rubricId));
      for (const id of scored) expect(checked, `${file}: ${id}`).toContain(id);
    }
    expect(findings(`zengcheng-2022-table.${ext}`, 'SCORE_NOT_ALLOWED').map((f) => f.indicator).sort()).toEqual(['合同备案时效性', '采购内控制度建设']);
  });
});
