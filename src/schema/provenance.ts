import { z } from 'zod';

/** [x0, y0, x1, y1] in PDF points, origin at the page's top-left corner. */
export const BBox = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .describe('[x0, y0, x1, y1] in PDF points (1/72 inch), origin at the top-left corner of the page, y downwards');

export const Provenance = z
  .object({
    page: z.number().int().positive().nullable().describe('1-based page number; null for formats without pages (text, HTML, DOCX, XLSX)'),
    bbox: BBox.nullable().describe('box of the source text on that page; null for formats without geometry'),
    text: z
      .string()
      .describe('the source snippet the value was read from; for formats without boxes it starts with the locator, e.g. "[table 3 row 5 cell 8] 6.28", "[Sheet1!H9]", "[block 5]", "[line 40]"'),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('OCR recognition confidence of the text, 0–1; present only for values read from a page image'),
  })
  .describe('Where a value came from');
export type Provenance = z.infer<typeof Provenance>;
