import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentJsonSchema } from '../../src/schema/json-schema.js';

describe('JSON Schema', () => {
  it('the shipped copy is the one generated from the zod schema (run `npm run schema` after a change)', () => {
    const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '../../schema/document.schema.json'), 'utf8'));
    expect(shipped).toEqual(documentJsonSchema());
  });

  it('names the contract fields', () => {
    const schema = documentJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    for (const field of ['schemaVersion', 'source', 'kind', 'department', 'fiscalYear', 'goals', 'budget', 'indicators', 'targets', 'declared', 'facts', 'verification', 'warnings']) {
      expect(schema.required).toContain(field);
    }
  });
});
