import { z } from 'zod';

/**
 * A rubric (评分标准) as data: the tree of 一级/二级/三级 indicators with weights, and for each 三级
 * entry the id of the rule type that scores it plus that rule's parameters. Formulas live in the
 * rule modules (src/scoring/rules); a rubric file carries only ids, names, weights, bands and steps.
 */
export const RubricRule = z.object({
  /** A key of the rule registry in src/scoring/rules/index.ts, e.g. 'binary', 'completion-rate'. */
  type: z.string(),
  /** The rule's parameters, validated against that rule's own params schema when the rubric loads. */
  params: z.record(z.string(), z.unknown()).default({}),
  /** Where the rule text comes from (e.g. 'liwan-2023-table 评分标准' or '2023 text reused for 2022'). */
  source: z.string().optional(),
});
export type RubricRule = z.infer<typeof RubricRule>;

export const RubricEntry = z.object({
  /** Stable id, the same across years for the same indicator (e.g. 'carryover-rate'). */
  id: z.string().regex(/^[a-z0-9-]+$/u),
  /** The 三级指标 name as the finance bureau prints it. */
  name: z.string(),
  /** Other spellings seen in documents. */
  aliases: z.array(z.string()).default([]),
  level1: z.string(),
  level2: z.string(),
  weight: z.number().positive(),
  /** Weights of sub-rows printed under one name (采购意向公开合规性: [0.5, 1.5]); null when one row. */
  parts: z.array(z.number().positive()).nullable().default(null),
  /** Phrases from its 指标解释/评分标准 that identify a row whose name cell is blank. */
  keywords: z.array(z.string()).default([]),
  /** The key under Document.declared.byCategory this entry's score corresponds to, if any. */
  category: z.string().nullable().default(null),
  /** 'budget-execution': the entry scores the row a form marks as its budget-execution row (Indicator.role). */
  role: z.enum(['budget-execution']).nullable().default(null),
  rule: RubricRule,
});
export type RubricEntry = z.infer<typeof RubricEntry>;

export const RubricNode = z.object({ name: z.string(), weight: z.number().positive(), parent: z.string().nullable() });
export type RubricNode = z.infer<typeof RubricNode>;

export const GradeBand = z.object({
  grade: z.enum(['优', '良', '中', '差']),
  /** Inclusive lower bound. */
  min: z.number(),
  /** Exclusive upper bound, except for the top band (max inclusive). */
  max: z.number(),
});

/**
 * Where a rubric applies: the most specific level given must be the document's. Names as the
 * administrative-division data writes them (广东省, 广州市); `code` is the GB/T 2260 code of that level.
 */
export const RubricRegion = z
  .object({
    province: z.string().nullable(),
    city: z.string().nullable(),
    county: z.string().nullable(),
    code: z.string().regex(/^\d{6}$/u).nullable(),
  })
  .strict();
export type RubricRegion = z.infer<typeof RubricRegion>;

/**
 * A rubric whose indicators are the form's own (the national project form): every row that is not an
 * entry's (not the budget-execution row) is scored by one rule, out of the weight the form prints for it.
 */
export const RowRule = z
  .object({
    /** Reported as the rubricId of each row's Check. */
    id: z.string().regex(/^[a-z0-9-]+$/u),
    name: z.string(),
    /** The 一级 node the rows make up together (绩效指标 90). */
    level1: z.string(),
    weight: z.number().positive(),
    /** The byCategory key that states the rows' maximum (绩效指标（90分） → indicators). */
    category: z.string().nullable().default(null),
    rule: RubricRule,
  })
  .strict();
export type RowRule = z.infer<typeof RowRule>;

/** The document kinds a rubric may name (the same strings as Document.kind; rubrics import no schema). */
export const RUBRIC_KINDS = ['self-evaluation-table', 'self-evaluation-report', 'table-explanation', 'project-table', 'project-report'] as const;

export const Rubric = z.object({
  id: z.string(),
  title: z.string(),
  /** Where the rubric applies; null: anywhere (the national project form, chosen by the form). */
  region: RubricRegion.nullable(),
  /** The forms it scores. */
  kinds: z.array(z.enum(RUBRIC_KINDS)).min(1),
  /** Fiscal years the rubric was published for. */
  fiscalYears: z.array(z.number().int()).min(1),
  /** true: stays in force for later years until a newer version is published (no fallback warning). */
  openEnded: z.boolean().default(false),
  /**
   * What the rubric calls 预算执行率: 'executed-over-budget' (全年执行数 / 全年预算数) or 'monthly-average'
   * (the mean of the monthly rates, as 广州市 defines it), so a printed annual ratio is judged by the right yardstick.
   */
  executionRate: z.enum(['executed-over-budget', 'monthly-average']).default('executed-over-budget'),
  total: z.number(),
  level1: z.array(RubricNode),
  level2: z.array(RubricNode),
  entries: z.array(RubricEntry),
  /** Scores the form's own indicator rows; null for a rubric that lists every indicator. */
  rowRule: RowRule.nullable().default(null),
  grades: z.array(GradeBand),
  notes: z.array(z.string()).default([]),
});
export type Rubric = z.infer<typeof Rubric>;
