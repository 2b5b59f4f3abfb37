import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePageList, resolvePages, runTables, tablesForFile } from '../../src/cli/commands/tables.js';
import { escapeFormula, tableToRows, tablesToCsv, tablesToJsonLines, tablesToMarkdown, UTF8_BOM } from '../../src/output/tables.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/tables');

interface Expected {
  description: string;
  tables: Array<{ page: number; rows: string[][]; spans?: Array<{ row: number; col: number; rowSpan: number; colSpan: number }> }>;
}

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.pdf'))
  .sort();

describe('selfeval tables on the table fixtures', { timeout: 60_000 }, () => {
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

  it('with OCR off (--ocr never), a scan says NO_TEXT_LAYER with a message in Chinese naming the file', async () => {
    const scan = join(import.meta.dirname, '../fixtures/pdf/zengcheng-2022-table.scanned.pdf');
    const error = await tablesForFile(scan, { ocr: 'never' }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error?.code).toBe('NO_TEXT_LAYER');
    expect(error?.message).toContain('zengcheng-2022-table.scanned.pdf');
    expect(error?.message).toContain('扫描件无文本层');
    expect(error?.message).toContain('OCR');
  });

  it('reads 户 where the font of a simplified document names its glyph 戶, as the PDF reader does (liuwan)', async () => {
    const { tables } = await tablesForFile(join(import.meta.dirname, '../../samples/beyond/pdf/liuwan-town-2023-project-table.chromium.pdf'));
    const cells = tables.flatMap((t) => t.cells);
    expect(cells.find((c) => c.text === '受益农户户均年节约生产成本')?.raw).toBe('受益农\u2f3e\u2f3e均年节约\u2f63产成本');
    expect(cells.some((c) => c.text.includes('戶'))).toBe(false);
  });

  it('--pages reads only the pages asked for', async () => {
    const none = await tablesForFile(join(FIXTURES, 'two-tables-en.chromium.pdf'), { pages: [2] });
    expect(none.tables).toEqual([]);
    const first = await tablesForFile(join(FIXTURES, 'two-tables-en.chromium.pdf'), { pages: [1] });
    expect(first.tables).toHaveLength(2);
  });
});

describe('runTables', { timeout: 60_000 }, () => {
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
    const json = JSON.parse(lines[0] as string) as { file: string; table: number; page: number; pages: number[]; bbox: number[]; rowCount: number; colCount: number; rows: string[][]; cells: unknown[] };
    expect(json.file).toBe(join(FIXTURES, 'ruled-budget-en.chromium.pdf'));
    expect(json).toEqual(expect.objectContaining({ table: 1, page: 1, pages: [1], rowCount: 7, colCount: 5 }));
    expect(json.rows[5]).toEqual(['Staff training', '98.3', '101.0', '2.7%', '']);
    expect(json.bbox).toHaveLength(4);
    expect(json.cells[0]).toEqual(expect.objectContaining({ row: 0, col: 0, rowSpan: 1, colSpan: 1, text: 'Programme', page: 1 }));
  });

  it('exits 0 when every file reads, and writes the CSV BOM once', async () => {
    let out = '';
    const files = [join(FIXTURES, 'booktabs-survey-en.chromium.pdf'), join(FIXTURES, 'prose-zh.libreoffice.pdf')];
    const code = await runTables(files, { format: 'csv' }, (t) => (out += t), () => undefined);
    expect(code).toBe(0);
    expect(out.startsWith(UTF8_BOM)).toBe(true);
    expect(out.split(UTF8_BOM)).toHaveLength(2);
    expect(out.split('\r\n')[0]).toBe(`${UTF8_BOM}file,page,table,row,col1,col2,col3,col4,col5`);
    expect(out).toContain('booktabs-survey-en.chromium.pdf,1,1,2,North Coast,"1,240",868,70.0,44\r\n');
  });
});

describe('selfeval tables on the command line', { timeout: 120_000 }, () => {
  const run = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../scripts/selfeval-dev.ts'), 'tables', ...args], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('explains itself in Chinese, with the English option names and examples', () => {
    const help = run(['--help']).stdout;
    for (const text of ['--pages', '--format', '3-end', 'all', 'JSON Lines', 'file,page,table,row,col1', '示例', 'NO_TEXT_LAYER', 'pandas']) expect(help, text).toContain(text);
  });

  it('writes a CSV of several tables that pandas reads as one rectangular frame', () => {
    const csv = run([join(FIXTURES, 'two-tables-en.chromium.pdf'), join(FIXTURES, 'ruled-budget-en.chromium.pdf'), '--format', 'csv']);
    expect(csv.status).toBe(0);
    const py = spawnSync('/usr/bin/python3', ['-c', 'import pandas,sys; d=pandas.read_csv(sys.stdin); print(d.shape[0], d.shape[1], sorted(set(zip(d.file.str.split("/").str[-1], d.table))))'], { input: csv.stdout, encoding: 'utf8' });
    if (py.error || /No module named/u.test(py.stderr)) return; // pandas is optional on this machine
    expect(py.stderr).toBe('');
    expect(py.stdout.trim()).toBe("18 9 [('ruled-budget-en.chromium.pdf', 1), ('two-tables-en.chromium.pdf', 1), ('two-tables-en.chromium.pdf', 2)]");
  });

  it('writes one JSON line per table and takes --pages end', () => {
    const out = run([join(FIXTURES, 'two-tables-en.chromium.pdf'), '--format', 'json', '--pages', '1-end']);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { table: number; rowCount: number });
    expect(lines.map((l) => l.table)).toEqual([1, 2]);
    expect(run([join(FIXTURES, 'two-tables-en.chromium.pdf'), '--pages', 'x-2']).status).toBe(2);
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

  it('CSV: BOM, quoting, escaping, merged positions empty, one width for every table', () => {
    const narrow = { ...table, rowCount: 1, colCount: 1, cells: [{ page: 3, bbox: null, ref: null, row: 0, col: 0, rowSpan: 1, colSpan: 1, text: 'x' }] };
    const csv = tablesToCsv([result, { file: 'b.pdf', pages: 3, tables: [narrow] }]);
    expect(csv).toBe(
      `${UTF8_BOM}file,page,table,row,col1,col2,col3\r\na.pdf,2,1,1,'=SUM(A1:A9),,a|b\r\na.pdf,2,1,2,-4.6%,"'@home, ""x""",'+86 20 1234\r\nb.pdf,3,1,1,x,,\r\n`,
    );
    expect(tablesToCsv([result], { bom: false }).startsWith('file,page,table,row,col1')).toBe(true);
    expect(tablesToCsv([])).toBe(`${UTF8_BOM}file,page,table,row,col1\r\n`);
  });

  it('JSON lines: one line per table, with pages, sizes, dense rows and cells with spans', () => {
    const lines = tablesToJsonLines({ file: 'a.pdf', pages: 3, tables: [table, { ...table, pages: [2, 3] }] }).split('\n');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0] as string) as { file: string; table: number; pages: number[]; rowCount: number; rows: string[][]; cells: Array<{ colSpan: number; page: number }> };
    expect(first).toEqual(expect.objectContaining({ file: 'a.pdf', table: 1, pages: [2], rowCount: 2 }));
    expect(first.rows).toEqual([
      ['=SUM(A1:A9)', '', 'a|b'],
      ['-4.6%', '@home, "x"', '+86 20 1234'],
    ]);
    expect(first.cells[0]).toEqual(expect.objectContaining({ colSpan: 2, page: 2 }));
    expect((JSON.parse(lines[1] as string) as { table: number; pages: number[] }).pages).toEqual([2, 3]);
    expect(tablesToJsonLines({ file: 'b.pdf', pages: 1, tables: [] })).toBe('');
  });

  it('Markdown: pipes escaped, one heading per table', () => {
    const md = tablesToMarkdown(result);
    expect(md).toContain('## a.pdf — 第 2 页，表 1（2 行 × 3 列）');
    expect(md).toContain('| =SUM(A1:A9) |  | a\\|b |');
    expect(tablesToMarkdown({ file: 'b.pdf', pages: 1, tables: [] })).toContain('未找到表格');
  });
});

describe('parsePageList', () => {
  it('parses lists, ranges, end and all', () => {
    expect(resolvePages(parsePageList('1,3-5'), 9)).toEqual([1, 3, 4, 5]);
    expect(resolvePages(parsePageList('4, 2,2-3'), 9)).toEqual([2, 3, 4]);
    expect(resolvePages(parsePageList('3-end'), 6)).toEqual([3, 4, 5, 6]);
    expect(resolvePages(parsePageList('end'), 6)).toEqual([6]);
    expect(resolvePages(parsePageList('1,END'), 6)).toEqual([1, 6]);
    expect(resolvePages(parsePageList('all'), 3)).toEqual([1, 2, 3]);
    expect(resolvePages(parsePageList('2-9'), 3)).toEqual([2, 3]);
    expect(resolvePages([2, 7], 3)).toEqual([2]);
  });
  it('rejects bad lists', () => {
    for (const bad of ['0', '5-3', 'a', '', 'end-3', '1-', 'all-2']) expect(() => parsePageList(bad), bad).toThrow(/页码/u);
  });
});
