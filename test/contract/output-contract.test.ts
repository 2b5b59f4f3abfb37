/**
 * docs/output-contract.md is kept in step with the zod schemas, and the generated JSON Schemas
 * document themselves: every field has a description, every field and code is in the contract page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import * as schema from '../../src/schema/index.js';
import { documentJsonSchema, resultLineJsonSchema } from '../../src/schema/json-schema.js';
import { propertyPaths, type SchemaNode } from '../helpers/json-schema-walk.js';
import { ROOT } from '../helpers/samples.js';
import { fieldRefs, namedTypes } from '../helpers/zod-walk.js';

const CONTRACT = readFileSync(join(ROOT, 'docs/output-contract.md'), 'utf8');

/** The text of the `### Name` section of the contract page (up to the next heading). */
function section(name: string): string | null {
  const start = CONTRACT.indexOf(`\n### ${name}\n`);
  if (start < 0) return null;
  const rest = CONTRACT.slice(start + name.length + 6);
  const end = rest.search(/\n#{2,3} /u);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The fields a section's tables list: the first cell of each row, in backticks. */
function documentedFields(text: string): Set<string> {
  return new Set([...text.matchAll(/^\| `([^`]+)` \|/gmu)].map((m) => m[1] as string));
}

const roots = { Document: schema.Document, ResultLine: schema.ResultLine } as const;
const jsonSchemas = { Document: documentJsonSchema(), ResultLine: resultLineJsonSchema() } as const;

describe('the generated JSON Schemas document themselves', () => {
  it.each(Object.keys(jsonSchemas) as Array<keyof typeof jsonSchemas>)('every field of %s has a description', (name) => {
    const paths = propertyPaths(jsonSchemas[name] as SchemaNode);
    expect(paths.length).toBeGreaterThan(name === 'Document' ? 200 : 30);
    expect(paths.filter((p) => !p.described).map((p) => p.path)).toEqual([]);
  });

  it('the shipped copies are the generated ones (run `npm run schema` after a change)', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'schema/document.schema.json'), 'utf8'))).toEqual(documentJsonSchema());
    expect(JSON.parse(readFileSync(join(ROOT, 'schema/result-line.schema.json'), 'utf8'))).toEqual(resultLineJsonSchema());
  });

  it('an independent validator (ajv, draft 2020-12) compiles both and tells a good result line from a bad one', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.compile(documentJsonSchema());
    const validate = ajv.compile(resultLineJsonSchema());
    const failed = {
      schemaVersion: '2', file: 'x.pdf', sha256: null, ok: false, output: null, format: null, kind: null, department: null,
      departmentKey: null, region: null, project: null, fiscalYear: null, declaredTotal: null, recomputedTotal: null,
      grade: { declared: null, recomputed: null }, summary: null, errors: 1, warnings: 0, findingCodes: [], pageCount: null,
      error: { code: 'ENCRYPTED', message: 'x.pdf: 文件已加密，无法读取 [ENCRYPTED]', detail: null },
    };
    expect(validate(failed), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...failed, schemaVersion: '1' })).toBe(false);
    expect(validate({ ...failed, errors: 'one' })).toBe(false);
    const { grade: _grade, ...withoutGrade } = failed;
    expect(validate(withoutGrade)).toBe(false);
  });
});

describe('docs/output-contract.md is in step with the schemas', () => {
  const names = namedTypes();

  it('the zod walk reaches exactly the fields of the generated JSON Schemas', () => {
    for (const [name, root] of Object.entries(roots)) {
      const fromZod = fieldRefs(root, names).map((r) => r.fullPath).sort();
      const fromJson = propertyPaths(jsonSchemas[name as keyof typeof jsonSchemas] as SchemaNode).map((p) => p.path).sort();
      expect(fromZod).toEqual(fromJson);
    }
  });

  it('every field path of every type is in that type’s section (### Type, first column)', () => {
    const missing: string[] = [];
    for (const root of Object.values(roots)) {
      for (const ref of fieldRefs(root, names)) {
        const text = section(ref.type);
        if (text === null) missing.push(`### ${ref.type} (section missing)`);
        else if (!documentedFields(text).has(ref.field)) missing.push(`${ref.type}: \`${ref.field}\` (${ref.fullPath})`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('no section lists a field the schema does not have', () => {
    const extra: string[] = [];
    const byType = new Map<string, Set<string>>();
    for (const root of Object.values(roots)) for (const ref of fieldRefs(root, names)) byType.set(ref.type, (byType.get(ref.type) ?? new Set()).add(ref.field));
    for (const [type, fields] of byType) for (const f of documentedFields(section(type) ?? '')) if (!fields.has(f)) extra.push(`${type}: ${f}`);
    expect(extra).toEqual([]);
  });

  it('every finding code, check status, severity, kind, format, fact unit and target category is named', () => {
    const enums = {
      FindingCode: schema.FindingCode.options,
      CheckStatus: schema.CheckStatus.options,
      Severity: schema.Severity.options,
      DocumentKind: schema.DocumentKind.options,
      SourceFormat: schema.SourceFormat.options,
      FactUnit: schema.FactUnit.options,
      TargetCategory: schema.TargetCategory.options,
      Comparator: schema.Comparator.options,
    };
    const missing = Object.entries(enums).flatMap(([name, options]) => options.filter((o) => !CONTRACT.includes(`\`${o}\``)).map((o) => `${name}: ${o}`));
    expect(missing).toEqual([]);
    // Codes and statuses each have their row in their table.
    for (const code of schema.FindingCode.options) expect(section('Finding codes')).toMatch(new RegExp(`^\\| \`${code}\` \\| \\S`, 'mu'));
    for (const status of schema.CheckStatus.options) expect(section('Check statuses')).toMatch(new RegExp(`^\\| \`${status}\` \\| \\S`, 'mu'));
    for (const kind of schema.DocumentKind.options) expect(section('Kinds')).toMatch(new RegExp(`^\\| \`${kind}\` \\| \\S`, 'mu'));
  });

  it('every error code is in the error codes table', () => {
    const table = section('Error codes') ?? '';
    expect(ERROR_CODES.filter((code) => !new RegExp(`^\\| \`${code}\` \\| \\S`, 'mu').test(table))).toEqual([]);
  });

  it('says how indicatorSum and recomputedTotal are computed, and what changed from version 1', () => {
    expect(CONTRACT).toContain('## How the totals are computed');
    expect(CONTRACT).toContain('**`indicatorSum`** = Σ `declaredScore`');
    expect(CONTRACT).toContain('**`recomputedTotal`**');
    expect(CONTRACT).toContain('## What changed from version 1 to version 2');
    expect(CONTRACT).toContain(`\`schemaVersion\` is \`"${schema.SCHEMA_VERSION}"\``);
  });
});
