import type { Target } from '../../src/schema/index.js';
import { qualitative, quantity, target } from '../helpers/make-document.js';

/** baiyun-2023-report: the six 效益指标 as the report lists them (年度目标值 / 年度实际值). */
export const BAIYUN_BENEFIT_TARGETS: Target[] = [
  target('benefit', 1, '规上工业总产值', quantity('实现同比增长7%', 0.07, '%'), quantity('实现同比增长7.1%', 0.071, '%')),
  target('benefit', 2, '工业投资', quantity('110亿元', 110, '亿元'), quantity('102.59亿元', 102.59, '亿元')),
  target('benefit', 3, '社零消费总额', quantity('同比增长7%以上', 0.07, '%', '>='), quantity('同比增长8.6%', 0.086, '%')),
  {
    ...target('benefit', 4, '全区外贸进出口增长', quantity('≥5%', 0.05, '%', '>='), quantity('12.70%', 0.127, '%')),
    overCompletionReason: '年度目标值由市商务局下达，我区完成情况较好。',
  },
  target(
    'benefit',
    5,
    '持续推动村镇工业集聚区整治提升工作',
    qualitative('组织编制白云区村镇工业集聚区整治提升专项研究，有效推动2023年村镇工业集聚区整治提升任务。'),
    qualitative('组织编制白云区村镇工业集聚区整治提升专项研究；2023年整治提升任务4宗99.4公顷，均已按序时进度推进整治提升工作。'),
  ),
  target(
    'benefit',
    6,
    '持续做好对口帮扶和支援工作任务',
    qualitative('一是推进东西部协作工作，资金支持和人才支援力度不减；……'),
    qualitative('一是 2023 年度上缴东西部协作专项资金 8948 万元……'),
  ),
];

/** baiyun-2023-report: 23 产出指标 listed (① to ㉓) although the text says 设置了 19 个产出指标. */
export const BAIYUN_OUTPUT_TARGETS: Target[] = [
  ['新建众创空间、孵化器、加速器', 8, '个', 11, '个'],
  ['举办科技活动', 4, '场', 5, '场'],
  ['出台科技政策', 2, '个', 1, '个'],
  ['走访服务高新技术企业', 100, '家', 119, '家'],
  ['产业人才项目', 10, '个', 6, '个'],
  ['充电桩企业走访', 60, '家', 60, '家'],
  ['样本企业运行监测', 180, '家', 206, '家'],
  ['促消费活动', 2, '场', 3, '场'],
  ['走访商业网点企业', 30, '家', 40, '家'],
  ['网络零售数据分析报告', 4, '份', 4, '份'],
  ['安全生产检查', 24, '次', 30, '次'],
  ['广交会展位企业', 150, '家', 160, '家'],
  ['走访外经贸企业', 200, '家', 200, '家'],
  ['外贸政策宣讲会', 4, '场', 5, '场'],
  ['建成5G基站', 1700, '个', 1957, '个'],
  ['产业链行动计划', 2, '份', 2, '份'],
  ['通信线缆应急处理点位', 100, '个', 160, '个'],
  ['验收评审项目', 400, '项', 426, '项'],
  ['参与主题消费活动企业', 100, '家', 100, '家'],
  ['重点电商企业网络销售数据', 300, '家', 300, '家'],
  ['商贸流通企业升规纳统', 300, '家', 451, '家'],
  ['城中村三线整治', 48, '条', null, null],
  ['完成率', 100, '%', 100, '%'],
].map(([name, goal, goalUnit, actual, actualUnit], i) =>
  target(
    'output',
    i + 1,
    String(name),
    quantity(`${String(goal)}${String(goalUnit)}`, Number(goal), String(goalUnit), '>='),
    actual === null ? qualitative('工作总体推动较好且已有部分村社进入实施阶段') : quantity(`${String(actual)}${String(actualUnit)}`, Number(actual), String(actualUnit)),
  ),
);
