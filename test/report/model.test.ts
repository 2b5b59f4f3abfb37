import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentLine } from '../../src/pipeline/lines.js';
import { attachEvidence, cropAround, type ImageSink } from '../../src/report/evidence.js';
import { dataBlock, escapeHtml, scriptJson } from '../../src/report/html.js';
import { completionRate, documentDetail, findingTotals, linkCompanions, overviewRow } from '../../src/report/model.js';
import type { Document } from '../../src/schema/document.js';
import { readSample, ROOT } from '../helpers/samples.js';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

class MemorySink implements ImageSink {
  readonly images = new Map<string, Uint8Array>();
  has(key: string): boolean {
    return this.images.has(key);
  }
  async add(key: string, png: Uint8Array): Promise<void> {
    this.images.set(key, png);
  }
}

describe('report data model', { timeout: 60_000 }, () => {
  let table: Document;
  let report: Document;
  let baiyun: Document;
  beforeAll(async () => {
    // As extract reads them: a table and its report verified with each other's figures.
    const alone = await readSample('zengcheng-2022-report.html');
    table = await readSample('zengcheng-2022-table.html', [alone]);
    report = await readSample('zengcheng-2022-report.html', [table]);
    baiyun = await readSample('baiyun-2023-report.html');
  });

  it('an overview row carries the totals, the difference (recomputed − declared) and the check counts', () => {
    const row = overviewRow(3, documentLine('samples/zengcheng-2022-table.html', 'zengcheng-2022-table.html.json', table), table);
    expect(row).toMatchObject({
      id: 3,
      county: '增城区',
      city: '广州市',
      province: '广东省',
      year: 2022,
      kind: 'self-evaluation-table',
      format: 'html',
      declared: 91.41,
      recomputed: 91.42,
      diff: 0.01,
      checksOk: 1,
      checksMismatch: 2,
      checksUnverifiable: 24,
      scope: 'rubric',
      outputMissing: false,
    });
    expect(row.codes).toContain('SCORE_NOT_ALLOWED');
    const baiyunRow = overviewRow(0, documentLine('samples/baiyun-2023-report.html', 'b.json', baiyun), baiyun);
    expect([baiyunRow.declared, baiyunRow.recomputed, baiyunRow.diff]).toEqual([98.57, 96.02, -2.55]);
  });

  it('the indicator tree joins each row to its check: the 采购内控制度建设 row is a mismatch of the binary rule', () => {
    const detail = documentDetail(0, 'samples/zengcheng-2022-table.html', table);
    expect(detail.indicators).toHaveLength(28);
    const row = detail.indicators.find((r) => r.name === '采购内控制度建设');
    expect(row).toMatchObject({ level1: '管理效率', weight: 1, declared: 0.8, status: 'mismatch', rule: 'binary' });
    const budget = detail.indicators.find((r) => r.rubricId === 'budget-execution');
    expect(budget).toMatchObject({ declared: 4.65, recomputed: 4.65, status: 'ok' });
    // Every check of the table is carried by a row.
    expect(detail.otherChecks).toEqual([]);
    expect(detail.findings.filter((f) => f.code === 'SCORE_NOT_ALLOWED').map((f) => f.indicator)).toEqual(['采购内控制度建设', '合同备案时效性']);
    // HTML has no pages: the snippet text starts with its locator.
    expect(detail.findings[0]?.snippets[0]?.page).toBeNull();
    expect(detail.findings[0]?.snippets[0]?.text).toBe('[table[3]/tr[17]/td[1]] 采购内控制度建设 1 0.80');
  });

  it('a report without indicator rows keeps its checks apart, and structural documents say so', async () => {
    const detail = documentDetail(0, 'x', baiyun);
    expect(detail.indicators.length + detail.otherChecks.length).toBe(baiyun.verification.checks.length);
    // 桂源县 is in no rubric's region: checked only against itself.
    const structural = await readSample('beyond/html/guiyuan-jyj-2022-dept-report.html');
    const d = documentDetail(1, 'y', structural);
    expect(d.scope).toBe('structural');
    expect(d.rubric).toBeNull();
    expect(d.region?.county).toBe('桂源县');
    expect(d.warnings.map((w) => w.code)).toContain('RUBRIC_NOT_AVAILABLE');
  });

  it('completion rates follow the completion-rate rule: 12.70% against ≥5% is 254%, a qualitative pair has none', () => {
    const trade = baiyun.targets.find((t) => t.name === '全区外贸进出口增长');
    expect(trade).toBeDefined();
    expect(completionRate(trade as NonNullable<typeof trade>)).toBeCloseTo(2.54, 6);
    const qualitative = baiyun.targets.find((t) => t.name === '持续推动村镇工业集聚区整治提升工作');
    expect(completionRate(qualitative as NonNullable<typeof qualitative>)).toBeNull();
    const q = (value: number, comparator: '<=' | null) => ({ text: String(value), value, unit: '天', comparator, qualitative: false, date: null });
    // Lower is better: target / actual.
    expect(completionRate({ target: q(10, '<='), actual: q(8, null) })).toBeCloseTo(1.25, 9);
    const detail = documentDetail(0, 'x', baiyun);
    expect(detail.targets.find((t) => t.name === '全区外贸进出口增长')?.rate).toBeCloseTo(2.54, 6);
  });

  it('companions are documents of the same department key and year but another kind', () => {
    const rows = [
      overviewRow(0, documentLine('t.html', 't.json', table), table),
      overviewRow(1, documentLine('r.html', 'r.json', report), report),
      overviewRow(2, documentLine('t2.html', 't2.json', table), table),
      overviewRow(3, documentLine('b.html', 'b.json', baiyun), baiyun),
    ];
    linkCompanions(rows);
    expect(rows.map((r) => r.companions)).toEqual([[1], [0, 2], [1], []]);
  });

  it('finding totals count findings by code and severity, and the documents that have each code', () => {
    const totals = findingTotals([documentDetail(0, 'a', table), documentDetail(1, 'b', table), documentDetail(2, 'c', report)]);
    expect(totals.find((t) => t.code === 'SCORE_NOT_ALLOWED')).toEqual({ code: 'SCORE_NOT_ALLOWED', error: 4, warning: 0, info: 0, documents: 2 });
    // Both the table and its report carry the cross-document finding.
    expect(totals.find((t) => t.code === 'CROSS_DOCUMENT_MISMATCH')?.documents).toBe(3);
  });
});

describe('report escaping', () => {
  const hostile = '</script><script>alert(1)</script><!-- "><img src=x onerror=alert(2)> &amp; \u2028\u2029';

  it('JSON for a script element has no < or > or & left and parses back to the same value', () => {
    const json = scriptJson({ name: hostile, nested: [hostile] });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/u);
    expect(JSON.parse(json)).toEqual({ name: hostile, nested: [hostile] });
    expect(dataBlock('doc-1', json)).toBe(`<script type="application/json" id="doc-1">${json}</script>\n`);
    expect(() => dataBlock('doc"1', json)).toThrow(/bad data block id/u);
  });

  it('text for markup has its five special characters as references', () => {
    expect(escapeHtml('<a href="x">\'&\'</a>')).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});

describe('evidence images', { timeout: 60_000 }, () => {
  let pdf: Document;
  beforeAll(async () => {
    pdf = await readSample('zengcheng-2022-table.chromium.pdf');
  });

  it('crops around the box with context, inside the page', () => {
    expect(cropAround([177.37, 125.62, 801.37, 158.62], 841.92, 595.32)).toEqual([141.37, 97.62, 837.37, 186.62]);
    expect(cropAround([10, 5, 830, 590], 841.92, 595.32)).toEqual([0, 0, 841.92, 595.32]);
  });

  it('renders the page region of each SCORE_NOT_ALLOWED finding with the value box inside the crop', async () => {
    const detail = documentDetail(0, pdf.source.path, pdf);
    const sink = new MemorySink();
    await attachEvidence(pdf, detail, { baseDirs: [ROOT], sink });
    expect(detail.evidenceNote).toBeNull();
    const findings = detail.findings.filter((f) => f.code === 'SCORE_NOT_ALLOWED');
    expect(findings).toHaveLength(2);
    for (const f of findings) {
      expect(f.evidence).toHaveLength(1);
      const [ev] = f.evidence;
      expect(ev?.page).toBe(4);
      const [x0, y0, x1, y1] = ev?.crop ?? [];
      const [bx0, by0, bx1, by1] = ev?.box ?? [];
      expect(x0 as number).toBeLessThan(bx0 as number);
      expect(y0 as number).toBeLessThan(by0 as number);
      expect(x1 as number).toBeGreaterThanOrEqual(bx1 as number);
      expect(y1 as number).toBeGreaterThan(by1 as number);
      expect([...(sink.images.get(ev?.image ?? '') ?? new Uint8Array()).subarray(0, 4)]).toEqual(PNG_MAGIC);
    }
    // The same box of the same source is one image.
    const before = sink.images.size;
    await attachEvidence(pdf, documentDetail(1, pdf.source.path, pdf), { baseDirs: [ROOT], sink });
    expect(sink.images.size).toBe(before);
  });

  it('a moved or changed source PDF gives a note, not an image and not an error', async () => {
    const moved = documentDetail(0, 'x', pdf);
    await attachEvidence(pdf, moved, { baseDirs: [tmpdir()], sink: new MemorySink() });
    expect(moved.evidenceNote).toBe('找不到源文件 samples/zengcheng-2022-table.chromium.pdf，不显示页面图像');
    expect(moved.findings.every((f) => f.evidence.length === 0)).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'selfeval-evidence-'));
    const copy = join(dir, 'changed.pdf');
    const bytes = readFileSync(join(ROOT, 'samples/zengcheng-2022-table.chromium.pdf'));
    writeFileSync(copy, Buffer.concat([bytes, Buffer.from('\n% appended\n')]));
    const changed = documentDetail(0, 'x', pdf);
    try {
      await attachEvidence({ ...pdf, source: { ...pdf.source, path: copy } }, changed, { baseDirs: [dir], sink: new MemorySink() });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(changed.evidenceNote).toMatch(/已更改（SHA-256 与读取时不同）/u);
  });
});
