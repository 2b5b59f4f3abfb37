import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/pipeline/run.js';
import { BEYOND, beyondFacts, beyondFiles } from '../helpers/facts.js';
import { ROOT } from '../helpers/samples.js';

const LOOKALIKES = join(ROOT, 'test', 'fixtures', 'lookalikes');

async function read(path: string) {
  return extractBytes(new Uint8Array(readFileSync(path)), path);
}

describe('classification: look-alikes are refused, saying what they are', () => {
  const cases: Array<[string, RegExp]> = [
    ['budget.html', /部门预算/u],
    ['budget.pdf', /部门预算/u],
    ['monitoring.html', /绩效运行监控/u],
    ['monitoring.pdf', /绩效运行监控/u],
    ['ex-ante.txt', /事前绩效评估/u],
    ['third-party.txt', /第三方重点绩效评价/u],
    ['notice.html', /通知/u],
    ['attachments.html', /只列出附件/u],
    ['targets-untitled.html', /绩效目标表.*没有实际完成值和得分/u],
  ];
  it.each(cases)('%s', async (file, what) => {
    const result = await read(join(LOOKALIKES, file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('NOT_SELF_EVALUATION');
    expect(result.error.message).toMatch(what);
  }, 30_000);

  it('a prose report titled like a table stays a report, with the evidence for it', async () => {
    const result = await read(join(LOOKALIKES, 'report-titled-as-table.txt'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.kind).toBe('self-evaluation-report');
    expect(result.document.classification.evidence.some((e) => e.startsWith('标题写作自评表，但内容是文字报告'))).toBe(true);
    expect(result.document.declared.total).toBe(93.5);
    expect(result.document.department.name).toBe('青河县文化和旅游局');
  }, 30_000);
});

describe('classification of samples/beyond in every format', () => {
  const files = beyondFacts().flatMap((f) => beyondFiles(f.id).map((file) => [file, f.kind, f.expectedError ?? null] as const));
  it.each(files)('%s is %s', async (file, kind, expectedError) => {
    const result = await read(join(BEYOND, file));
    if (expectedError) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(expectedError);
      // The message names what the file is instead.
      expect(result.error.message).toMatch(/这是(?:部门决算|绩效目标申报表)/u);
      return;
    }
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    if (!result.ok) return;
    expect(result.document.kind).toBe(kind);
    expect(result.document.classification.score).toBeGreaterThanOrEqual(0.35);
    expect(result.document.classification.evidence.length).toBeGreaterThan(0);
  }, 60_000);
});
