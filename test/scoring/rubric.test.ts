import { describe, expect, it } from 'vitest';
import { listRubrics, loadRubric, selectRubric } from '../../src/rubrics/index.js';
import type { RubricQuery } from '../../src/rubrics/index.js';

const query = (region: string | null, fiscalYear: number | null, hasSpecialFundsRows: boolean): RubricQuery => ({
  kind: 'self-evaluation-table',
  region: null,
  regionText: [region],
  fiscalYear,
  hasSpecialFundsRows,
});
import { checkRubric, loadCheckedRubric } from '../../src/scoring/rubric.js';
import { rules } from '../../src/scoring/rules/index.js';

const IDS_2023 = [
  'output-completion', 'benefit-completion', 'budget-execution', 'new-project-assessment', 'carryover-rate',
  'financial-compliance', 'budget-disclosure', 'performance-disclosure', 'performance-system',
  'performance-results-use', 'performance-execution', 'procurement-intent-disclosure',
  'procurement-internal-control', 'procurement-compliance', 'contract-signing-timeliness',
  'contract-filing-timeliness', 'procurement-policy', 'asset-allocation', 'asset-income-remittance',
  'asset-inventory', 'asset-data-quality', 'asset-compliance', 'fixed-asset-utilization',
  'public-funds-control', 'three-public-control',
];

describe('rubric data', () => {
  it('loads both rubrics and checks them against the rule registry', () => {
    expect(listRubrics().map((r) => r.id)).toEqual(['gz-2022', 'gz-2023']);
    for (const id of ['gz-2022', 'gz-2023']) expect(() => loadCheckedRubric(id)).not.toThrow();
  });

  it('has the stable ids, 2022 adding the two 专项效能 entries', () => {
    expect(loadRubric('gz-2023').entries.map((e) => e.id)).toEqual(IDS_2023);
    const ids2022 = loadRubric('gz-2022').entries.map((e) => e.id);
    expect(ids2022).toEqual([...IDS_2023.slice(0, 3), 'special-funds-completion', 'special-funds-execution', ...IDS_2023.slice(3)]);
  });

  it('adds up per 二级, per 一级 and to 100 (2022: 整体效能 25 = 10 + 10 + 5, 专项效能 25 = 20 + 5)', () => {
    for (const rubric of listRubrics()) {
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      for (const node of rubric.level2) {
        expect(sum(rubric.entries.filter((e) => e.level2 === node.name).map((e) => e.weight)), `${rubric.id} ${node.name}`).toBeCloseTo(node.weight, 6);
      }
      expect(sum(rubric.entries.map((e) => e.weight))).toBe(100);
    }
    const gz2022 = loadRubric('gz-2022');
    expect(gz2022.level2.filter((n) => n.parent === '履职效能').map((n) => [n.name, n.weight])).toEqual([['整体效能', 25], ['专项效能', 25]]);
    expect(gz2022.entries.find((e) => e.id === 'special-funds-completion')?.weight).toBe(20);
    expect(loadRubric('gz-2023').entries.find((e) => e.id === 'output-completion')?.weight).toBe(20);
  });

  it('uses rule types that exist, with names as printed', () => {
    for (const rubric of listRubrics()) {
      for (const entry of rubric.entries) expect(Object.keys(rules)).toContain(entry.rule.type);
      expect(rubric.entries.find((e) => e.id === 'three-public-control')?.name).toBe('“三公”经费控制情况');
      expect(rubric.entries.find((e) => e.id === 'procurement-intent-disclosure')?.parts).toEqual([0.5, 1.5]);
      expect(rubric.entries.find((e) => e.id === 'contract-signing-timeliness')?.keywords).toContain('合同签订及时率');
    }
  });

  it('has 2–4 keywords per entry, none of them naming another entry', () => {
    for (const rubric of listRubrics()) {
      for (const entry of rubric.entries) {
        expect(entry.keywords.length, entry.id).toBeGreaterThanOrEqual(2);
        expect(entry.keywords.length, entry.id).toBeLessThanOrEqual(4);
        for (const other of rubric.entries) {
          if (other === entry) continue;
          for (const keyword of entry.keywords) {
            expect(other.keywords.some((k) => k.includes(keyword)) || other.name.includes(keyword), `${entry.id} ${keyword} in ${other.id}`).toBe(false);
          }
        }
      }
    }
  });

  it('rejects params that do not fit the rule', () => {
    const rubric = structuredClone(loadRubric('gz-2023'));
    const entry = rubric.entries.find((e) => e.id === 'carryover-rate');
    if (!entry) throw new Error('no entry');
    entry.rule.params = { fact: 'carryoverRate' };
    expect(() => checkRubric(rubric)).toThrow(/gz-2023.*carryover-rate.*bands/u);
    entry.rule = { type: 'nonexistent', params: {} };
    expect(() => checkRubric(rubric)).toThrow(/nonexistent/u);
  });

  it('rejects weights that do not add up', () => {
    const rubric = structuredClone(loadRubric('gz-2023'));
    const entry = rubric.entries.find((e) => e.id === 'asset-inventory');
    if (!entry) throw new Error('no entry');
    entry.weight = 2;
    expect(() => checkRubric(rubric)).toThrow(/资产管理/u);
  });
});

describe('selectRubric', () => {
  it('picks the rubric of the fiscal year', () => {
    expect(selectRubric(query('增城区', 2022, true))).toMatchObject({ rubric: { id: 'gz-2022' }, warnings: [] });
    expect(selectRubric(query('广州市荔湾区', 2023, false))).toMatchObject({ rubric: { id: 'gz-2023' }, warnings: [] });
    expect(selectRubric(query(null, 2023, false)).rubric?.id).toBe('gz-2023');
  });

  it('falls back to the newest earlier rubric with a warning (panyu 2024)', () => {
    const { rubric, warnings } = selectRubric(query('番禺区', 2024, false));
    expect(rubric?.id).toBe('gz-2023');
    expect(warnings.map((w) => w.code)).toEqual(['RUBRIC_YEAR_FALLBACK']);
  });

  it('uses the oldest rubric for a year before every rubric, and the newest for an unknown year', () => {
    expect(selectRubric(query('白云区', 2019, false))).toMatchObject({ rubric: { id: 'gz-2022' }, warnings: [{ code: 'RUBRIC_YEAR_FALLBACK' }] });
    expect(selectRubric(query('白云区', null, false))).toMatchObject({ rubric: { id: 'gz-2023' }, warnings: [{ code: 'RUBRIC_YEAR_FALLBACK' }] });
  });

  it('scores a 2022-shaped document by gz-2022 whatever its year says', () => {
    const { rubric, warnings } = selectRubric(query('增城区', 2023, true));
    expect(rubric?.id).toBe('gz-2022');
    expect(warnings.map((w) => w.code)).toEqual(['RUBRIC_SHAPE_OVERRIDE']);
    expect(warnings[0]?.message).toMatch(/专项效能/u);
  });
});
