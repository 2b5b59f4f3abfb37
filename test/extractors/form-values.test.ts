import { describe, expect, it } from 'vitest';
import { comparatorOf, parseDate, parseQuantity, withUnit } from '../../extractors/shared/quantity.js';
import { isRunTogether, splitRunTogether, type RunColumn } from '../../extractors/table/run-together.js';
import { headerKey, splitStatedWeight, yesNo } from '../../extractors/table/header-vocabulary.js';

describe('dates in targets and actuals', () => {
  it.each([
    ['10月31日前', 2022, '2022-10-31', '<='],
    ['11月25日', 2022, '2022-11-25', null],
    ['2023年10月31日前', 2022, '2023-10-31', '<='],
    ['2023年11月1 6日', null, '2023-11-16', null],
    ['12月底前', 2023, '2023-12-31', '<='],
    ['年底前', 2023, '2023-12-31', '<='],
    ['2023-11-30', null, '2023-11-30', null],
  ] as const)('%s (fiscal year %s) → %s %s', (text, year, date, comparator) => {
    expect(parseDate(text, year)).toEqual({ date, comparator });
  });

  it('needs a year: without the fiscal year a date without one is not read as a date', () => {
    expect(parseDate('10月31日前', null)).toBeNull();
    expect(parseQuantity('10月31日前').date).toBeNull();
  });

  it('is not a date: a month alone, a day count, an impossible day', () => {
    expect(parseDate('10月', 2022)).toBeNull();
    expect(parseDate('3日内', 2022)).toBeNull();
    expect(parseDate('2月30日', 2023)).toBeNull();
    expect(parseQuantity('3日内', { fiscalYear: 2022 })).toMatchObject({ value: 3, unit: '日', comparator: '<=', date: null });
  });
});

describe('units and signs printed in their own columns', () => {
  it('folds a 度量单位 into a bare number; % and ‰ become fractions', () => {
    expect(withUnit(parseQuantity('90'), '%')).toMatchObject({ value: 0.9, unit: '%' });
    expect(withUnit(parseQuantity('-6.3'), '%')).toMatchObject({ value: -0.063, unit: '%' });
    expect(withUnit(parseQuantity('4.2'), '万亩')).toMatchObject({ value: 4.2, unit: '万亩' });
    expect(withUnit(parseQuantity('60'), '元/亩')).toMatchObject({ value: 60, unit: '元/亩' });
    // A unit already printed with the number wins.
    expect(withUnit(parseQuantity('5.8亿元'), '万元')).toMatchObject({ value: 5.8, unit: '亿元' });
  });

  it('reads a 指标性质 sign, and nothing else, as a comparator', () => {
    expect(['≥', '≤', '=', '＞', '<', '不低于'].map(comparatorOf)).toEqual(['>=', '<=', '=', '>', '<', '>=']);
    expect(comparatorOf('定性')).toBeNull();
    expect(comparatorOf('≥90')).toBeNull();
  });

  it('reads years and new units of the national forms', () => {
    expect(parseQuantity('≥15年')).toMatchObject({ value: 15, unit: '年', comparator: '>=' });
    expect(parseQuantity('≥1800米')).toMatchObject({ value: 1800, unit: '米', comparator: '>=' });
    expect(parseQuantity('2023年')).toMatchObject({ value: null, qualitative: true });
  });
});

describe('header vocabulary', () => {
  it('strips a trailing note and says when it means percent', () => {
    expect(headerKey('得分系数（%）')).toEqual({ key: '得分系数', percent: true });
    expect(headerKey('全年预算数（A）')).toEqual({ key: '全年预算数', percent: false });
    expect(headerKey('执行率（B/A）')).toEqual({ key: '执行率', percent: false });
  });

  it('parses a stated maximum out of a label, spaces inside the note included', () => {
    expect(splitStatedWeight('产出指标（50分）')).toEqual({ name: '产出指标', weight: 50 });
    expect(splitStatedWeight('满意度指标（1 0分）')).toEqual({ name: '满意度指标', weight: 10 });
    expect(splitStatedWeight('项目资金（万元）')).toEqual({ name: '项目资金（万元）', weight: null });
  });

  it('reads 是否核心指标', () => {
    expect([yesNo('是'), yesNo('否'), yesNo('—')]).toEqual([true, false, null]);
  });
});

const columns = (...fields: RunColumn['field'][]): RunColumn[] => fields.map((field) => ({ field, percent: false }));
const nationalB = columns('total', 'actualSpending', 'weight', 'executionRate', 'score');

describe('figures run together', () => {
  it('recognises a run, not a single figure', () => {
    expect(isRunTogether('202010100.00%10')).toBe(true);
    expect(isRunTogether('2020-100.00%-')).toBe(true);
    expect(isRunTogether('128.60')).toBe(false);
    expect(isRunTogether('95.00%')).toBe(false);
    expect(isRunTogether('8,426.35')).toBe(false);
  });

  it('splits when one reading fits the columns and 执行率 = 执行数 / 预算数', () => {
    expect(splitRunTogether('86.0084.281098.00%9.8', nationalB)).toEqual([['86.00', '84.28', '10', '98.00%', '9.8']]);
    expect(splitRunTogether('120.00128.60122.171095.00%9.5', columns('initial', 'total', 'actualSpending', 'weight', 'executionRate', 'score'))).toEqual([
      ['120.00', '128.60', '122.17', '10', '95.00%', '9.5'],
    ]);
    // A dash fills a blank column; a printed rate needs both its operands.
    expect(splitRunTogether('2020-100.00%-', nationalB)).toEqual([['20', '20', '-', '100.00%', '-']]);
  });

  it('gives every reading when several fit: 202010100.00%10 is 20|20|10|100.00%|10 or 20201|0|10|0.00%|10 …', () => {
    const readings = splitRunTogether('202010100.00%10', nationalB);
    expect(readings).toContainEqual(['20', '20', '10', '100.00%', '10']);
    expect(readings).toContainEqual(['20201', '0', '10', '0.00%', '10']);
    expect(readings.length).toBeGreaterThan(1);
    // … unless the form states 得分 = 分值 × 执行率.
    expect(splitRunTogether('202010100.00%10', nationalB, { scoreIsWeightTimesRate: true })).toEqual([['20', '20', '10', '100.00%', '10']]);
  });

  it('finds no reading when the arithmetic fails everywhere (a score above its weight, a weight above 100)', () => {
    expect(splitRunTogether('1520', columns('weight', 'score'))).toEqual([]);
    expect(splitRunTogether('105', columns('weight', 'score'))).toEqual([['10', '5']]);
  });
});
