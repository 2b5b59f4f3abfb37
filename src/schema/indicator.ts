import { z } from 'zod';
import { Provenance } from './provenance.js';
import { Quantity } from './quantity.js';

export const IndicatorRole = z
  .enum(['budget-execution'])
  .describe('budget-execution: the scored 预算执行 row of a budget block (年度资金总额 … 分值/执行率/得分)');

export const Indicator = z
  .object({
    level1: z.string().nullable().describe('一级指标 as printed (or from the rubric when a text export lost the merged cell); null on a flat form'),
    level1Weight: z.number().nullable().describe('weight (分值) of the 一级指标'),
    level2: z.string().nullable().describe('二级指标 as printed; null on a flat form'),
    level2Weight: z.number().nullable().describe('weight (分值) of the 二级指标'),
    name: z.string().nullable().describe('三级指标 name as printed; null when the cell is blank'),
    rubricId: z.string().nullable().describe('stable id of the rubric entry the row was matched to; null without a rubric or a match'),
    rubricName: z.string().nullable().describe("that entry's 三级指标 name, e.g. 采购内控制度建设"),
    part: z.number().int().nullable().describe('1, 2 … for sub-rows under one name, else null'),
    role: IndicatorRole.nullable().default(null).describe('what the row is besides a performance indicator; null for an ordinary indicator row'),
    weight: z.number().nullable().describe('the row\'s weight (分值/权重) in points'),
    declaredScore: z.number().nullable().describe('the self-score (得分) in points; null when the cell is blank'),
    scoreInferred: z.boolean().describe('true when a blank score was inferred from the printed total (the score is then in declaredScore)'),
    target: Quantity.nullable().default(null).describe('年度指标值 / 指标值 (a separate 指标性质 sign and 度量单位 folded in); null when the form prints none'),
    initialTarget: Quantity.nullable().default(null).describe('年初目标值 when the form prints it beside an adjusted target'),
    actual: Quantity.nullable().default(null).describe('实际完成值 / 完成值 / 全年实际值; null when blank'),
    coefficient: z.number().nullable().default(null).describe('得分系数 as a fraction (94 → 0.94), when printed'),
    core: z.boolean().nullable().default(null).describe('是否核心指标 (是 → true, 否 → false), when printed'),
    notApplicable: z.boolean().default(false).describe('true for a row marked 不适用 or "/": not scored, not a zero'),
    explanation: z.string().nullable().describe('指标解释 / 指标说明'),
    criteria: z.string().nullable().describe('评分标准 as printed'),
    basis: z.string().nullable().describe('评分依据'),
    shortfallReason: z.string().nullable().describe('未达标原因 / 偏差原因'),
    improvement: z.string().nullable().describe('改进措施'),
    note: z.string().nullable().describe('备注'),
    provenance: Provenance,
  })
  .describe('One scored row of a table: a 三级指标, a sub-row of one, or the budget-execution row');
export type Indicator = z.infer<typeof Indicator>;
