/**
 * The shared quantity parser against strings copied from the corpus samples
 * (/work/shared/corpus/text/*.txt): baiyun 年度目标值/年度实际值 lines, panyu inline target/actual pairs,
 * zengcheng and baiyun budget sentences, zengcheng table cells.
 */
import { describe, expect, it } from 'vitest';
import {
  decimalsOf,
  parseNumber,
  parseQuantity,
  parseScore,
  scanQuantities,
  toFraction,
  toHalfWidth,
  toWan,
} from '../../extractors/shared/quantity.js';
import type { Comparator } from '../../src/schema/quantity.js';

type Row = [text: string, value: number | null, unit: string | null, comparator: Comparator | null];

/**
 * The tables below list numbers as printed (12.70% → 12.7); the contract stores % and ‰ as fractions
 * (0.127), to 12 significant digits so that 92.97 / 100 is 0.9297.
 */
function asStored(value: number | null, unit: string | null): number | null {
  if (value === null) return null;
  const divisor = unit === '%' ? 100 : unit === '‰' ? 1000 : 1;
  return Number.parseFloat((value / divisor).toPrecision(12)) + 0;
}

function expectQuantity(text: string, value: number | null, unit: string | null, comparator: Comparator | null, preferUnit?: string) {
  const q = parseQuantity(text, { preferUnit: preferUnit ?? null });
  expect(q).toEqual({ text: text.trim(), value: asStored(value, unit), unit, comparator, qualitative: value === null, date: null });
}

describe('toHalfWidth', () => {
  it.each([
    ['３.５４％', '3.54%'],
    ['１，６１６', '1,616'],
    ['（２）：＞＝５', '(2):>=5'],
    ['－３～５', '-3~5'],
    ['年度目标值：≥５％。', '年度目标值:≥5%。'],
    ['ＡＢ　c', 'AB c'],
  ])('%s → %s', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });
});

describe('parseNumber', () => {
  it.each<[string, number | null]>([
    ['91,470.79', 91470.79],
    ['1,616', 1616],
    ['-45.81', -45.81],
    ['－3', -3],
    ['３.５４', 3.54],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['1，616', 1616],
    ['138,179.36', 138179.36],
    [' 4,262.34 ', 4262.34],
    [',', null],
    ['', null],
    ['1,61', null],
    ['12,3456', null],
    ['12a', null],
    ['5%', null],
    ['-0', 0],
  ])('%j → %j', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });
});

describe('parseQuantity: baiyun-2023-report 年度目标值 / 年度实际值', () => {
  it.each<Row>([
    ['新建众创空间、孵化器、加速器 8 个。', 8, '个', null],
    ['新建众创空间、孵化器、加速器 11 个。', 11, '个', null],
    ['4 场以上。', 4, '场', '>='],
    ['举办科技活动周、海交会、白云科学之夜、科普研学和科普一日游共 5 场活动。', 5, '场', null],
    ['2 个。', 2, '个', null],
    ['1 个。已印发科技政策汇编 2023 版；区科技产业人才扶持政策目前仍在征集区内各单位意见中，未正式出台。', 1, '个', null],
    ['实际走访、服务高新技术企业 119 家。', 119, '家', null],
    ['领军团队 10 个、领军人才 30 人。', 10, '个', null],
    ['不少于 180 家。', 180, '家', '>='],
    ['针对 206 家样本企业采集审核运行监测问卷。', 206, '家', null],
    ['2 场以上。', 2, '场', '>='],
    ['4 份。', 4, '份', null],
    ['已完成 4 份网络零售数据分析报告。', 4, '份', null],
    ['不少于 24 次。', 24, '次', '>='],
    ['已完成安全生产检查 30 次。', 30, '次', null],
    ['每届不少于 150 家。', 150, '家', '>='],
    ['133 届广交会展位获批企业 170 家，134 届广交会展位获批企业 160 家。', 170, '家', null],
    ['不少于 4 场。', 4, '场', '>='],
    ['1700 个。', 1700, '个', null],
    ['建成 5G 基站 1957 个。', 1957, '个', null],
    ['完成 2 份行动计划。', 2, '份', null],
    ['不少于 400 项。', 400, '项', '>='],
    ['100 家以上。', 100, '家', '>='],
    ['300 家企业以上。', 300, '家', '>='],
    ['推动 451 家商贸流通企业升规纳统。', 451, '家', null],
    ['围绕完善通信基础设、净化网络通信市场秩序的核心目标，推进 48 条城中村三线整治工作。', 48, '条', null],
    ['100%完成。', 100, '%', null],
    ['实现同比增长7%。', 7, '%', null],
    ['实现同比增长7.1%。', 7.1, '%', null],
    ['110亿元。', 110, '亿元', null],
    ['102.59亿元。', 102.59, '亿元', null],
    ['同比增长7%以上。', 7, '%', '>='],
    ['同比增长8.6%。', 8.6, '%', null],
    ['≥5%。', 5, '%', '>='],
    ['12.70%。', 12.7, '%', null],
    ['完成 2020 年度白云区产业人才项目中期考核数量为 6 个团队。', 6, '个', null],
    ['组织编制白云区村镇工业集聚区整治提升专项研究；2023年整治提升任务4宗99.4公顷，均已按序时进度推进整治提升工作。', 4, '宗', null],
  ])('%s', (text, value, unit, comparator) => {
    expectQuantity(text, value, unit, comparator);
  });

  it.each<[string, string]>([
    ['组织编制白云区村镇工业集聚区整治提升专项研究，有效推动2023年村镇工业集聚区整治提升任务。', 'years are not measures'],
    ['已完成印发《广州市白云区新一代信息技术产业链高质量发展三年行动计划（2022-2024 年）》、《广州市白云区智能网联及新能源汽车产业集群高质量发展三年行动计划（2022-2024 年）》。', 'book titles'],
    ['一是推进东西部协作工作，资金支持和人才支援力度不减；二是赴对口帮扶支援和合作地区召开工作推进会、联席会，研究落实帮扶举措；三是开展消费帮扶活动。', '一是 list'],
    ['按规定控制和支付', 'no number'],
    ['项目资金成本控制不超预算', '不超 without a number'],
    ['2023年度无新增项目', 'year only'],
  ])('qualitative: %s (%s)', (text) => {
    expect(parseQuantity(text)).toEqual({ text, value: null, unit: null, comparator: null, qualitative: true, date: null });
  });

  it('takes the measure in preferUnit when the text holds several', () => {
    expectQuantity('领军团队 10 个、领军人才 30 人。', 30, '人', null, '人');
    expectQuantity('支持整车企业扩生产促消费去库存1家、广汽乘用车库存环比下降<0%', 0, '%', '<', '%');
    expectQuantity('支持整车企业扩生产促消费去库存1家、广汽乘用车库存环比下降<0%', 1, '家', null);
    // a preferred unit that is absent falls back to the first measure
    expectQuantity('新建众创空间、孵化器、加速器 11 个。', 11, '个', null, '家');
  });
});

describe('parseQuantity: panyu-2024-table-explanation inline pairs', () => {
  it.each<Row>([
    ['产业扶持资金促进企业产生工业投资不少于 20 亿元', 20, '亿元', '>='],
    ['实际推动汽车产业相关企业完成工业投资 23.39 亿元;', 23.39, '亿元', null],
    ['推动全区规上工业总产值超过2500亿元', 2500, '亿元', '>'],
    ['实际全年番禺区规上工业总产值2684亿元;', 2684, '亿元', null],
    ['(3) 企业技术改造项目备案审批办理控制在3个工作日内', 3, '个工作日', '<='],
    ['实际3个工作日内;', 3, '个工作日', '<='],
    ['(4)补贴或奖励资金及时足额率 90%以上', 90, '%', '>='],
    ['实际 95.47%;', 95.47, '%', null],
    ['实际按规定控制和支付,成本控制率-4.53%。', -4.53, '%', null],
    ['(1) 促进汽车产业相关企业产值达到 1000 亿元以上,', 1000, '亿元', '>='],
    ['实际达到 1044.65 亿元;', 1044.65, '亿元', '>='],
    ['实际支持的广汽乘用车有限公司,库存环比下降-45.81%;', -45.81, '%', null],
    ['(4)新增充电基础设施数量 150 个以上', 150, '个', '>='],
    ['实际超 1319 亿元。', 1319, '亿元', '>'],
    ['(1)2024年实现番禺区外贸进出口1000亿元以上', 1000, '亿元', '>='],
    ['(2)新设外商投资企业数 400 家', 400, '家', null],
    ['(3) 实际利用外资 11 亿元', 11, '亿元', null],
    ['实际完成超 2800 亿元;', 2800, '亿元', '>'],
    ['(4) 全社会研发投入强度≥3%', 3, '%', '>='],
    ['实际达 3.54%;', 3.54, '%', null],
    ['(5) 服务对象满意度 90%以上', 90, '%', '>='],
    ['所属下级预算单位数量: 6个', 6, '个', null],
  ])('%s', (text, value, unit, comparator) => {
    expectQuantity(text, value, unit, comparator);
  });
});

describe('parseQuantity: comparator words, ranges and other forms', () => {
  it.each<Row>([
    ['约 2.6 亿元', 2.6, '亿元', null],
    ['不超过 5%', 5, '%', '<='],
    ['10 万元以内', 10, '万元', '<='],
    ['3%以下', 3, '%', '<='],
    ['至少 2 期', 2, '期', '>='],
    ['高于 95%', 95, '%', '>'],
    ['低于 1‰', 1, '‰', '<'],
    ['≤ 10%', 10, '%', '<='],
    ['＞ ５０ 家', 50, '家', '>'],
    ['= 100%', 100, '%', '='],
    ['3-5 个', 3, '个', '>='],
    ['3～5 个', 3, '个', '>='],
    ['3至5个', 3, '个', '>='],
    ['5%-10%', 5, '%', '>='],
    ['20 日内', 20, '日', '<='],
    ['6个月', 6, '个月', null],
    ['举办活动 10 余场', 10, '场', '>'],
    ['承接 3 万人次', 3, '万人次', null],
    ['91,470.79', 91470.79, null, null],
    ['１，６１６', 1616, null, null],
    ['2019 年至 2023 年累计建成 5G 基站 13766 个', 13766, '个', null],
    ['2022年省级进一步促进外贸稳定增长资金(穗财商[2022]68号)为省级资金，2022年12月27日下达时财政支出系统已封账', null, null, null],
    ['填报日期: 2025年6月20', null, null, null],
    ['联系电话: 020-34611158', null, null, null],
    // zengcheng-2022-report: a unit broken by a line wrap
    ['其中技改投资 34.3 亿\n\n元，同比增长 6.3%。', 34.3, '亿元', null],
    ['（省级农村公路建设项目补助资\n\n金）5.94 万未支出', 5.94, '万', null],
    // liwan-2023-table rubric text: a descending range gives its lower bound
    ['分值区间100%-80%（含80%）', 80, '%', '>='],
    ['完成率100-150%的，得满分', 100, '%', '>='],
    ['公用经费控制率小于0.', 0, null, '<'],
    ['部门自评得分1. 绩效目标管理得 2 分', 2, '分', null],
    // zengcheng-2022-table goal cell: 任务1: is a label
    ['任务1: 加强招商力度扩大招商成效。争取2022年引进各类项目100个，其中重大项目30个。', 100, '个', null],
    ['附件 2', null, null, null],
    ['— 6 —', null, null, null],
    ['实际使用外资9.1亿元人民币。', 9.1, '亿元', null],
    ['全年实际利用外资 35,645 万美元，', 35645, '万美元', null],
    ['增速提高 2 个百分点', 2, '个百分点', null],
    ['３．５４％', 3.54, '%', null],
    ['12.70 %', 12.7, '%', null],
  ])('%s', (text, value, unit, comparator) => {
    expectQuantity(text, value, unit, comparator);
  });
});

/** A stored value back in the unit as printed (0.9297 with % → 92.97), to compare with the sentences. */
function printedValue(value: number | null, unit: string | null): number | null {
  if (value === null) return null;
  const factor = unit === '%' ? 100 : unit === '‰' ? 1000 : 1;
  return Number.parseFloat((value * factor).toPrecision(12)) + 0;
}

describe('scanQuantities on report sentences', () => {
  const pick = (text: string) =>
    scanQuantities(text).map((f) => [printedValue(f.quantity.value, f.quantity.unit), f.quantity.unit, f.quantity.comparator, text.slice(f.start, f.end)]);

  it('zengcheng-2022-report budget lines (wrapped, blank lines between)', () => {
    const text =
      '2022 年年初预算 138,179.36 万元，总预算 91,470.79\n\n万元，一般公共预算财政拨款收入 85,038.39 万元，实际支\n\n出 85,038.37 万元，年底结转结余 126.67 元，年度预算执\n 行率 92.97%。';
    expect(pick(text)).toEqual([
      [138179.36, '万元', null, '138,179.36 万元'],
      [91470.79, '万元', null, '91,470.79\n\n万元'],
      [85038.39, '万元', null, '85,038.39 万元'],
      [85038.37, '万元', null, '85,038.37 万元'],
      [126.67, '元', null, '126.67 元'],
      [92.97, '%', null, '92.97%'],
    ]);
  });

  it('baiyun-2023-report 部门整体收支情况', () => {
    const text =
      '区科工商信局 2023 年全年预算数为 79776.38 万元，其中：本年收入为 79766.65 万元，上年结转为 9.73 万元。全年实际执行数 76740.31 万元，预算执行率 92.13%。按资金来源分，一般公共预算财政拨款支出 73899.57 万元，政府性基金支出 2840.74 万元。';
    expect(pick(text).map((r) => [r[0], r[1]])).toEqual([
      [79776.38, '万元'], [79766.65, '万元'], [9.73, '万元'], [76740.31, '万元'], [92.13, '%'], [73899.57, '万元'], [2840.74, '万元'],
    ]);
  });

  it('baiyun-2023-report 结转结余率 with thousands separators and a score', () => {
    const text =
      '年末财政拨款结转和结余决算数为12.37万元，年初财政拨款结转和结余收入决算数为9.73万元，一般公共预算财政拨款决算数73,898.42万元，政府性基金预算财政拨款决算数2,840.74万元，其他收入3.78万元，计算得结转率为0.02%，根据既定的评分标准，该指标得2分。';
    expect(pick(text).map((r) => [r[0], r[1]])).toEqual([
      [12.37, '万元'], [9.73, '万元'], [73898.42, '万元'], [2840.74, '万元'], [3.78, '万元'], [0.02, '%'], [2, '分'],
    ]);
  });

  it('skips dates, years, 5G and ordinals (baiyun 5G paragraph, zengcheng 充电桩)', () => {
    expect(pick('截至 2023 年 12 月 31 日全区建成 5G 基站 1957 个；2019 年至 2023 年累计建成 5G 基站 13766 个，累计建成数全市排名第一。')).toEqual([
      [1957, '个', null, '1957 个'],
      [13766, '个', null, '13766 个'],
    ]);
    expect(pick('1,616 座，位于全市前列（第 3），完成率 103%。')).toEqual([
      [1616, '座', null, '1,616 座'],
      [103, '%', null, '103%'],
    ]);
  });

  it('skips list markers and finds the inline pair of a panyu line', () => {
    expect(pick('- (1)产业扶持资金促进企业产生工业投资不少于 20 亿元,实际推动汽车产业相关企业完成工业投资 23.39 亿元;')).toEqual([
      [20, '亿元', '>=', '不少于 20 亿元'],
      [23.39, '亿元', null, '23.39 亿元'],
    ]);
    expect(pick('1.负责拟订全区有关科技、工业、商务和信息化的发展规划。')).toEqual([]);
    expect(pick('- 1. 推动工业经济稳步提速、重点工业投资项目加快建设')).toEqual([]);
  });

  it('baiyun-2023-report 存在的问题: quoted targets and actuals', () => {
    const text =
      '一是部分绩效指标值设置及表述不够合理。如产出指标“指导、协助区内企业申请广交会展位”，原设定目标值为“不少于 100 家”，实际 2023 年度广交会分两届举行，133 届广交会展位获批企业 170 家，134 届广交会展位获批企业 160 家，目标值未明确为每届的展位数量，且设定的目标值明显偏低，经研究将目标值修改为“每届不少于 150 家”。';
    expect(pick(text)).toEqual([
      [100, '家', '>=', '不少于 100 家'],
      [170, '家', null, '170 家'],
      [160, '家', null, '160 家'],
      [150, '家', '>=', '不少于 150 家'],
    ]);
  });

  it('keeps offsets into the original full-width text', () => {
    const text = '预算执行率 ９２.９７％，结余 １，６１６ 元';
    const found = scanQuantities(text);
    expect(found.map((f) => [f.quantity.value, f.quantity.unit, text.slice(f.start, f.end)])).toEqual([
      [0.9297, '%', '９２.９７％'],
      [1616, '元', '１，６１６ 元'],
    ]);
  });
});

describe('toWan and toFraction', () => {
  it.each<[number | null, string | null, number | null]>([
    [110, '亿元', 1100000],
    [102.59, '亿元', 1025900],
    [2.6, '亿元', 26000],
    [126.67, '元', 0.012667],
    [91470.79, '万元', 91470.79],
    [25.6, '元', 0.00256],
    [35645, '万美元', null],
    [5, '%', null],
    [null, '万元', null],
    [3, null, null],
  ])('toWan(%j, %j) → %j', (value, unit, expected) => {
    expect(toWan(value, unit)).toBe(expected);
  });

  // A stored rate is already a fraction (the parser divides); toFraction only says whether it is a rate.
  it.each<[number | null, string | null, number | null]>([
    [0.05, '%', 0.05],
    [0.9297, '%', 0.9297],
    [-0.4581, '%', -0.4581],
    [0.003, '‰', 0.003],
    [110, '亿元', null],
    [3, null, null],
    [null, '%', null],
  ])('toFraction(%j %j) → %j', (value, unit, expected) => {
    expect(toFraction({ value, unit })).toBe(expected);
  });

  it('toFraction takes a parsed quantity', () => {
    expect(toFraction(parseQuantity('≥5%。'))).toBe(0.05);
    expect(toFraction(parseQuantity('110亿元。'))).toBeNull();
  });
});

describe('parseScore and decimalsOf (zengcheng-2022-table cells)', () => {
  it.each<[string, number | null]>([
    ['6.28', 6.28],
    ['10.00', 10],
    ['4.65', 4.65],
    ['0.50', 0.5],
    ['91.41', 91.41],
    ['91.41分', 91.41],
    ['98.57 分', 98.57],
    ['0.5', 0.5],
    ['２０', 20],
    ['', null],
    ['  ', null],
    ['—', null],
    ['-', null],
    ['/', null],
    ['2023年度无新增项目', null],
  ])('parseScore(%j) → %j', (text, expected) => {
    expect(parseScore(text)).toBe(expected);
  });

  it.each<[string, number]>([
    ['10.00', 2],
    ['6.28', 2],
    ['91,470.79', 2],
    ['3.5', 1],
    ['5', 0],
    ['44.51分', 2],
    ['１０.００', 2],
  ])('decimalsOf(%j) → %d', (text, expected) => {
    expect(decimalsOf(text)).toBe(expected);
  });
});
