import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePageList, runTables, tablesForFile } from '../../src/cli/commands/tables.js';
import { escapeFormula, tableToRows, tablesToCsv, tablesToJsonLine, tablesToMarkdown, UTF8_BOM } from '../../src/output/tables.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/tables');

interface Expected {
  description: string;
  tables: Array<{ page: number; rows: string[][]; spans?: Array<{ row: number; col: number; rowSpan: number; colSpan: number }> }>;
}

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.pdf'))
  .sort();

describe('selfeval tables on the table fixtures', () => {
  it('has at least eight fixtures, each with an expected grid', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
    for (const f of fixtures) expect(readdirSync(FIXTURES)).toContain(f.replace(/\.pdf$/u, '.expected.json'));
  });

  for (const pdf of fixtures) {
    it(`${pdf}: rows match the expected grid`, async () => {
      const expected = JSON.parse(readFileSync(join(FIXTURES, pdf.replace(/\.pdf$/u, '.expected.json')), 'utf8')) as Expected;
      const result = await tablesForFile(join(FIXTURES, pdf));
      expect(result.pages).toBe(1);
      expect(result.tables.map((t) => ({ page: t.page, rows: tableToRows(t) }))).toEqual(expected.tables.map((t) => ({ page: t.page, rows: t.rows })));
      expected.tables.forEach((t, i) => {
        for (const span of t.spans ?? []) {
          expect(result.tables[i]?.cells).toContainEqual(expect.objectContaining(span));
        }
      });
    });
  }

  it('the page of prose gives no table', async () => {
    const result = await tablesForFile(join(FIXTURES, 'prose-zh.libreoffice.pdf'));
    expect(result.tables).toEqual([]);
  });

  it('--pages reads only the pages asked for', async () => {
    const none = await tablesForFile(join(FIXTURES, 'two-tables-en.chromium.pdf'), { pages: [2] });
    expect(none.tables).toEqual([]);
    const first = await tablesForFile(join(FIXTURES, 'two-tables-en.chromium.pdf'), { pages: [1] });
    expect(first.tables).toHaveLength(2);
  });
});

describe('runTables', () => {
  it('reports a bad file on stderr by name, still prints the others, and exits 1', async () => {
    let out = '';
    let err = '';
    const code = await runTables(
      [join(FIXTURES, 'missing.pdf'), join(FIXTURES, 'src/_style.css'), join(FIXTURES, 'ruled-budget-en.chromium.pdf')],
      { format: 'json' },
      (t) => (out += t),
      (t) => (err += t),
    );
    expect(code).toBe(1);
    expect(err).toContain('missing.pdf');
    expect(err).toContain('文件不存在');
    expect(err).toContain('_style.css');
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0] as string) as { file: string; pages: number; tables: Array<{ page: number; bbox: number[]; rows: string[][]; cells: unknown[] }> };
    expect(json.file).toBe(join(FIXTURES, 'ruled-budget-en.chromium.pdf'));
    expect(json.pages).toBe(1);
    expect(json.tables[0]?.rows[5]).toEqual(['Staff training', '98.3', '101.0', '2.7%', '']);
    expect(json.tables[0]?.bbox).toHaveLength(4);
    expect(json.tables[0]?.cells[0]).toEqual(expect.objectContaining({ row: 0, col: 0, rowSpan: 1, colSpan: 1, text: 'Programme' }));
  });

  it('exits 0 when every file reads, and writes the CSV BOM once', async () => {
    let out = '';
    const files = [join(FIXTURES, 'booktabs-survey-en.chromium.pdf'), join(FIXTURES, 'prose-zh.libreoffice.pdf')];
    const code = await runTables(files, { format: 'csv' }, (t) => (out += t), () => undefined);
    expect(code).toBe(0);
    expect(out.startsWith(UTF8_BOM)).toBe(true);
    expect(out.split(UTF8_BOM)).toHaveLength(2);
    expect(out).toContain('booktabs-survey-en.chromium.pdf,1,1,2,North Coast,"1,240",868,70.0,44\r\n');
  });
});

describe('output formats', () => {
  const table = {
    page: 2,
    bbox: [1, 2, 3, 4] as [number, number, number, number],
    ref: null,
    rowCount: 2,
    colCount: 3,
    cells: [
      { page: 2, bbox: null, ref: null, row: 0, col: 0, rowSpan: 1, colSpan: 2, text: '=SUM(A1:A9)' },
      { page: 2, bbox: null, ref: null, row: 0, col: 2, rowSpan: 1, colSpan: 1, text: 'a|b' },
      { page: 2, bbox: null, ref: null, row: 1, col: 0, rowSpan: 1, colSpan: 1, text: '-4.6%' },
      { page: 2, bbox: null, ref: null, row: 1, col: 1, rowSpan: 1, colSpan: 1, text: '@home, "x"' },
      { page: 2, bbox: null, ref: null, row: 1, col: 2, rowSpan: 1, colSpan: 1, text: '+86 20 1234' },
    ],
  };
  const result = { file: 'a.pdf', pages: 3, tables: [table] };

  it('escapes formulas but not numbers', () => {
    expect(escapeFormula('=1+1')).toBe("'=1+1");
    expect(escapeFormula('-4.6%')).toBe('-4.6%');
    expect(escapeFormula('+1,234.5')).toBe('+1,234.5');
    expect(escapeFormula('-')).toBe("'-");
    expect(escapeFormula('@x')).toBe("'@x");
    expect(escapeFormula('正常')).toBe('正常');
  });

  it('CSV: BOM, quoting, escaping, merged positions empty', () => {
    const csv = tablesToCsv(result);
    expect(csv).toBe(`${UTF8_BOM}file,page,table,row,cells…\r\na.pdf,2,1,1,'=SUM(A1:A9),,a|b\r\na.pdf,2,1,2,-4.6%,"'@home, ""x""",'+86 20 1234\r\n`);
    expect(tablesToCsv(result, { bom: false, header: false }).startsWith('a.pdf,2,1,1')).toBe(true);
  });

  it('JSON line: dense rows and cells with spans', () => {
    const json = JSON.parse(tablesToJsonLine(result)) as { tables: Array<{ rows: string[][]; cells: Array<{ colSpan: number }> }> };
    expect(json.tables[0]?.rows).toEqual([
      ['=SUM(A1:A9)', '', 'a|b'],
      ['-4.6%', '@home, "x"', '+86 20 1234'],
    ]);
    expect(json.tables[0]?.cells[0]?.colSpan).toBe(2);
  });

  it('Markdown: pipes escaped, one heading per table', () => {
    const md = tablesToMarkdown(result);
    expect(md).toContain('## a.pdf — 第 2 页，表 1（2 行 × 3 列）');
    expect(md).toContain('| =SUM(A1:A9) |  | a\\|b |');
    expect(tablesToMarkdown({ file: 'b.pdf', pages: 1, tables: [] })).toContain('未找到表格');
  });
});

describe('parsePageList', () => {
  it('parses lists and ranges', () => {
    expect(parsePageList('1,3-5')).toEqual([1, 3, 4, 5]);
    expect(parsePageList('4, 2,2-3')).toEqual([2, 3, 4]);
  });
  it('rejects bad lists', () => {
    expect(() => parsePageList('0')).toThrow(/页码/u);
    expect(() => parsePageList('5-3')).toThrow(/页码/u);
    expect(() => parsePageList('a')).toThrow(/页码/u);
    expect(() => parsePageList('')).toThrow(/页码/u);
  });
});
