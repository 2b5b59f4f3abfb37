import { z } from 'zod';
import { Indicator } from './indicator.js';
import { Provenance } from './provenance.js';
import { Target } from './target.js';
import { Grade, Verification } from './verification.js';

export const SCHEMA_VERSION = '2';

export const DocumentKind = z
  .enum(['self-evaluation-table', 'self-evaluation-report', 'table-explanation', 'project-table', 'project-report', 'unknown'])
  .describe(
    'self-evaluation-table: 部门整体支出绩效自评表; self-evaluation-report: 部门整体支出绩效自评报告; table-explanation: 自评表说明; project-table: 项目支出绩效自评表; project-report: 项目支出绩效自评报告',
  );
export type DocumentKind = z.infer<typeof DocumentKind>;

export const SourceFormat = z.enum(['pdf', 'html', 'docx', 'xlsx', 'text', 'image']).describe('the input format, found from the content');

export const Source = z
  .object({
    path: z.string().describe('the input path as given (recorded, never used to decide anything)'),
    sha256: z.string().describe('SHA-256 of the input bytes, hex'),
    format: SourceFormat,
    pageCount: z.number().int().nullable().describe('pages of a PDF or image; null for formats without pages'),
    producer: z.string().nullable().describe('the PDF producer or office application, when stated'),
    ocrPages: z.array(z.number().int().positive()).default([]).describe('1-based pages whose text was read by OCR; empty when none'),
  })
  .describe('The input file');
export type Source = z.infer<typeof Source>;

export const Classification = z
  .object({
    score: z.number().min(0).max(1).describe('how strongly the content fits the kind, 0–1'),
    evidence: z.array(z.string()).describe('the signals that decided the kind (title words, header vocabulary, blocks present), strongest first'),
  })
  .describe('Why the document was read as its kind');
export type Classification = z.infer<typeof Classification>;

export const Department = z
  .object({
    name: z.string().nullable().describe('the department that evaluates itself, as printed'),
    key: z
      .string()
      .nullable()
      .default(null)
      .describe('the name normalised for grouping and pairing (NFKC, brackets and spaces unified, traditional → simplified, seal notes dropped)'),
    region: z.string().nullable().describe('the county-level area (district, county) as printed, e.g. 增城区; see the top-level region for the structured form'),
    inferred: z.boolean().describe('true when the name was not in a form field or title but found in the text'),
    provenance: Provenance.nullable(),
  })
  .describe('The evaluated department');
export type Department = z.infer<typeof Department>;

export const Region = z
  .object({
    province: z.string().nullable().describe('province-level name (广东省, 重庆市); null when neither the document nor the division data says'),
    city: z.string().nullable().describe('prefecture-level name (广州市)'),
    county: z.string().nullable().describe('county-level name (增城区, 白溪县)'),
    code: z.string().nullable().describe('GB/T 2260 code of the most specific level found in the administrative-division data; null when not found'),
    provenance: Provenance.nullable(),
  })
  .describe('Where the department is');
export type Region = z.infer<typeof Region>;

export const Project = z
  .object({
    name: z.string().nullable().describe('项目名称 without a leading project code'),
    code: z.string().nullable().describe('项目编码 / the code printed before the name'),
    supervisor: z.string().nullable().describe('主管部门'),
    implementer: z.string().nullable().describe('实施单位'),
    provenance: Provenance.nullable(),
  })
  .describe('The project a project form or report evaluates');
export type Project = z.infer<typeof Project>;

export const Task = z
  .object({
    index: z.number().int().describe('1-based task number'),
    goal: z.string().nullable().describe('the task as planned'),
    completion: z.string().nullable().describe('what was done'),
    unmetReason: z.string().nullable().describe('why it was not done, when stated'),
  })
  .describe('One 年度主要任务');
export type Task = z.infer<typeof Task>;

export const Goals = z
  .object({
    overall: z.string().nullable().describe('年度（整体）绩效目标'),
    completion: z.string().nullable().describe('完成情况'),
    unmetReasons: z.string().nullable().describe('未能完成原因'),
    tasks: z.array(Task).describe('the goals split into tasks'),
  })
  .describe('The goals and what became of them');
export type Goals = z.infer<typeof Goals>;

const amount = (what: string) => z.number().nullable().describe(`${what}, 万元`);

export const BudgetLine = z
  .object({
    label: z.string().describe('the label as printed'),
    amount: z.number().describe('the amount in 万元'),
    unit: z.literal('万元').describe('always 万元 (亿元 × 10,000, 元 ÷ 10,000)'),
    text: z.string().describe('the figure as printed, with its unit'),
    provenance: Provenance,
  })
  .describe('One labelled budget figure');
export type BudgetLine = z.infer<typeof BudgetLine>;

export const BudgetSplit = z
  .object({
    label: z.string().nullable().describe('the split as the form names it (按收入性质分, 按支出性质分, 其中); null when unnamed'),
    total: z.string().describe('label of the total the parts make up, as printed (全年预算数, 年度资金总额, 项目支出)'),
    totalAmount: z.number().describe('that total, 万元'),
    parts: z
      .array(z.object({ label: z.string().describe('the part as printed'), amount: z.number().describe('万元') }))
      .describe('the parts, in document order'),
    provenance: Provenance,
  })
  .describe('A budget total and the parts the form splits it into (checked to add up)');
export type BudgetSplit = z.infer<typeof BudgetSplit>;

export const Budget = z
  .object({
    total: amount('全年预算数 / 调整后预算数 / 年度预算数'),
    initial: amount('年初预算数'),
    basic: amount('基本支出'),
    project: amount('项目支出'),
    specialFunds: amount('专项资金'),
    otherDevelopment: amount('其他事业发展支出'),
    fiscalAppropriation: amount('财政拨款'),
    otherFunds: amount('其他资金'),
    districtLevel: amount('区本级资金'),
    transfers: amount('对下转移支付'),
    actualSpending: amount('全年执行数 / 实际支出'),
    executionRate: z.number().nullable().describe('预算执行率 as printed, a fraction (92.97% → 0.9297)'),
    carryover: amount('年末结转和结余'),
    lines: z.array(BudgetLine).describe('every labelled budget figure, in document order'),
    splits: z.array(BudgetSplit).default([]).describe('totals and the parts the form splits them into; empty when the form shows no split'),
  })
  .describe('The budget figures');
export type Budget = z.infer<typeof Budget>;
export type BudgetField = Exclude<keyof Budget, 'lines' | 'splits'>;

export const CategoryScore = z
  .object({
    score: z.number().nullable().describe('the declared score of the category'),
    max: z.number().nullable().describe('its weight'),
    statedCount: z.number().int().nullable().describe('the number of indicators the document says it set (设置了 19 个产出指标)'),
  })
  .describe('A declared category score');
export type CategoryScore = z.infer<typeof CategoryScore>;

export const Declared = z
  .object({
    total: z.number().nullable().describe('总分 / 自评得分 as declared'),
    grade: Grade.nullable().describe('the grade ticked or stated'),
    byLevel1: z.record(z.string(), z.number()).describe('declared 一级指标 subtotals by name'),
    byCategory: z.record(z.string(), CategoryScore).describe('declared category scores; keys: output, benefit, budgetExecution, …'),
    provenance: z.record(z.string(), Provenance).describe('where each declared value was read (keys: total, grade, level1.<name>, category.<key>)'),
  })
  .describe('What the document declares');
export type Declared = z.infer<typeof Declared>;

export const FactUnit = z.enum(['万元', 'ratio', 'count', 'points']).describe('万元: money; ratio: a fraction; count: a number of items; points: a score');
export type FactUnit = z.infer<typeof FactUnit>;

export const Fact = z
  .object({
    value: z.number().describe('the value in its unit'),
    unit: FactUnit,
    text: z.string().describe('the figure as printed'),
    provenance: Provenance,
  })
  .describe('An input of a formula rule, as the document states it');
export type Fact = z.infer<typeof Fact>;

export const DocumentWarning = z
  .object({
    code: z.string().describe('stable English code (DEPARTMENT_INFERRED, RUBRIC_YEAR_FALLBACK, RUBRIC_NOT_AVAILABLE, LOW_OCR_CONFIDENCE …)'),
    message: z.string().describe('Chinese, one sentence'),
    provenance: Provenance.nullable(),
  })
  .describe('A problem met while reading or scoring the document');
export type DocumentWarning = z.infer<typeof DocumentWarning>;

export const Document = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION).describe('version of this contract'),
    source: Source,
    kind: DocumentKind,
    classification: Classification,
    department: Department,
    region: Region.nullable().describe('where the department is; null when nothing says'),
    project: Project.nullable().describe('the project of a project form or report; null for department-wide documents'),
    fiscalYear: z.number().int().nullable().describe('the year evaluated (2022年度), never a notice-number or publication year'),
    fiscalYearProvenance: Provenance.nullable().describe('where the fiscal year was read'),
    goals: Goals,
    budget: Budget,
    indicators: z.array(Indicator).describe('the scored rows of a table, in document order'),
    targets: z.array(Target).describe('the target/actual pairs of a report or explanation, in document order'),
    declared: Declared,
    facts: z
      .record(z.string(), Fact)
      .describe('inputs of formula rules: budgetExecutionRate, carryoverRate, fixedAssetUtilization, deduction.<一级指标>, …'),
    verification: Verification,
    warnings: z.array(DocumentWarning).describe('problems met while reading or scoring'),
  })
  .describe('selfeval canonical document, schema version 2');
export type Document = z.infer<typeof Document>;
