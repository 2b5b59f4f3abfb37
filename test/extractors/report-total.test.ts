import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/pipeline/run.js';
import { SAMPLES } from '../helpers/samples.js';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

async function readText(text: string) {
  const result = await extractBytes(encode(text), 'report.txt');
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

describe('a report total is taken only when it is clearly the total', () => {
  const original = readFileSync(join(SAMPLES, 'baiyun-2023-report.txt'), 'utf8');

  it('reads the stated total of the intact report', async () => {
    const doc = await readText(original);
    expect(doc.declared.total).toBe(98.57);
  }, 30_000);

  it('leaves the total null with a warning when its sentence is damaged, never a sub-score', async () => {
    const damaged = original.replace('自评得分为 98.57 分', '自评得#为 98.57 分');
    expect(damaged).not.toBe(original);
    const doc = await readText(damaged);
    // 48.57 is 履职效能's score (总分 50 分，自评得分 48.57 分): not the total.
    expect(doc.declared.total).toBeNull();
    expect(doc.warnings.map((w) => w.code)).toContain('TOTAL_UNCLEAR');
    expect(doc.verification.findings.map((f) => f.code)).not.toContain('TOTAL_MISMATCH');
  }, 30_000);

  it('a project total stated after the budget score is the total (加上预算执行指标得分9.5分（…满分10分），项目自评得分为92分)', async () => {
    const doc = await readText('某县科学技术局2023年度科技项目支出绩效自评报告\n项目名称：科技项目\n' +
      '项目设置共3项指标，指标得分82.5分。加上预算执行指标得分9.5分（预算执行率95.00%，满分10分），项目自评得分为92分。\n' +
      '一、项目概况\n项目资金全部为市级财政资金，全年执行顺利，主要产出目标全面完成，群众满意度较高，项目资金使用规范。\n' +
      '二、自评结论\n经综合评价，本项目2023年度绩效自评得分92分，等级为“优”。');
    expect(doc.declared.total).toBe(92);
    expect(doc.declared.grade).toBe('优');
  }, 30_000);
});
