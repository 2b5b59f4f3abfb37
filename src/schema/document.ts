import { z } from 'zod';
import { Indicator } from './indicator.js';
import { Provenance } from './provenance.js';
import { Target } from './target.js';
import { Grade, Verification } from './verification.js';

export const SCHEMA_VERSION = '1';

export const DocumentKind = z.enum([
  'self-evaluation-table',
  'self-evaluation-report',
  'table-explanation',
  'unknown',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const SourceFormat = z.enum(['pdf', 'html', 'docx', 'xlsx', 'text', 'image']);

export const Source = z.object({
  path: z.string(),
  sha256: z.string(),
  format: SourceFormat,
  pageCount: z.number().int().nullable(),
  producer: z.string().nullable(),
});

export const Department = z.object({
  name: z.string().nullable(),
  region: z.string().nullable().describe('district, e.g. 增城区'),
  inferred: z.boolean().describe('true when the name was not in its form field but found in the text'),
  provenance: Provenance.nullable(),
});

export const Task = z.object({
  index: z.number().int(),
  goal: z.string().nullable(),
  completion: z.string().nullable(),
  unmetReason: z.string().nullable(),
});

export const Goals = z.object({
  overall: z.string().nullable(),
  completion: z.string().nullable(),
  unmetReasons: z.string().nullable(),
  tasks: z.array(Task),
});

const amount = z.number().nullable().describe('万元');

export const BudgetLine = z.object({
  label: z.string(),
  amount: z.number(),
  unit: z.literal('万元'),
  text: z.string(),
  provenance: Provenance,
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const Budget = z.object({
  total: amount,
  initial: amount,
  basic: amount,
  project: amount,
  specialFunds: amount,
  otherDevelopment: amount,
  fiscalAppropriation: amount,
  otherFunds: amount,
  districtLevel: amount,
  transfers: amount,
  actualSpending: amount,
  executionRate: z.number().nullable().describe('fraction: 92.97% → 0.9297'),
  carryover: amount,
  lines: z.array(BudgetLine),
});
export type Budget = z.infer<typeof Budget>;
export type BudgetField = Exclude<keyof Budget, 'lines'>;

export const CategoryScore = z.object({
  score: z.number().nullable(),
  max: z.number().nullable(),
  statedCount: z.number().int().nullable(),
});

export const Declared = z.object({
  total: z.number().nullable(),
  grade: Grade.nullable(),
  byLevel1: z.record(z.string(), z.number()),
  byCategory: z.record(z.string(), CategoryScore).describe('keys: output, benefit, budgetExecution, …'),
  provenance: z.record(z.string(), Provenance),
});
export type Declared = z.infer<typeof Declared>;

export const Fact = z.object({ value: z.number(), text: z.string(), provenance: Provenance });
export type Fact = z.infer<typeof Fact>;

export const DocumentWarning = z.object({
  code: z.string(),
  message: z.string(),
  provenance: Provenance.nullable(),
});
export type DocumentWarning = z.infer<typeof DocumentWarning>;

export const Document = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: Source,
    kind: DocumentKind,
    department: Department,
    fiscalYear: z.number().int().nullable(),
    goals: Goals,
    budget: Budget,
    indicators: z.array(Indicator),
    targets: z.array(Target),
    declared: Declared,
    facts: z
      .record(z.string(), Fact)
      .describe('inputs of formula rules: budgetExecutionRate, carryoverRate, fixedAssetUtilization, …'),
    verification: Verification,
    warnings: z.array(DocumentWarning),
  })
  .describe('selfeval canonical document, schema version 1');
export type Document = z.infer<typeof Document>;
