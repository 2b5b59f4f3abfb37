import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/samples.js';

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The module a file belongs to, as the architecture names them. */
function moduleOf(file: string): string {
  const rel = relative(ROOT, file).replaceAll('\\', '/');
  if (rel.startsWith('extractors/')) return 'extractors';
  const m = rel.match(/^src\/([^/]+)\//u);
  if (m?.[1]) return m[1];
  return rel;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/gu)].map((m) => join(file, '..', m[1] as string));
}

/** Which modules each module may import (besides itself). cli → pipeline | report → extractors | scoring → layout | schema | rubrics. */
const ALLOWED: Record<string, string[]> = {
  cli: ['pipeline', 'report', 'schema', 'output', 'readers', 'layout', 'errors.ts'],
  pipeline: ['readers', 'extractors', 'scoring', 'schema', 'layout', 'errors.ts', 'rubrics'],
  output: ['schema', 'layout', 'errors.ts'],
  report: ['readers', 'scoring', 'schema', 'layout', 'errors.ts'],
  extractors: ['layout', 'schema', 'rubrics'],
  scoring: ['schema', 'rubrics'],
  readers: ['layout', 'errors.ts'],
  layout: ['errors.ts'],
  schema: [],
  rubrics: [],
};

describe('architecture', () => {
  const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'extractors'))];

  it.each(Object.keys(ALLOWED))('%s imports only what it may', (module) => {
    const offending: string[] = [];
    for (const file of files.filter((f) => moduleOf(f) === module)) {
      for (const target of importsOf(file)) {
        const to = moduleOf(target.replace(/\.js$/u, '.ts'));
        const toName = to === 'src/errors.ts' ? 'errors.ts' : to;
        if (toName !== module && !(ALLOWED[module] ?? []).includes(toName)) {
          offending.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it('src/index.ts (the public API, which may re-export from every layer) is imported by no module of the package', () => {
    const importers = files.filter((f) => importsOf(f).some((t) => relative(ROOT, t.replace(/\.js$/u, '.ts')) === 'src/index.ts'));
    expect(importers.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('the CLI reaches readers only for the standalone table finder', () => {
    const cliFiles = files.filter((f) => moduleOf(f) === 'cli');
    const readerImports = cliFiles.filter((f) => importsOf(f).some((t) => moduleOf(t.replace(/\.js$/u, '.ts')) === 'readers'));
    expect(readerImports.map((f) => relative(ROOT, f))).toEqual(
      readerImports.length === 0 ? [] : ['src/cli/commands/tables.ts'],
    );
  });

  it('every rule file is registered, and every rubric rule type exists', async () => {
    const { rules } = (await import('../src/scoring/rules/index.js')) as { rules: Record<string, unknown> };
    const ruleTypes = new Set(Object.keys(rules));
    for (const id of ['gz-2022', 'gz-2023']) {
      const rubric = JSON.parse(readFileSync(join(ROOT, 'src/rubrics', `${id}.json`), 'utf8')) as { entries: Array<{ rule: { type: string } }> };
      for (const e of rubric.entries) expect(ruleTypes, `${id}: ${e.rule.type}`).toContain(e.rule.type);
    }
  });

  it('every reader format has a reader and a test', () => {
    for (const format of ['pdf', 'html', 'docx', 'xlsx', 'text']) {
      expect(statSync(join(ROOT, 'src/readers', format, 'index.ts')).isFile()).toBe(true);
    }
  });

  it('no source file is much over 400 lines', () => {
    const long = files.filter((f) => readFileSync(f, 'utf8').split('\n').length > 450).map((f) => relative(ROOT, f));
    expect(long).toEqual([]);
  });
});
