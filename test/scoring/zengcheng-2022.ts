import type { Document, Indicator } from '../../src/schema/index.js';
import { fact, indicator, makeDocument, prov } from '../helpers/make-document.js';

/** zengcheng-2022-table as printed: [rubricId, 三级指标, 分值, 得分, part]. */
const ROWS: Array<[string, string | null, number, number, number | null]> = [
  ['output-completion', '部门整体绩效目标产出指标完成情况', 10, 6.28, null],
  ['benefit-completion', '部门整体绩效目标效益指标完成情况', 10, 10, null],
  ['budget-execution', '部门预算资金支出率', 5, 4.65, null],
  ['special-funds-completion', '专项资金绩效完成情况', 20, 18.89, null],
  ['special-funds-execution', '专项资金支出率', 5, 4.7, null],
  ['new-project-assessment', '新增预算项目事前绩效评估', 3, 3, null],
  ['carryover-rate', '结转结余率', 2, 2, null],
  ['financial-compliance', '财务管理合规性', 2, 2, null],
  ['budget-disclosure', '预决算公开合规性', 2, 2, null],
  ['performance-disclosure', '绩效信息公开情况', 2, 2, null],
  ['performance-system', '绩效管理制度建设', 5, 3, null],
  ['performance-results-use', '绩效结果应用', 3, 3, null],
  ['performance-execution', '绩效管理制度执行', 7, 7, null],
  ['procurement-intent-disclosure', '采购意向公开合规性', 0.5, 0.5, 1],
  ['procurement-intent-disclosure', null, 1.5, 1.5, 2],
  ['procurement-internal-control', '采购内控制度建设', 1, 0.8, null],
  ['procurement-compliance', '采购活动合规性', 2, 2, null],
  ['contract-signing-timeliness', '采购合同签订时效性', 3, 3, null],
  ['contract-filing-timeliness', '合同备案时效性', 1, 0.5, null],
  ['procurement-policy', '采购政策效能', 1, 0.8, null],
  ['asset-allocation', '资产配置合规性', 2, 2, null],
  ['asset-income-remittance', '资产收益上缴的及时性', 1, 1, null],
  ['asset-inventory', '资产盘点情况', 1, 1, null],
  ['asset-data-quality', '数据质量', 2, 1.8, null],
  ['asset-compliance', '资产管理合规性', 2, 2, null],
  ['fixed-asset-utilization', '固定资产利用率', 2, 2, null],
  ['public-funds-control', '公用经费控制率', 2, 2, null],
  ['three-public-control', '“三公”经费控制情况', 2, 2, null],
];

const LEVELS: Record<string, [string, number, string, number]> = {
  'output-completion': ['履职效能', 50, '整体效能', 25],
  'special-funds-completion': ['履职效能', 50, '专项效能', 25],
  'new-project-assessment': ['管理效率', 50, '预算编制', 3],
};

export function zengchengTableRows(): Indicator[] {
  let page = 1;
  return ROWS.map(([rubricId, name, weight, score, part]) => {
    const levels = LEVELS[rubricId];
    if (rubricId === 'performance-system') page = 2;
    return indicator({
      rubricId,
      name,
      rubricName: name,
      weight,
      declaredScore: score,
      part,
      level1: levels?.[0] ?? null,
      level1Weight: levels?.[1] ?? null,
      level2: levels?.[2] ?? null,
      level2Weight: levels?.[3] ?? null,
      provenance: prov(`${name ?? ''}\t${weight}\t${score.toFixed(2)}`, page),
    });
  });
}

export const ZENGCHENG_NAME = '广州市增城区科技工业商务和信息化局(增城开发区工业商务和信息化局)';

export function zengchengTable(overrides: Partial<Parameters<typeof makeDocument>[0]> = {}): Document {
  return makeDocument({
    kind: 'self-evaluation-table',
    path: 'samples/zengcheng-2022-table.chromium.pdf',
    name: ZENGCHENG_NAME,
    region: '增城区',
    fiscalYear: 2022,
    indicators: zengchengTableRows(),
    declared: {
      total: 91.41,
      grade: null,
      // The form has a 评价等级 row with no box ticked.
      provenance: { total: prov('总分\t100\t91.41', 2), grade: prov('☐优 90分≤得分≤100分；☐良 80分≤得分<90分', 2) },
    },
    ...overrides,
  });
}

export function zengchengReport(): Document {
  return makeDocument({
    kind: 'self-evaluation-report',
    path: 'samples/zengcheng-2022-report.chromium.pdf',
    name: '广州市增城区科技工业商务和信息化局',
    region: '增城区',
    fiscalYear: 2022,
    declared: {
      total: 91.41,
      byLevel1: { 履职效能: 44.51, 管理效率: 46.9 },
      provenance: {
        total: prov('2022年度我局部门整体绩效自评得分合计 91.41分', 6),
        'byLevel1.履职效能': prov('职效能总分 50分，自评得分 44.51分', 6),
      },
    },
    facts: { budgetExecutionRate: fact(0.9297, '年度预算执行率 92.97%') },
  });
}
