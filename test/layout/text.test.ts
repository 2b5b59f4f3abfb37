import { describe, expect, it } from 'vitest';
import { joinCellLines, joinCellWrap, joinWrapped } from '../../src/layout/text.js';

describe('joinCellWrap / joinWrapped: the lines of one cell, and lines of different cells', () => {
  it('joins a number cut by the wrap inside Chinese text without a space (baixi, liwan, zengcheng PDFs)', () => {
    expect(joinCellWrap('2023年计划增设无线预警广播1', '2套')).toBe('2023年计划增设无线预警广播12套');
    expect(joinCellWrap('满意度指标（1', '0分）')).toBe('满意度指标（10分）');
    expect(joinCellWrap('结余结转率≤1', '0%的，得2分')).toBe('结余结转率≤10%的，得2分');
    expect(joinCellWrap('累计折旧金额差异2', '5.6元。')).toBe('累计折旧金额差异25.6元。');
    expect(joinCellLines(['完成率高于15', '0%的，得一半分。'])).toBe('完成率高于150%的，得一半分。');
  });

  it('keeps the space between a number ending one cell or line and a number starting the next (guiyuan report table)', () => {
    expect(joinWrapped('产出30 28.6', '1所学校维修改造项目未按期完成')).toBe('产出30 28.6 1所学校维修改造项目未按期完成');
    expect(joinWrapped('广播1', '2套')).toBe('广播1 2套');
  });

  it('joins CJK characters and CJK punctuation without a space', () => {
    expect(joinWrapped('受8—9月持续降雨影', '响，2处站点')).toBe('受8—9月持续降雨影响，2处站点');
    expect(joinWrapped('得2分；', '2.10%')).toBe('得2分；2.10%');
  });

  it('keeps one space between Latin words, and between numbers of Latin text', () => {
    expect(joinWrapped('Mean stay', 'in days')).toBe('Mean stay in days');
    expect(joinWrapped('total of 12', '34 cases')).toBe('total of 12 34 cases');
    expect(joinWrapped('2019', '2020')).toBe('2019 2020');
    // A space the source had at the wrap between a Latin letter and a bracket stays (÷n (n为…).
    expect(joinWrapped('执行率÷n', '(n 为当年')).toBe('执行率÷n (n 为当年');
    expect(joinWrapped('GPS', '定位')).toBe('GPS定位');
  });
});
