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
      .object({ province: z.string().nullable(), city: z.string().nullable(), county: z.string().nullable(), code: z.string().nullable() })
      .nullable()
      .describe('the document region without provenance'),
    project: z.string().nullable().describe('project name'),
    fiscalYear: z.number().int().nullable(),
    declaredTotal: z.number().nullable(),
    recomputedTotal: z.number().nullable(),
    grade: z.object({ declared: z.string().nullable(), recomputed: z.string().nullable() }).describe('declared grade and the grade of the recomputed total'),
    summary: VerificationSummary.nullable().describe('verification.summary; null when the file failed'),
    errors: z.number().int().describe('findings of severity error (1 for a file that failed)'),
    warnings: z.number().int().describe('findings of severity warning plus document warnings'),
    findingCodes: z.array(z.string()).describe('distinct finding codes, sorted'),
    pageCount: z.number().int().nullable(),
    error: z
      .object({ code: z.string(), message: z.string().describe('Chinese'), detail: z.string().nullable().describe('English or technical detail') })
      .nullable()
      .describe('why the file failed; null when ok'),
  })
  .describe('One line of results.jsonl');
export type ResultLine = z.infer<typeof ResultLine>;
