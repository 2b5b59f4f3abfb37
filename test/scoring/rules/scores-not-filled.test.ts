import { describe, expect, it } from 'vitest';
import { scoresNotFilled } from '../../../src/scoring/rules/scores-not-filled.js';
import { budgetRow, form, q, row } from '../form-fixtures.js';
import { documentContext, runDocumentCheck } from '../rule-tester.js';

// linxi 2023: every 得分 and 完成值 blank, the 合计 too.
const blank = [budgetRow(10, null), row('高标准农田管护面积', 15, null, q('≥4.2万亩', 4.2, '万亩', '>='), null), row('耕地质量监测点位数', 10, null, q('48个', 48, '个'), null)];

describe('scores-not-filled', () => {
  it('linxi 2023: one warning for the document', () => {
    const findings = runDocumentCheck(scoresNotFilled, documentContext(form({ rows: blank }), { rubric: 'national-project' }));
    expect(findings).toMatchObject([{ code: 'SCORES_NOT_FILLED', severity: 'warning', indicator: null, expected: null, actual: null }]);
    expect(findings[0]?.message).toBe('表中 3 项指标的得分都没有填写，总分也未填，得分无法复核；只检查了分值、预算数据和执行率');
  });

  it('rows marked 不适用 do not count; one score filled is no longer a blank form', () => {
    const na = row('生态效益指标', null, null, null, null, { notApplicable: true });
    expect(runDocumentCheck(scoresNotFilled, documentContext(form({ rows: [...blank, na] }), { rubric: null }))[0]?.message).toContain('3 项');
    const one = [budgetRow(10, 9.55), ...blank.slice(1)];
    expect(runDocumentCheck(scoresNotFilled, documentContext(form({ rows: one }), { rubric: null }))).toEqual([]);
  });
});
