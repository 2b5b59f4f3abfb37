import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../../src/layout/lines.js';
import type { BBox, Table } from '../../../src/layout/model.js';
import { wordsToTables } from '../../../src/layout/table/stream.js';
import { tableToRows } from '../../../src/output/tables.js';
import { readPdfPageContents } from '../../tables/page-words.js';

const PAGE = { width: 595, height: 842, exclude: [] as BBox[] };
const SIZE = 10;

/** A word at (x, y) (top-left), as wide as its characters: 1 em for CJK, 0.5 em otherwise. */
function word(text: string, x: number, y: number, size = SIZE): TextRun {
  const width = [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? size : size * 0.5), 0);
  return { text, bbox: [x, y, x + width, y + size], fontSize: size };
}

/** Words of a grid: rows 18 pt apart, cells at the given x positions; '' leaves a cell empty. */
function grid(rows: string[][], xs: number[], top = 100, pitch = 18): TextRun[] {
  return rows.flatMap((row, r) => row.flatMap((text, c) => (text === '' ? [] : [word(text, xs[c] as number, top + r * pitch)])));
}

function rowsOf(tables: Table[]): string[][][] {
  return tables.map(tableToRows);
}

describe('wordsToTables on hand-made words', () => {
  it('finds a plain grid of three columns', () => {
    const words = grid(
      [
        ['Item', 'Qty', 'Price'],
        ['Apples', '12', '3.50'],
        ['Pears', '7', '4.10'],
        ['Plums', '30', '0.90'],
      ],
      [50, 150, 220],
    );
    const tables = wordsToTables(words, PAGE);
    expect(rowsOf(tables)).toEqual([
      [
        ['Item', 'Qty', 'Price'],
        ['Apples', '12', '3.50'],
        ['Pears', '7', '4.10'],
        ['Plums', '30', '0.90'],
      ],
    ]);
    const t = tables[0] as Table;
    expect(t.rowCount).toBe(4);
    expect(t.colCount).toBe(3);
    expect(t.bbox?.[0]).toBe(50);
    expect(t.cells.find((c) => c.text === 'Pears')).toEqual(expect.objectContaining({ row: 2, col: 0, rowSpan: 1, colSpan: 1, bbox: [50, 136, 75, 146] }));
    expect(t.cells.filter((c) => c.header).map((c) => c.text)).toEqual(['Item', 'Qty', 'Price']);
  });

  it('finds no table in prose lines', () => {
    const words = [
      word('This is a paragraph of running text that goes across the page.', 50, 100),
      word('It wraps onto a second line and then a third line of text', 50, 113),
      word('before it ends here.', 50, 126),
      word('第二段是中文的正文，没有任何表格，只是连续的文字。', 50, 150),
    ];
    expect(wordsToTables(words, PAGE)).toEqual([]);
  });

  it('joins a cell wrapped onto two lines, and keeps rows apart by the larger row gap', () => {
    const words = [
      word('名称', 50, 100),
      word('金额', 150, 100),
      word('说明', 220, 100),
      word('甲项目', 50, 118),
      word('120', 150, 118),
      word('新建道路两条，', 220, 118),
      word('改造桥梁一座', 220, 130),
      word('乙项目', 50, 148),
      word('80', 150, 148),
      word('设备采购', 220, 148),
      word('丙项目', 50, 166),
      word('45', 150, 166),
      word('培训', 220, 166),
    ];
    expect(rowsOf(wordsToTables(words, PAGE))).toEqual([
      [
        ['名称', '金额', '说明'],
        ['甲项目', '120', '新建道路两条，改造桥梁一座'],
        ['乙项目', '80', '设备采购'],
        ['丙项目', '45', '培训'],
      ],
    ]);
  });

  it('gives a header centred over two columns a column span', () => {
    const words = [
      word('Region', 50, 100),
      word('Year 2023', 155, 100),
      word('Men', 140, 118),
      word('Women', 190, 118),
      word('North', 50, 136),
      word('1,204', 140, 136),
      word('1,310', 190, 136),
      word('South', 50, 154),
      word('988', 140, 154),
      word('1,002', 190, 154),
    ];
    const [table] = wordsToTables(words, PAGE);
    expect(tableToRows(table as Table)).toEqual([
      ['Region', 'Year 2023', ''],
      ['', 'Men', 'Women'],
      ['North', '1,204', '1,310'],
      ['South', '988', '1,002'],
    ]);
    expect(table?.cells).toContainEqual(expect.objectContaining({ row: 0, col: 1, colSpan: 2, text: 'Year 2023' }));
    expect(table?.cells.filter((c) => c.header).map((c) => c.text)).toEqual(['Region', 'Year 2023', 'Men', 'Women']);
  });

  it('gives a label centred beside a group of rows a row span', () => {
    // 一级 label sits halfway between its two rows, with its column empty on both of them.
    const words = [
      word('类别', 50, 100),
      word('指标', 120, 100),
      word('分值', 220, 100),
      word('产出', 50, 127),
      word('数量指标', 120, 118),
      word('10', 220, 118),
      word('质量指标', 120, 136),
      word('20', 220, 136),
      word('效益', 50, 163),
      word('经济效益', 120, 154),
      word('30', 220, 154),
      word('社会效益', 120, 172),
      word('40', 220, 172),
    ];
    const [table] = wordsToTables(words, PAGE);
    expect(tableToRows(table as Table)).toEqual([
      ['类别', '指标', '分值'],
      ['产出', '数量指标', '10'],
      ['', '质量指标', '20'],
      ['效益', '经济效益', '30'],
      ['', '社会效益', '40'],
    ]);
    expect(table?.cells).toContainEqual(expect.objectContaining({ row: 1, col: 0, rowSpan: 2, text: '产出' }));
    expect(table?.cells).toContainEqual(expect.objectContaining({ row: 3, col: 0, rowSpan: 2, text: '效益' }));
  });

  it('drops a title above the table and splits at a prose line', () => {
    const words = [
      word('Table 3. Visits by month and site', 50, 82),
      ...grid(
        [
          ['Month', 'Site A', 'Site B'],
          ['January', '120', '98'],
          ['February', '131', '87'],
        ],
        [50, 150, 220],
      ),
      word('Visits fell in February at site B because the building was closed for repairs.', 50, 150),
    ];
    expect(rowsOf(wordsToTables(words, PAGE))).toEqual([
      [
        ['Month', 'Site A', 'Site B'],
        ['January', '120', '98'],
        ['February', '131', '87'],
      ],
    ]);
  });

  it('ignores words inside a ruled table and does not join text across it', () => {
    const above = grid(
      [
        ['a', 'b'],
        ['c', '1'],
      ],
      [50, 150],
      100,
    );
    const ruled = grid([['x', 'y']], [50, 150], 150);
    const below = grid(
      [
        ['e', 'f'],
        ['g', '2'],
      ],
      [50, 150],
      180,
    );
    const tables = wordsToTables([...above, ...ruled, ...below], { ...PAGE, exclude: [[40, 145, 300, 165]] });
    expect(rowsOf(tables)).toEqual([
      [
        ['a', 'b'],
        ['c', '1'],
      ],
      [
        ['e', 'f'],
        ['g', '2'],
      ],
    ]);
  });

  it('splits a run of numbers a space apart into cells, but not a run of words', () => {
    // Each data row arrives as two runs: the name, then every number in one run ("1.5 22.0 300").
    const words = [
      word('Name', 50, 100),
      word('A', 130, 100),
      word('B', 152, 100),
      word('C', 178, 100),
      word('North', 50, 118),
      { text: '1.5 22.0 300', bbox: [122, 118, 188, 128] as BBox, fontSize: SIZE },
      word('South', 50, 136),
      { text: '2.5 10.0 400', bbox: [122, 136, 188, 146] as BBox, fontSize: SIZE },
      word('East', 50, 154),
      { text: '3.0 12.5 500', bbox: [122, 154, 188, 164] as BBox, fontSize: SIZE },
    ];
    const [table] = wordsToTables(words, PAGE);
    expect(table?.colCount).toBe(4);
    expect(tableToRows(table as Table)).toEqual([
      ['Name', 'A', 'B', 'C'],
      ['North', '1.5', '22.0', '300'],
      ['South', '2.5', '10.0', '400'],
      ['East', '3.0', '12.5', '500'],
    ]);
  });

  it('does not take two columns of prose for a table', () => {
    const words: TextRun[] = [];
    for (let i = 0; i < 12; i++) {
      words.push(word('左栏正文左栏正文左栏正文左栏正文', 50, 100 + i * 13));
      words.push(word('右栏正文右栏正文右栏正文右栏正文', 320, 100 + i * 13));
    }
    expect(wordsToTables(words, PAGE)).toEqual([]);
  });
});

describe('wordsToTables on real pages', { timeout: 60_000 }, () => {
  const fixtures = join(import.meta.dirname, '../../fixtures/tables');

  it('reads the unruled LibreOffice table with its empty last cell', async () => {
    const [page] = await readPdfPageContents(join(fixtures, 'unruled-population-zh.libreoffice.pdf'));
    const tables = wordsToTables(page?.words ?? [], { width: 595, height: 842, exclude: [], page: 1 });
    expect(tables).toHaveLength(1);
    const rows = tableToRows(tables[0] as Table);
    expect(rows[0]).toEqual(['地区', '常住人口（万人）', '增长率（%）', '地区生产总值（亿元）', '主要产业']);
    expect(rows[6]).toEqual(['合计', '602.3', '1.6', '10,384.4', '']);
    expect(tables[0]?.page).toBe(1);
  });

  it('ignores the chart above the table (tick labels and category names)', async () => {
    const [page] = await readPdfPageContents(join(fixtures, 'chart-and-table-en.chromium.pdf'));
    const tables = wordsToTables(page?.words ?? [], { width: 595, height: 842, exclude: [] });
    expect(tables.map((t) => tableToRows(t)[0])).toEqual([['Sector', '2022', '2023', 'Share 2023 (%)']]);
  });

  it('finds no table on a page of prose', async () => {
    const [page] = await readPdfPageContents(join(fixtures, 'prose-zh.libreoffice.pdf'));
    expect(wordsToTables(page?.words ?? [], { width: 595, height: 842, exclude: [] })).toEqual([]);
  });
});
