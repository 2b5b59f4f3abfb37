/**
 * Hand-written identity cases: who a document is about, where, and for which year, as titles, cover
 * fields, seal lines and body openings print them in many provinces. Places are real (so the
 * administrative-division data must resolve them); departments and figures are made up.
 */
export interface IdentityCase {
  id: string;
  province: string;
  kind: 'self-evaluation-table' | 'self-evaluation-report' | 'project-table' | 'project-report' | 'table-explanation';
  /** Plain text (one paragraph a line) or an HTML page. */
  text?: string;
  html?: string;
  expect: {
    department: string | null;
    key?: string;
    region?: [string | null, string | null, string | null, string | null] | null;
    fiscalYear: number | null;
    supervisor?: string;
    implementer?: string;
  };
}

const form = (title: string, rows: Array<[string, string]>, tail = ''): string =>
  `<html><body><p>${title}</p><table>${rows.map(([l, v]) => `<tr><td>${l}</td><td>${v}</td></tr>`).join('')}` +
  '<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>分值</td><td>得分</td></tr>' +
  '<tr><td>产出指标</td><td>数量指标</td><td>完成数量</td><td>10</td><td>10</td></tr></table>' +
  `${tail}</body></html>`;

export const IDENTITY_CASES: IdentityCase[] = [
  // Titles: the department before or after the year.
  { id: 'title-before-year', province: '北京', kind: 'self-evaluation-report',
    text: '北京市朝阳区教育委员会2022年度部门整体支出绩效自评报告\n一、部门基本情况\n我委是区政府工作部门。',
    expect: { department: '北京市朝阳区教育委员会', region: ['北京市', '北京市', '朝阳区', '110105'], fiscalYear: 2022 } },
  { id: 'title-after-year', province: '天津', kind: 'self-evaluation-report',
    text: '2023年度天津市滨海新区卫生健康委员会部门整体支出绩效自评报告\n一、基本情况\n本单位内设科室8个。',
    expect: { department: '天津市滨海新区卫生健康委员会', region: ['天津市', '天津市', '滨海新区', '120116'], fiscalYear: 2023 } },
  { id: 'title-wrapped', province: '河北', kind: 'self-evaluation-report',
    text: '附件2\n2022年度河北省保定市竞秀区\n民政局部门整体支出绩效自评报告\n一、部门概况\n我局主要职责是……。',
    expect: { department: '河北省保定市竞秀区民政局', region: ['河北省', '保定市', '竞秀区', '130602'], fiscalYear: 2022 } },
  { id: 'title-split-year', province: '山西', kind: 'self-evaluation-report',
    text: '太原市小店区住房和城乡建设局20 21年度部门整体支出绩效自评报告\n一、部门基本情况\n我局负责全区住房和城乡建设工作。',
    expect: { department: '太原市小店区住房和城乡建设局', region: ['山西省', '太原市', '小店区', '140105'], fiscalYear: 2021 } },
  { id: 'title-chinese-year', province: '内蒙古', kind: 'self-evaluation-report',
    text: '呼和浩特市新城区农牧局二〇二二年度部门整体支出绩效自评报告\n一、部门基本情况\n我局内设股室6个。',
    expect: { department: '呼和浩特市新城区农牧局', region: ['内蒙古自治区', '呼和浩特市', '新城区', '150102'], fiscalYear: 2022 } },
  { id: 'title-short-form', province: '辽宁', kind: 'self-evaluation-report',
    text: '区发展改革委2022年度部门整体支出绩效自评报告\n一、基本情况\n我委是区政府组成部门。',
    expect: { department: '区发展改革委', region: null, fiscalYear: 2022 } },
  { id: 'title-project-report', province: '吉林', kind: 'project-report',
    text: '长春市朝阳区城市管理局2023年度背街小巷改造项目支出绩效自评报告\n一、项目基本情况\n项目资金全部为区级财政资金。',
    expect: { department: '长春市朝阳区城市管理局', region: ['吉林省', '长春市', '朝阳区', '220104'], fiscalYear: 2023 } },
  // Cover and form fields.
  { id: 'cover-field', province: '黑龙江', kind: 'self-evaluation-report',
    text: '哈尔滨市道里区2022年度部门整体支出\n绩效自评报告\n部门（单位）名称：哈尔滨市道里区文化广电和旅游局\n报告日期：2023年3月20日\n一、基本情况\n我局内设科室5个。',
    expect: { department: '哈尔滨市道里区文化广电和旅游局', region: ['黑龙江省', '哈尔滨市', '道里区', '230102'], fiscalYear: 2022 } },
  { id: 'cover-field-half-width', province: '上海', kind: 'table-explanation',
    text: '部门整体支出绩效自评表说明\n部门名称:上海市浦东新区科技和经济委员会(公章)\n填报日期:2024年2月1日\n一、绩效自评情况\n2023年度本部门完成了年度目标。',
    expect: { department: '上海市浦东新区科技和经济委员会', key: '上海市浦东新区科技和经济委员会', region: ['上海市', '上海市', '浦东新区', '310115'], fiscalYear: 2023 } },
  { id: 'form-unit-name', province: '江苏', kind: 'self-evaluation-table',
    html: form('部门整体支出绩效自评表（2022年度）', [['单位名称', '昆山市交通运输局'], ['填报日期', '2023年4月2日']]),
    expect: { department: '昆山市交通运输局', region: ['江苏省', '苏州市', '昆山市', '320583'], fiscalYear: 2022 } },
  { id: 'form-dept-unit', province: '浙江', kind: 'self-evaluation-table',
    html: form('部门整体支出绩效自评表', [['部门（单位）名称', '杭州市西湖区发展和改革局'], ['年度', '2023']]),
    expect: { department: '杭州市西湖区发展和改革局', region: ['浙江省', '杭州市', '西湖区', '330106'], fiscalYear: 2023 } },
  { id: 'form-budget-unit', province: '安徽', kind: 'self-evaluation-table',
    html: form('2022年度部门整体支出绩效自评表', [['预算单位', '合肥市蜀山区农业农村局'], ['主管部门', '合肥市蜀山区农业农村局']]),
    expect: { department: '合肥市蜀山区农业农村局', region: ['安徽省', '合肥市', '蜀山区', '340104'], fiscalYear: 2022 } },
  { id: 'form-competent-only', province: '重庆', kind: 'self-evaluation-table',
    html: form('2021年度部门整体支出绩效自评表', [['主管部门', '重庆市渝中区生态环境局'], ['财政处室', '区财政局经济建设科']]),
    expect: { department: '重庆市渝中区生态环境局', region: ['重庆市', '重庆市', '渝中区', '500103'], fiscalYear: 2021 } },
  { id: 'form-short-form', province: '福建', kind: 'self-evaluation-table',
    html: form('部门整体支出绩效自评表（2022年度）', [['部门名称', '县政协']]),
    expect: { department: '县政协', region: null, fiscalYear: 2022 } },
  { id: 'project-supervisor', province: '江西', kind: 'project-table',
    html: form('项目支出绩效自评表（2022年度）', [['项目名称', '城区排涝设施维护项目'], ['主管部门', '南昌市东湖区水利局'], ['实施单位', '南昌市东湖区排涝站']]),
    expect: { department: '南昌市东湖区水利局', region: ['江西省', '南昌市', '东湖区', '360102'], fiscalYear: 2022, supervisor: '南昌市东湖区水利局', implementer: '南昌市东湖区排涝站' } },
  { id: 'project-town-implementer', province: '山东', kind: 'project-table',
    html: form('绩效目标自评表（2023年度）', [['项目名称', '美丽乡村示范村建设项目'], ['主管部门', '青岛市黄岛区农业农村局'], ['实施单位', '青岛市黄岛区张家楼街道办事处']]),
    expect: { department: '青岛市黄岛区张家楼街道办事处', region: ['山东省', '青岛市', '黄岛区', '370211'], fiscalYear: 2023, supervisor: '青岛市黄岛区农业农村局', implementer: '青岛市黄岛区张家楼街道办事处' } },
  { id: 'project-same-unit-remark', province: '河南', kind: 'project-report',
    text: '郑州市金水区人力资源和社会保障局2022年度就业补助资金绩效自评报告\n项目名称：就业补助资金\n主管部门：郑州市金水区人力资源和社会保障局\n实施单位：郑州市金水区人力资源和社会保障局（区就业服务中心协助）\n一、项目概况',
    expect: { department: '郑州市金水区人力资源和社会保障局', region: ['河南省', '郑州市', '金水区', '410105'], fiscalYear: 2022, implementer: '郑州市金水区人力资源和社会保障局' } },
  // Seal and signature lines.
  { id: 'seal-with-note', province: '湖北', kind: 'self-evaluation-report',
    text: '2023年度部门整体支出绩效自评报告\n一、部门基本情况\n我局是区政府主管市场监督管理工作的工作部门，主要负责……。\n二、自评结论\n我局2023年度自评得分95分。\n武汉市江汉区市场监督管理局（盖章）\n2024年3月10日',
    expect: { department: '武汉市江汉区市场监督管理局', region: ['湖北省', '武汉市', '江汉区', '420103'], fiscalYear: 2023 } },
  { id: 'seal-name-and-date', province: '湖南', kind: 'self-evaluation-report',
    text: '部门整体支出绩效自评报告\n一、基本情况\n2022年度，我局围绕自然资源管理开展工作，完成了年度目标。\n长沙市岳麓区自然资源局\n2023年4月6日',
    expect: { department: '长沙市岳麓区自然资源局', region: ['湖南省', '长沙市', '岳麓区', '430104'], fiscalYear: 2022 } },
  { id: 'seal-same-line-date', province: '广东', kind: 'self-evaluation-report',
    text: '部门整体支出绩效自评报告\n一、部门概况\n2023年度本单位圆满完成了各项工作任务，具体情况如下。\n深圳市南山区教育局 2024年3月',
    expect: { department: '深圳市南山区教育局', region: ['广东省', '深圳市', '南山区', '440305'], fiscalYear: 2023 } },
  { id: 'seal-after-finance-publisher', province: '广西', kind: 'self-evaluation-report',
    text: '部门整体支出绩效自评报告\n按照南宁市青秀区财政局《关于开展2022年度部门整体支出绩效自评工作的通知》（青财绩〔2023〕2号）要求，我局开展了自评。\n一、基本情况\n我局内设股室4个。\n南宁市青秀区水利局（公章）\n2023年3月31日',
    expect: { department: '南宁市青秀区水利局', region: ['广西壮族自治区', '南宁市', '青秀区', '450103'], fiscalYear: 2022 } },
  { id: 'seal-recipient-finance', province: '海南', kind: 'self-evaluation-report',
    text: '海口市美兰区财政局：\n现将我委2022年度部门整体支出绩效自评情况报告如下。\n一、基本情况\n我委内设科室6个。\n海口市美兰区卫生健康委员会\n2023年5月8日',
    expect: { department: '海口市美兰区卫生健康委员会', region: ['海南省', '海口市', '美兰区', '460108'], fiscalYear: 2022 } },
  // Body openings.
  { id: 'opening-full-name', province: '四川', kind: 'self-evaluation-report',
    text: '部门整体支出绩效自评报告\n一、部门基本情况\n（一）部门职能\n成都市武侯区体育局（简称区体育局）是区政府工作部门，主要职责是……。\n2022年度，我局完成了全民健身各项任务。',
    expect: { department: '成都市武侯区体育局', region: ['四川省', '成都市', '武侯区', '510107'], fiscalYear: 2022 } },
  { id: 'opening-over-subordinate', province: '贵州', kind: 'self-evaluation-report',
    text: '部门整体支出绩效自评报告\n一、基本情况\n贵阳市南明区林业局是区政府主管林业工作的工作部门，下属事业单位1个（区林业服务中心）。\n2023年度部门整体支出情况如下。',
    expect: { department: '贵阳市南明区林业局', region: ['贵州省', '贵阳市', '南明区', '520102'], fiscalYear: 2023 } },
  { id: 'opening-finance-not-department', province: '云南', kind: 'self-evaluation-report',
    text: '部门整体支出绩效自评报告\n昆明市五华区财政局负责组织本次自评。\n昆明市五华区医疗保障局成立于2019年，内设科室3个。\n2022年度部门整体支出绩效自评得分96分。',
    expect: { department: '昆明市五华区医疗保障局', region: ['云南省', '昆明市', '五华区', '530102'], fiscalYear: 2022 } },
  // Years that are not the year evaluated.
  { id: 'year-notice-number', province: '陕西', kind: 'self-evaluation-report',
    text: '西安市雁塔区统计局部门整体支出绩效自评报告\n根据《关于做好预算绩效自评工作的通知》（雁财发〔2023〕12号），现将2022年度自评情况报告如下。\n一、基本情况',
    expect: { department: '西安市雁塔区统计局', region: ['陕西省', '西安市', '雁塔区', '610113'], fiscalYear: 2022 } },
  { id: 'year-report-date', province: '甘肃', kind: 'self-evaluation-report',
    text: '兰州市城关区民族宗教事务局部门整体支出绩效自评报告\n报告日期：2023年3月28日\n一、部门概况\n2022年，我局认真落实各项政策。2022年全年预算120万元。\n2023年3月28日',
    expect: { department: '兰州市城关区民族宗教事务局', region: ['甘肃省', '兰州市', '城关区', '620102'], fiscalYear: 2022 } },
  { id: 'year-policy-name', province: '宁夏', kind: 'self-evaluation-report',
    text: '银川市兴庆区审计局部门整体支出绩效自评报告\n一、基本情况\n我局按照《银川市审计事业发展规划（2021—2025年）》和《2023年全区审计工作要点》开展工作。2022年度我局部门整体支出自评如下。',
    expect: { department: '银川市兴庆区审计局', region: ['宁夏回族自治区', '银川市', '兴庆区', '640104'], fiscalYear: 2022 } },
  { id: 'year-as-of-date', province: '新疆', kind: 'self-evaluation-report',
    text: '乌鲁木齐市天山区档案馆部门整体支出绩效自评报告\n截至2023年12月31日，本馆馆藏档案12万卷。\n2023年，本馆完成了档案数字化任务。2023年全年支出85万元。',
    expect: { department: '乌鲁木齐市天山区档案馆', region: ['新疆维吾尔自治区', '乌鲁木齐市', '天山区', '650102'], fiscalYear: 2023 } },
  { id: 'year-in-subtitle', province: '青海', kind: 'self-evaluation-table',
    html: form('部门整体支出绩效自评表</p><p>（2022年度）', [['部门名称', '西宁市城东区粮食和物资储备局'], ['填报日期', '2023年2月10日']]),
    expect: { department: '西宁市城东区粮食和物资储备局', region: ['青海省', '西宁市', '城东区', '630102'], fiscalYear: 2022 } },
  { id: 'year-fill-date-only', province: '西藏', kind: 'self-evaluation-table',
    html: form('2022年部门整体支出绩效自评表', [['部门名称', '拉萨市城关区教育局'], ['填报日期', '2023年4月1日']]),
    expect: { department: '拉萨市城关区教育局', region: ['西藏自治区', '拉萨市', '城关区', '540102'], fiscalYear: 2022 } },
  // Traditional characters and brackets: one key.
  { id: 'traditional-title', province: '广东', kind: 'self-evaluation-report',
    text: '廣州市海珠區衞生健康局2022年度部門整體支出績效自評報告\n一、部門基本情況\n本局內設科室7個。',
    expect: { department: '廣州市海珠區衞生健康局', key: '广州市海珠区卫生健康局', region: ['广东省', '广州市', '海珠区', '440105'], fiscalYear: 2022 } },
  { id: 'traditional-cover', province: '北京', kind: 'table-explanation',
    text: '部門整體支出績效自評表說明\n部門名稱：北京市東城區發展和改革委員會（公章）\n一、績效自評情況\n2023年度本部門完成了年度目標。',
    expect: { department: '北京市東城區發展和改革委員會', key: '北京市东城区发展和改革委员会', region: ['北京市', '北京市', '东城区', '110101'], fiscalYear: 2023 } },
  { id: 'half-width-brackets', province: '广东', kind: 'self-evaluation-table',
    html: form('2022年度部门整体支出绩效自评表', [['部门名称', '广州市增城区科技工业商务和信息化局(增城开发区工业商务和信息化局)']]),
    expect: { department: '广州市增城区科技工业商务和信息化局(增城开发区工业商务和信息化局)', key: '广州市增城区科技工业商务和信息化局（增城开发区工业商务和信息化局）', region: ['广东省', '广州市', '增城区', '440118'], fiscalYear: 2022 } },
  { id: 'traditional-seal', province: '浙江', kind: 'self-evaluation-report',
    text: '部門整體支出績效自評報告\n一、基本情況\n2022年度，本局完成了各項任務。\n寧波市江北區商務局（蓋章）\n2023年3月1日',
    expect: { department: '寧波市江北區商務局', key: '宁波市江北区商务局', region: ['浙江省', '宁波市', '江北区', '330205'], fiscalYear: 2022 } },
  // Places the data does not know: kept as printed, nothing guessed.
  { id: 'invented-county', province: '湖南', kind: 'self-evaluation-table',
    html: form('部门整体支出绩效自评表（2023年度）', [['部门（单位）名称', '沅溪县枫木乡人民政府']]),
    expect: { department: '沅溪县枫木乡人民政府', region: [null, null, '沅溪县', null], fiscalYear: 2023 } },
  { id: 'invented-city-district', province: '河北', kind: 'self-evaluation-report',
    text: '燕州市滦东区统计局2023年度部门整体支出绩效自评报告\n我局对2023年度部门整体支出开展了绩效自评。\n燕州市滦东区统计局（盖章）\n2024年4月10日',
    expect: { department: '燕州市滦东区统计局', region: [null, '燕州市', '滦东区', null], fiscalYear: 2023 } },
  { id: 'known-province-invented-county', province: '重庆', kind: 'self-evaluation-table',
    html: form('2021年度部门整体支出绩效自评表', [['主管部门', '重庆市渝岭区城市管理局']]),
    expect: { department: '重庆市渝岭区城市管理局', region: ['重庆市', '重庆市', '渝岭区', null], fiscalYear: 2021 } },
  { id: 'ambiguous-county-alone', province: '辽宁', kind: 'self-evaluation-table',
    html: form('部门整体支出绩效自评表（2022年度）', [['部门名称', '和平区司法局']]),
    expect: { department: '和平区司法局', region: [null, null, '和平区', null], fiscalYear: 2022 } },
  { id: 'unique-county-alone', province: '黑龙江', kind: 'self-evaluation-table',
    html: form('部门整体支出绩效自评表（2022年度）', [['部门名称', '道里区城市管理局']]),
    expect: { department: '道里区城市管理局', region: ['黑龙江省', '哈尔滨市', '道里区', '230102'], fiscalYear: 2022 } },
  { id: 'filler-as-last-resort', province: '江苏', kind: 'self-evaluation-table',
    html: form('部门整体支出绩效自评表（2023年度）', [['填报单位（盖章）', '南京市鼓楼区卫生健康委员会'], ['填报日期', '2024年1月5日']]),
    expect: { department: '南京市鼓楼区卫生健康委员会', region: ['江苏省', '南京市', '鼓楼区', '320106'], fiscalYear: 2023 } },
  { id: 'no-department', province: '山东', kind: 'self-evaluation-report',
    text: '部门整体支出绩效自评报告\n一、基本情况\n我局2022年度圆满完成了各项任务。\n二、存在问题\n预算执行进度偏慢。',
    expect: { department: null, region: null, fiscalYear: 2022 } },
];
