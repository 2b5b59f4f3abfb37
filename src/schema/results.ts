import { z } from 'zod';
import { DocumentKind, SCHEMA_VERSION, SourceFormat } from './document.js';
import { VerificationSummary } from './verification.js';

/** One line of results.jsonl: what became of one input. No timings: reruns give identical lines. */
export const ResultLine = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION).describe('version of the output contract'),
    file: z.string().describe('the input path as given'),
    sha256: z.string().nullable().describe('SHA-256 of the input bytes; null when the file could not be read'),
    ok: z.boolean().describe('true when the file was read into a Document'),
    output: z.string().nullable().describe('path of the Document JSON written for it; null when it failed'),
    format: SourceFormat.nullable(),
    kind: DocumentKind.nullable(),
    department: z.string().nullable().describe('department name as printed'),
    departmentKey: z.string().nullable().describe('department.key'),
    region: z
      .object({
        province: z.string().nullable().describe('region.province of the Document'),
        city: z.string().nullable().describe('region.city of the Document'),
        county: z.string().nullable().describe('region.county of the Document'),
        code: z.string().nullable().describe('region.code (GB/T 2260) of the Document'),
      })
      .nullable()
      .describe('the document region without provenance'),
    project: z.string().nullable().describe('project name'),
    fiscalYear: z.number().int().nullable().describe('the fiscal year evaluated; null when unknown or the file failed'),
    declaredTotal: z.number().nullable().describe('declared.total of the Document (points)'),
    recomputedTotal: z.number().nullable().describe('verification.recomputedTotal of the Document (points)'),
    grade: z
      .object({
        declared: z.string().nullable().describe('verification.grade.declared: the ticked or stated grade'),
        recomputed: z.string().nullable().describe('verification.grade.fromRecomputedTotal: the grade the recomputed total earns'),
      })
      .describe('declared grade and the grade of the recomputed total'),
    summary: VerificationSummary.nullable().describe('verification.summary; null when the file failed'),
    errors: z.number().int().describe('findings of severity error (1 for a file that failed)'),
    warnings: z.number().int().describe('findings of severity warning plus document warnings'),
    findingCodes: z.array(z.string()).describe('distinct finding codes, sorted'),
    pageCount: z.number().int().nullable().describe('source.pageCount of the Document; null for formats without pages or when the file failed'),
    error: z
      .object({ code: z.string().describe('stable English error code (ENCRYPTED, NO_TEXT_LAYER, …; see docs/output-contract.md)'), message: z.string().describe('Chinese'), detail: z.string().nullable().describe('English or technical detail') })
      .nullable()
      .describe('why the file failed; null when ok'),
  })
  .describe('One line of results.jsonl');
export type ResultLine = z.infer<typeof ResultLine>;
