import { z } from 'zod';
import { Document } from './document.js';

/** The JSON Schema of a Document, generated from the zod schema (never written by hand). */
export function documentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Document, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $id: 'https://selfeval.local/schema/document-1.json', title: 'selfeval Document (schema version 1)', ...schema };
}
