/** The public API (src/index.ts) on real samples, in-process (the packed package: test/consumer/). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { SAMPLES } from '../helpers/samples.js';

const bytes = (file: string) => new Uint8Array(readFileSync(join(SAMPLES, file)));

describe('public API', () => {
  it('exports a small, deliberate surface', () => {
    const functions = Object.entries(api).filter(([, v]) => typeof v === 'function' && !('_zod' in (v as object))).map(([k]) => k).sort();
    expect(functions).toEqual([
      'SelfevalError', 'documentJsonSchema', 'errorMessage', 'findTables', 'isSelfevalError', 'listRubrics', 'loadRubric',
      'parseDocument', 'readDocument', 'readLayout', 'resultLineJsonSchema', 'selectRubric', 'verifyDocument',
    ]);
    expect(api.SCHEMA_VERSION).toBe('2');
    expect(api.ERROR_CODES).toContain('NO_TEXT_LAYER');
  });

  it('readDocument reads a path, or nameless bytes whose format is sniffed (text included)', async () => {
    const fromPath = await api.readDocument(join(SAMPLES, 'zengcheng-2022-table.txt'));
    const fromBytes = await api.readDocument(bytes('zengcheng-2022-table.txt'));
    expect(fromBytes.source.path).toBe('<bytes>');
    expect(fromBytes.source.format).toBe('text');
    expect({ ...fromBytes, source: null }).toEqual({ ...fromPath, source: null });
    expect(fromPath.declared.total).toBe(91.41);
    const named = await api.readDocument(bytes('liwan-2023-table.html'), { fileName: 'in/liwan.html' });
    expect(named.source).toMatchObject({ path: 'in/liwan.html', format: 'html' });
  });

  it('companions and a chosen rubric; verifyDocument takes parsed JSON and leaves its input alone', async () => {
    const report = await api.readDocument(join(SAMPLES, 'zengcheng-2022-report.txt'));
    const table = await api.readDocument(join(SAMPLES, 'zengcheng-2022-table.txt'), { companions: [report] });
    expect(table.verification.checks.find((c) => c.rubricId === 'budget-execution')).toMatchObject({ status: 'ok', recomputed: 4.65 });
    const json = JSON.parse(JSON.stringify(table)) as unknown;
    const by2023 = api.verifyDocument(json, { rubricId: 'gz-2023' });
    expect(by2023.verification.rubric?.id).toBe('gz-2023');
    expect((json as api.Document).verification.rubric?.id).toBe('gz-2022');
    expect(() => api.verifyDocument(table, { rubricId: 'gz-1999' })).toThrow(/未知的评分标准 gz-1999/u);
  });

  it('parseDocument refuses another version or a bad field with INVALID_DOCUMENT', async () => {
    const doc = await api.readDocument(join(SAMPLES, 'liwan-2023-table.txt'));
    expect(() => api.parseDocument({ ...doc, schemaVersion: '1' })).toThrow(api.SelfevalError);
    const error = (() => {
      try {
        api.parseDocument({ ...doc, fiscalYear: '2023' });
      } catch (e) {
        return e as api.SelfevalError;
      }
      return null;
    })();
    expect(error?.code).toBe('INVALID_DOCUMENT');
    expect(error?.message).toContain('fiscalYear');
    expect(error?.file).toBe(join(SAMPLES, 'liwan-2023-table.txt'));
  });

  it('findTables gives the tables of chosen PDF pages; readLayout the layout model', async () => {
    const all = await api.findTables(join(SAMPLES, 'zengcheng-2022-table.chromium.pdf'));
    const first = await api.findTables(join(SAMPLES, 'zengcheng-2022-table.chromium.pdf'), { pages: [1] });
    expect(all.pageCount).toBe(first.pageCount);
    expect(first.tables.length).toBeGreaterThan(0);
    expect(first.tables.every((t) => t.page === 1)).toBe(true);
    expect(all.tables.length).toBeGreaterThan(first.tables.length);
    const layout = await api.readLayout(bytes('liwan-2023-table.xlsx'));
    expect(layout.format).toBe('xlsx');
  }, 120_000);

  it('bad input throws a SelfevalError naming the file', async () => {
    await expect(api.readDocument(join(SAMPLES, 'no-such.pdf'))).rejects.toMatchObject({ code: 'READ_FAILED', file: join(SAMPLES, 'no-such.pdf') });
    await expect(api.readDocument(new TextEncoder().encode('今天的会议纪要：无。'), { fileName: 'notes.txt' })).rejects.toMatchObject({ code: 'NOT_SELF_EVALUATION', file: 'notes.txt' });
    await expect(api.readLayout(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), { fileName: 'x.pdf' })).rejects.toBeInstanceOf(api.SelfevalError);
  });
});
