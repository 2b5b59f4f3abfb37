import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FindingCode } from '../../src/schema/index.js';
import { verifyDocument } from '../../src/scoring/index.js';
import { documentChecks, entryChecks, rules } from '../../src/scoring/rules/index.js';

const rulesDir = new URL('../../src/scoring/rules/', import.meta.url);
const ruleFiles = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/u, ''));

describe('rule registry parity', () => {
  it('registers every file in src/scoring/rules exactly once, under its file name', () => {
    const registered = [
      ...Object.values(rules).map((r) => r.meta.id),
      ...entryChecks.map((r) => r.meta.id),
      ...documentChecks.map((r) => r.meta.id),
    ];
    expect([...registered].sort()).toEqual([...ruleFiles].sort());
    for (const [key, rule] of Object.entries(rules)) expect(rule.meta.id).toBe(key);
  });

  it('keeps the rule-type registry sorted', () => {
    const keys = Object.keys(rules);
    expect(keys).toEqual([...keys].sort());
  });

  it('has a test file per rule file', () => {
    for (const file of ruleFiles) expect(existsSync(new URL(`./rules/${file}.test.ts`, import.meta.url)), file).toBe(true);
  });

  it('gives every finding code a source in the rule files', async () => {
    const { readFileSync } = await import('node:fs');
    const sources = ruleFiles.map((f) => readFileSync(new URL(`${f}.ts`, rulesDir), 'utf8')).join('\n');
    for (const code of FindingCode.options) expect(sources, code).toContain(`'${code}'`);
  });

  it('has Chinese messages for every message id', () => {
    for (const module of [...Object.values(rules), ...entryChecks, ...documentChecks]) {
      for (const message of Object.values(module.meta.messages)) expect(message).toMatch(/[\u4e00-\u9fff]/u);
    }
  });

  it('does not modify the document it verifies', async () => {
    const { zengchengTable, zengchengReport } = await import('./zengcheng-2022.js');
    const table = zengchengTable();
    const before = JSON.stringify(table);
    verifyDocument(table, { companions: [zengchengReport()] });
    expect(JSON.stringify(table)).toBe(before);
  });
});
