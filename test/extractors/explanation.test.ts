import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/pipeline/run.js';
import { SAMPLES, readSample } from '../helpers/samples.js';

describe('explanation extractor', () => {
  it.each(['panyu-2024-table-explanation.txt', 'panyu-2024-table-explanation.html'])('%s: cover, total, inline pairs', async (file) => {
    const doc = await readSample(file);
    expect(doc.kind).toBe('table-explanation');
    expect(doc.department).toMatchObject({ name: '广州市番禺区科技工业商务和信息化局', region: '番禺区' });
    expect(doc.fiscalYear).toBe(2024);
    expect(doc.declared.total).toBe(99.52);
    expect(doc.facts['subordinateUnitCount']?.value).toBe(6);
    expect(doc.declared.byCategory).toMatchObject({ output: { statedCount: 10 }, benefit: { statedCount: 13 } });
    expect(doc.goals.tasks.map((t) => t.index)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.targets[0]).toMatchObject({
      name: '产业扶持资金促进企业产生工业投资',
      target: { value: 20, unit: '亿元', comparator: '>=' },
      actual: { value: 23.39, unit: '亿元' },
    });
    const byName = (n: string) => doc.targets.find((t) => t.name === n);
    expect(byName('企业技术改造项目备案审批办理')).toMatchObject({ target: { value: 3, unit: '个工作日', comparator: '<=' } });
    expect(byName('全社会研发投入强度')).toMatchObject({ target: { value: 0.03, unit: '%', comparator: '>=' }, actual: { value: 0.0354 } });
    expect(byName('实际利用外资')).toMatchObject({ target: { value: 11, unit: '亿元' }, actual: { value: 13.98 } });
    // A target written with two measures is read in the unit its actual shares; a negative actual keeps its sign.
    expect(byName('支持整车企业扩生产促消费去库存')).toMatchObject({ target: { value: 0, unit: '%', comparator: '<' }, actual: { value: -0.4581, unit: '%' } });
    expect(byName('项目资金成本控制不超预算')).toMatchObject({ target: { qualitative: true }, actual: { qualitative: true } });
    // 实际达到 X states what was reached: no comparator.
    expect(byName('促进汽车产业相关企业产值')).toMatchObject({ actual: { value: 1044.65, comparator: null } });
    // Qualitative benefit items stated without 实际 are pairs too.
    expect(byName('对满足群众充电需求的作用')).toMatchObject({ target: { qualitative: true }, actual: { qualitative: true, text: expect.stringContaining('起到了积极的作用') } });
    expect(doc.targets).toHaveLength(21);
    expect(doc.targets.find((t) => t.name?.startsWith('2024年'))?.name).toBe('2024年实现番禺区外贸进出口');
  });
});

describe('kind detection', () => {
  it('reads the kind from the content, not the file name', async () => {
    const bytes = new Uint8Array(readFileSync(join(SAMPLES, 'baiyun-2023-report.txt')));
    const result = await extractBytes(bytes, 'misleading-table-name.txt');
    expect(result.ok && result.document.kind).toBe('self-evaluation-report');
  });

  it('refuses a file that is not a self-evaluation, naming it', async () => {
    const bytes = new TextEncoder().encode('<html><body><p>会议通知：请各单位于周五前报送材料。</p></body></html>');
    const result = await extractBytes(bytes, 'notice.html');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('NOT_SELF_EVALUATION');
      expect(result.error.message).toContain('notice.html');
    }
  });
});
