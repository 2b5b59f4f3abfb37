/**
 * The stream finder on the project's own samples: unruled forms against their HTML twins, and
 * prose reports that must give no table at all.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tablesForFile } from '../../src/cli/commands/tables.js';
import type { Table } from '../../src/layout/model.js';
import { tableToRows } from '../../src/output/tables.js';
import { twinAgreement } from './twin.js';

const SAMPLES = join(import.meta.dirname, '../../samples');

function rowsContaining(tables: readonly Table[], text: string): string[][] {
  return tables.flatMap((t) => tableToRows(t)).filter((r) => r.includes(text));
}

describe('unruled forms (stream tables) against their HTML twins', { timeout: 60_000 }, () => {
  it('zengcheng-2022-table.unruled.pdf: most cells and rows of the HTML come back', async () => {
    const pdf = await tablesForFile(join(SAMPLES, 'zengcheng-2022-table.unruled.pdf'));
    const html = await tablesForFile(join(SAMPLES, 'zengcheng-2022-table.html'));
    const a = twinAgreement(pdf.tables, html.tables);
    expect(a.cellsFound / a.cells).toBeGreaterThanOrEqual(0.9);
    expect(a.rowsFound / a.rows).toBeGreaterThanOrEqual(0.6);
    // The budget figures form one row, one value per column.
    expect(rowsContaining(pdf.tables, '91,470.79')[0]?.filter((c) => c !== '')).toEqual([
      '91,470.79',
      '4,262.34',
      '87,208.45',
      '66,955.58',
      '10,000.01',
      '48,034.29',
      '100.57',
    ]);
    // 采购管理 is printed in the middle of its seven rows on page 3: it spans them. The indicator
    // table runs from page 1 to page 4 and comes out as one table.
    const table = pdf.tables.find((t) => t.cells.some((c) => c.text === '采购管理'));
    expect(table?.pages).toEqual([1, 2, 3, 4]);
    expect(table?.cells.find((c) => c.text === '采购管理')).toEqual(expect.objectContaining({ rowSpan: 7, colSpan: 1, page: 3 }));
    // A score drawn in one text run with the line before it is split off into its own column.
    expect(rowsContaining(pdf.tables, '数据质量')[0]).toEqual(expect.arrayContaining(['2', '1.80']));
  });

  it('liwan-2023-table.unruled.pdf: most cells of the HTML come back', async () => {
    const pdf = await tablesForFile(join(SAMPLES, 'liwan-2023-table.unruled.pdf'));
    const html = await tablesForFile(join(SAMPLES, 'liwan-2023-table.html'));
    const a = twinAgreement(pdf.tables, html.tables);
    expect(a.cellsFound / a.cells).toBeGreaterThanOrEqual(0.85);
    expect(rowsContaining(pdf.tables, '“三公”经费控制情况')[0]?.filter((c) => c !== '').slice(0, 3)).toEqual(['“三公”经费控制情况', '2', '2']);
  });
});

describe('prose reports give no table', { timeout: 60_000 }, () => {
  for (const name of ['baiyun-2023-report.libreoffice.pdf', 'zengcheng-2022-report.cairo.pdf', 'panyu-2024-table-explanation.chromium.pdf']) {
    it(name, async () => {
      const result = await tablesForFile(join(SAMPLES, name));
      expect(result.pages).toBeGreaterThan(1);
      expect(result.tables).toEqual([]);
    });
  }
});
