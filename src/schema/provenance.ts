import { z } from 'zod';

/** [x0, y0, x1, y1] in PDF points, origin at the page's top-left corner. */
export const BBox = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .describe('[x0, y0, x1, y1] in PDF points, top-left origin');

export const Provenance = z
  .object({
    page: z.number().int().positive().nullable().describe('1-based page; null for formats without pages'),
    bbox: BBox.nullable(),
    text: z.string().describe('the source snippet the value was read from'),
    confidence: z.number().min(0).max(1).optional().describe('OCR recognition confidence 0..1 (only for values read by OCR)'),
  })
  .describe('Where a value came from');
export type Provenance = z.infer<typeof Provenance>;
