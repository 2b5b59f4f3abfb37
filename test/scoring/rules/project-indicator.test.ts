import { describe, expect, it } from 'vitest';
import { projectIndicator } from '../../../src/scoring/rules/project-indicator.js';
import type { Indicator } from '../../../src/schema/index.js';
import { date, q, qual, row } from '../form-fixtures.js';
import { entryContext, runRuleTests } from '../rule-tester.js';
import type { RuleCase } from '../rule-tester.js';

/** A case for one row of a national form. */
const c = (name: string, r: Indicator): Omit<RuleCase, 'name'> & { name: string } => ({ name, rubric: 'national-project', entry: 'performance-indicator', declared: r.declaredScore, rows: [r] });

runRuleTests(projectIndicator, {
  valid: [
    { ...c('baixi 2022 ≥8个 → 8个', row('新建自动雨量监测站', 10, 10, q('≥8个', 8, '个', '>='), q('8个', 8, '个'))), recomputed: 10 },
    // 184% is scored in full: the national form caps at the weight and has no 150% rule.
    { ...c('baixi 2022 ≥20000条 → 36800条 (184%)', row('发布山洪灾害预警短信', 5, 5, q('≥20000条', 20000, '条', '>='), q('36800条', 36800, '条'))), recomputed: 5 },
    { ...c('baixi 2022 ≤90万元 → 86.45万元 (lower is better)', row('监测站点建设及运维成本', 10, 10, q('≤90万元', 90, '万元', '<='), q('86.45万元', 86.45, '万元'))), recomputed: 10 },
    { ...c('baixi 2022 ≥90% → 81%: 9 of 10', row('危险区受益群众满意度', 10, 9, q('≥90%', 0.9, '%', '>='), q('81%', 0.81, '%'))), recomputed: 9 },
    { ...c('baixi 2022 0人 → 0人: met, no division', row('因山洪灾害死亡人数', 10, 10, q('0人', 0, '人', '='), q('0人', 0, '人'))), recomputed: 10 },
    { ...c('≤0 → −6.3: a negative actual meets a zero target', row('“三公”经费变动率', 4, 4, q('≤0', 0, null, '<='), q('-6.3', -6.3, null))), recomputed: 4 },
    { ...c('≤5 → 5.00: exactly at the limit', row('结转结余率', 4, 4, q('≤5', 5, null, '<='), q('5.00', 5, null))), recomputed: 4 },
    { ...c('ganyuan 2023 8月31日前 → 8月25日: in time', row('企业申报审核完成时间', 10, 10, date('8月31日前', '2023-08-31', '<='), date('8月25日', '2023-08-25'))), recomputed: 10 },
    { ...c('ganyuan 2023 ≥5亿元 → 5.8亿元', row('带动企业研发投入', 10, 10, q('≥5亿元', 5, '亿元', '>='), q('5.8亿元', 5.8, '亿元'))), recomputed: 10 },
    { ...c('ganyuan 2023 ≥40家 → 36家: 9 of 10', row('新增高新技术企业数量', 10, 9, q('≥40家', 40, '家', '>='), q('36家', 36, '家'))), recomputed: 9 },
    { ...c('fengqiao 2023 16个 → 15个: 4.69 of 5 (4.6875 rounded)', row('耕地质量监测点位', 5, 4.69, q('16个', 16, '个'), q('15个', 15, '个'))), recomputed: 4.69 },
    { ...c('a score printed to one decimal (4.7 for 4.6875)', row('耕地质量监测点位', 5, 4.7, q('16个', 16, '个'), q('15个', 15, '个'))), recomputed: 4.69 },
    { ...c('万元 against 亿元', row('带动社会投资', 10, 10, q('≥8000万元', 8000, '万元', '>='), q('1.2亿元', 1.2, '亿元'))), recomputed: 10 },
  ],
  invalid: [
    { ...c('36 of 40 scored in full', row('新增高新技术企业数量', 10, 10, q('≥40家', 40, '家', '>='), q('36家', 36, '家'))), codes: ['RECOMPUTED_MISMATCH'], expected: 9, actual: 10, severity: 'error' },
    { ...c('≤90万元 overspent (100万元) scored in full', row('建设成本', 10, 10, q('≤90万元', 90, '万元', '<='), q('100万元', 100, '万元'))), codes: ['RECOMPUTED_MISMATCH'], expected: 9, severity: 'error' },
    { ...c('≤0 missed (2起) scored', row('安全事故', 5, 4, q('≤0起', 0, '起', '<='), q('2起', 2, '起'))), codes: ['RECOMPUTED_MISMATCH'], expected: 0, actual: 4 },
    { ...c('a late date scored in full', row('项目完工时间', 10, 10, date('10月31日前', '2023-10-31', '<='), date('11月16日', '2023-11-16'))), codes: ['RECOMPUTED_MISMATCH'], expected: null, severity: 'warning' },
    { ...c('a qualitative target met but scored below 80%', row('长效管护机制', 10, 5, qual('建立'), qual('建立'))), codes: ['RECOMPUTED_MISMATCH'], expected: 8, actual: 5, severity: 'warning' },
    { ...c('scored below the ratio', row('惠农补贴资金发放及时率', 7, 5, q('100%', 1, '%'), q('90%', 0.9, '%'))), codes: ['RECOMPUTED_MISMATCH'], expected: 6.3, severity: 'warning' },
  ],
  unverifiable: [
    // baixi 2022: 10月31日前 → 11月25日 scored 3 of 5; the form gives no rule for lateness.
    c('baixi 2022 a late date scored 3 of 5', row('监测站点建设完成时间', 5, 3, date('10月31日前', '2022-10-31', '<='), date('11月25日', '2022-11-25'))),
    c('baixi 2022 有效提升 → 有效提升 scored 5 of 5 (range 4–5)', row('基层防汛应急处置能力', 5, 5, qual('有效提升'), qual('有效提升'))),
    c('baixi 2022 partly achieved, 7 of 10', row('长效管护机制', 10, 7, qual('建立并落实'), qual('已建立，部分乡镇落实不到位'))),
    c('ganyuan 2023 健全 → 基本健全 7 of 10', row('企业研发投入长效激励机制', 10, 7, qual('健全'), qual('基本健全'))),
    c('units that cannot be compared', row('道路建设', 10, 10, q('≥2个', 2, '个', '>='), q('2.4公里', 2.4, '公里'))),
    c('the actual is blank', row('管护面积', 15, 12, q('≥4.2万亩', 4.2, '万亩', '>='), null)),
    c('no weight printed', row('管护面积', null, 12, q('≥4.2万亩', 4.2, '万亩', '>='), q('4.3万亩', 4.3, '万亩'))),
  ],
});

describe('project-indicator ranges', () => {
  it('gives the tier range of a met qualitative target and 0–weight otherwise', () => {
    const met = projectIndicator.check(entryContext(c('met', row('处置能力', 5, 5, qual('有效提升'), qual('有效提升'))), projectIndicator));
    expect(met.range).toEqual([4, 5]);
    const partial = projectIndicator.check(entryContext(c('partial', row('长效管护机制', 10, 7, qual('建立并落实'), qual('已建立'))), projectIndicator));
    expect(partial.range).toEqual([0, 10]);
    expect(partial.detail).toContain('人工判断');
    const late = projectIndicator.check(entryContext(c('late', row('完工时间', 5, 3, date('10月31日前', '2022-10-31', '<='), date('11月25日', '2022-11-25'))), projectIndicator));
    expect(late).toMatchObject({ range: [0, 5], recomputed: null });
    expect(late.detail).toContain('未按时完成');
  });
});
