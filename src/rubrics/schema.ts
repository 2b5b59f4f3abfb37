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
  rule: RubricRule,
});
export type RubricEntry = z.infer<typeof RubricEntry>;

export const RubricNode = z.object({ name: z.string(), weight: z.number().positive(), parent: z.string().nullable() });

export const GradeBand = z.object({
  grade: z.enum(['优', '良', '中', '差']),
  /** Inclusive lower bound. */
  min: z.number(),
  /** Exclusive upper bound, except for the top band (max inclusive). */
  max: z.number(),
});

export const Rubric = z.object({
  id: z.string(),
  title: z.string(),
  region: z.string().describe('city the rubric is set by, e.g. 广州市'),
  /** Fiscal years the rubric was published for. */
  fiscalYears: z.array(z.number().int()),
  total: z.number(),
  level1: z.array(RubricNode),
  level2: z.array(RubricNode),
  entries: z.array(RubricEntry),
  grades: z.array(GradeBand),
  notes: z.array(z.string()).default([]),
});
export type Rubric = z.infer<typeof Rubric>;
