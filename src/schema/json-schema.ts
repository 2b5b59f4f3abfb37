import { z } from 'zod';
import { Document, SCHEMA_VERSION } from './document.js';
import { ResultLine } from './results.js';

/** The JSON Schema of a Document, generated from the zod schema (never written by hand). */
export function documentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Document, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $id: `https://selfeval.local/schema/document-${SCHEMA_VERSION}.json`, title: `selfeval Document (schema version ${SCHEMA_VERSION})`, ...schema };
}

/** The JSON Schema of one results.jsonl line. */
export function resultLineJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ResultLine, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $id: `https://selfeval.local/schema/result-line-${SCHEMA_VERSION}.json`, title: `selfeval results.jsonl line (schema version ${SCHEMA_VERSION})`, ...schema };
}
