import { describe, expect, it } from 'vitest';
import { listRubrics, loadRubric, selectRubric } from '../../src/rubrics/index.js';
import type { RubricQuery } from '../../src/rubrics/index.js';
import { DocumentKind } from '../../src/schema/index.js';

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
  it('loads every rubric and checks it against the rule registry', () => {
    expect(listRubrics().map((r) => r.id)).toEqual(['national-project', 'gz-2022', 'gz-2023']);
    for (const id of ['gz-2022', 'gz-2023', 'national-project']) expect(() => loadCheckedRubric(id)).not.toThrow();
  });

  it('declares where each rubric applies: region, forms and years', () => {
    for (const id of ['gz-2022', 'gz-2023']) {
      expect(loadRubric(id)).toMatchObject({
        region: { province: '广东省', city: '广州市', county: null, code: '440100' },
        kinds: ['self-evaluation-table', 'self-evaluation-report', 'table-explanation'],
        openEnded: false,
        executionRate: 'monthly-average',
      });
    }
    expect(loadRubric('national-project')).toMatchObject({ region: null, kinds: ['project-table', 'project-report'], fiscalYears: [2020], openEnded: true, executionRate: 'executed-over-budget' });
  });

  it('names only document kinds the schema has', () => {
    for (const rubric of listRubrics()) for (const kind of rubric.kinds) expect(DocumentKind.options).toContain(kind);
  });

  it('national-project: 预算执行 10 and the form’s own indicators 90, scored row by row', () => {
    const rubric = loadRubric('national-project');
    expect(rubric.entries.map((e) => [e.id, e.weight, e.role, e.rule.type])).toEqual([['budget-execution', 10, 'budget-execution', 'execution-score']]);
    expect(rubric.rowRule).toMatchObject({ id: 'performance-indicator', level1: '绩效指标', weight: 90, category: 'indicators', rule: { type: 'project-indicator' } });
    expect(rubric.rowRule?.rule.params['tiers']).toEqual([
      { label: '达成年度指标', min: 0.8, max: 1 },
      { label: '部分达成年度指标并具有一定效果', min: 0.6, max: 0.8 },
      { label: '未达成年度指标且效果较差', min: 0, max: 0.6 },
    ]);
    expect(rubric.grades.map((g) => [g.grade, g.min])).toEqual([['优', 90], ['良', 80], ['中', 60], ['差', 0]]);
  });

  it('rejects a row rule whose level is not in the tree, or whose weights do not add up', () => {
    const rubric = structuredClone(loadRubric('national-project'));
    if (!rubric.rowRule) throw new Error('no row rule');
    rubric.rowRule.weight = 80;
    expect(() => checkRubric(rubric)).toThrow(/national-project.*绩效指标.*80.*90/u);
    rubric.rowRule.weight = 90;
    rubric.rowRule.level1 = '产出指标';
    expect(() => checkRubric(rubric)).toThrow(/产出指标 未定义/u);
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
      expect(sum(rubric.entries.map((e) => e.weight)) + (rubric.rowRule?.weight ?? 0)).toBe(100);
    }
    const gz2022 = loadRubric('gz-2022');
    expect(gz2022.level2.filter((n) => n.parent === '履职效能').map((n) => [n.name, n.weight])).toEqual([['整体效能', 25], ['专项效能', 25]]);
    expect(gz2022.entries.find((e) => e.id === 'special-funds-completion')?.weight).toBe(20);
    expect(loadRubric('gz-2023').entries.find((e) => e.id === 'output-completion')?.weight).toBe(20);
  });

  it('uses rule types that exist, with names as printed', () => {
    for (const rubric of [loadRubric('gz-2022'), loadRubric('gz-2023')]) {
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

const GZ = { province: '广东省', city: '广州市', county: '增城区', code: '440118' };
const select = (q: Partial<RubricQuery>) => selectRubric({ ...query(null, 2023, false), ...q });

describe('selectRubric', () => {
  it('picks the Guangzhou rubric of the fiscal year, by structured region or by the printed names', () => {
    expect(select({ region: GZ, fiscalYear: 2022, hasSpecialFundsRows: true })).toMatchObject({ rubric: { id: 'gz-2022' }, warnings: [] });
    expect(select({ region: { ...GZ, province: null, city: null, county: null } })).toMatchObject({ rubric: { id: 'gz-2023' }, warnings: [] });
    expect(select({ region: { ...GZ, city: null, code: null } , regionText: ['广州市增城区科技工业商务和信息化局'] }).rubric?.id).toBe('gz-2023');
    expect(select({ regionText: ['荔湾区', '广州市荔湾区协作办公室'] })).toMatchObject({ rubric: { id: 'gz-2023' }, warnings: [] });
    expect(select({ kind: 'table-explanation', regionText: ['番禺区', '广州市番禺区科技工业商务和信息化局'], fiscalYear: 2023 }).rubric?.id).toBe('gz-2023');
  });

  it('never scores another province by Guangzhou’s rubric', () => {
    const chongqing = select({ region: { province: '重庆市', city: '重庆市', county: '渝岭区', code: null }, regionText: [null, '重庆市渝岭区城市管理局'], fiscalYear: 2021 });
    expect(chongqing.rubric).toBeNull();
    expect(chongqing.warnings).toMatchObject([{ code: 'RUBRIC_NOT_AVAILABLE', message: expect.stringContaining('重庆市渝岭区') }]);
    expect(chongqing.warnings[0]?.message).toContain('只做了不依赖评分标准的结构性检查');
    // 白云区 is also a district of 贵阳市: the structured region says which.
    expect(select({ region: { province: '贵州省', city: '贵阳市', county: '白云区', code: '520113' }, regionText: ['白云区', '贵阳市白云区教育局'] }).rubric).toBeNull();
    expect(select({ region: { province: '广东省', city: '深圳市', county: null, code: null }, regionText: ['深圳市南山区财政局'] }).rubric).toBeNull();
    expect(select({ region: { province: null, city: null, county: '沅溪县', code: null }, regionText: ['沅溪县枫木乡人民政府'] }).rubric).toBeNull();
  });

  it('gives a document whose region is unknown no rubric, saying so', () => {
    const unknown = select({ regionText: [null, null] });
    expect(unknown.rubric).toBeNull();
    expect(unknown.warnings[0]?.message).toMatch(/地区不明.*结构性检查/u);
  });

  it('falls back to the newest earlier rubric with a warning (panyu 2024)', () => {
    const { rubric, warnings } = select({ regionText: ['番禺区', '广州市番禺区科技工业商务和信息化局'], fiscalYear: 2024 });
    expect(rubric?.id).toBe('gz-2023');
    expect(warnings.map((w) => w.code)).toEqual(['RUBRIC_YEAR_FALLBACK']);
  });

  it('gives Guangzhou 2021 (before every Guangzhou rubric) the structural checks only, with a warning', () => {
    const { rubric, warnings } = select({ region: GZ, fiscalYear: 2021 });
    expect(rubric).toBeNull();
    expect(warnings).toMatchObject([{ code: 'RUBRIC_NOT_AVAILABLE', message: expect.stringMatching(/2022 年度.*2021 年度.*结构性检查/u) }]);
    expect(select({ region: GZ, fiscalYear: 2021, hasSpecialFundsRows: true }).rubric).toBeNull();
  });

  it('uses the newest rubric for an unknown year, with a warning', () => {
    expect(select({ region: GZ, fiscalYear: null })).toMatchObject({ rubric: { id: 'gz-2023' }, warnings: [{ code: 'RUBRIC_YEAR_FALLBACK' }] });
  });

  it('scores a 2022-shaped document by gz-2022 whatever its year says', () => {
    const { rubric, warnings } = select({ region: GZ, fiscalYear: 2023, hasSpecialFundsRows: true });
    expect(rubric?.id).toBe('gz-2022');
    expect(warnings.map((w) => w.code)).toEqual(['RUBRIC_SHAPE_OVERRIDE']);
    expect(warnings[0]?.message).toMatch(/专项效能/u);
  });

  it('chooses the national project rubric by the form, in any region, and in force after 2020 without a warning', () => {
    for (const kind of ['project-table', 'project-report']) {
      for (const fiscalYear of [2022, 2023, 2026]) {
        expect(select({ kind, fiscalYear, region: { province: null, city: null, county: '白溪县', code: null } })).toMatchObject({ rubric: { id: 'national-project' }, warnings: [] });
      }
      expect(select({ kind, region: GZ }).rubric?.id).toBe('national-project');
    }
    expect(select({ kind: 'project-table', fiscalYear: 2019, regionText: ['白溪县水利局'] }).rubric).toBeNull();
    // A department-wide form of another province is not a project form.
    expect(select({ kind: 'self-evaluation-table', regionText: ['枫桥县农业技术推广服务中心'] }).rubric).toBeNull();
  });
});
