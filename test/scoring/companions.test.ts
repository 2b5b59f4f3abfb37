import { describe, expect, it } from 'vitest';
import { normalizeDepartmentName, sameDepartmentAndYear } from '../../src/scoring/index.js';
import { makeDocument } from '../helpers/make-document.js';

const doc = (name: string | null, fiscalYear: number | null, region: string | null = null) => makeDocument({ name, fiscalYear, region });

describe('sameDepartmentAndYear', () => {
  it('pairs the zengcheng 2022 table (ASCII parentheses) with its report (full-width, no suffix)', () => {
    const table = doc('广州市增城区科技工业商务和信息化局(增城开发区工业商务和信息化局)', 2022, '增城区');
    expect(sameDepartmentAndYear(table, doc('广州市增城区科技工业商务和信息化局（增城开发区工业商务和信息化局）', 2022, '增城区'))).toBe(true);
    expect(sameDepartmentAndYear(table, doc('增城区科技工业商务和信息化局', 2022, null))).toBe(true);
  });

  it('keeps apart other years, other districts and unnamed documents', () => {
    const baiyun = doc('广州市白云区科技工业商务和信息化局', 2023, '白云区');
    expect(sameDepartmentAndYear(baiyun, doc('广州市白云区科技工业商务和信息化局', 2022, '白云区'))).toBe(false);
    expect(sameDepartmentAndYear(baiyun, doc('广州市番禺区科技工业商务和信息化局', 2023, null))).toBe(false);
    expect(sameDepartmentAndYear(baiyun, doc('科技工业商务和信息化局', 2023, '番禺区'))).toBe(false);
    expect(sameDepartmentAndYear(baiyun, doc(null, 2023, '白云区'))).toBe(false);
  });

  it('normalises names', () => {
    expect(normalizeDepartmentName('广州市荔湾区协作办公室')).toBe('协作办公室');
    expect(normalizeDepartmentName('区委办公室')).toBe('区委办公室');
  });
});

describe('sameDepartmentAndYear beyond Guangzhou', () => {
  it('pairs a county bureau’s table and report, and keeps apart the same bureau of two counties', () => {
    const table = doc('白溪县水利局', 2022, '白溪县');
    expect(sameDepartmentAndYear(table, doc('白溪县水利局', 2022, null))).toBe(true);
    expect(sameDepartmentAndYear(table, doc('桂源县水利局', 2022, null))).toBe(false);
    expect(sameDepartmentAndYear(doc('重庆市渝岭区城市管理局', 2021), doc('渝岭区城市管理局', 2021))).toBe(true);
  });

  it('keeps 市场监督管理局 and 城市管理局 whole', () => {
    expect(normalizeDepartmentName('市场监督管理局')).toBe('市场监督管理局');
    expect(normalizeDepartmentName('燕州市滦东区统计局')).toBe('统计局');
    expect(normalizeDepartmentName('湖南省沅溪县枫木乡人民政府')).toBe('枫木乡人民政府');
  });
});
