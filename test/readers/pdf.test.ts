import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cell, LayoutDocument, Line, Table } from '../../src/layout/model.js';
import { joinLines } from '../../src/layout/text.js';
import { pdfReader } from '../../src/readers/pdf/index.js';
import { withPdfDocument } from '../../src/readers/pdf/pdfjs.js';
import { readPdfTables } from '../../src/readers/pdf/tables.js';

const ROOT = join(import.meta.dirname, '..', '..');
const bytesOf = (path: string) => new Uint8Array(readFileSync(join(ROOT, path)));
const read = (path: string) => pdfReader.read(bytesOf(path), { fileName: path });

const tablesOf = (doc: LayoutDocument): Table[] => doc.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : [])));
const linesOf = (doc: LayoutDocument): Line[] => doc.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'line' ? [b.line] : [])));
const allText = (doc: LayoutDocument): string =>
  joinLines(doc.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'line' ? [b.line.text] : b.table.cells.map((c) => c.text)))));
const tableWith = (doc: LayoutDocument, text: string): Table | undefined => tablesOf(doc).find((t) => t.cells.some((c) => c.text === text));
const cellAt = (t: Table, row: number, col: number): Cell | undefined =>
  t.cells.find((c) => c.row <= row && row < c.row + c.rowSpan && c.col <= col && col < c.col + c.colSpan);
const rowOf = (t: Table, text: string): Cell[] => {
  const anchor = t.cells.find((c) => c.text === text);
  return anchor ? t.cells.filter((c) => c.row === anchor.row) : [];
};

const PAGE_NUMBER = /^([-—–]\s*\d+\s*[-—–]|\d{1,3}|第\s*\d+\s*页.*)$/u;

describe.each(['chromium', 'libreoffice'])('zengcheng-2022-table.%s.pdf', (producer) => {
  let doc: LayoutDocument;
  beforeAll(async () => {
    doc = await read(`samples/zengcheng-2022-table.${producer}.pdf`);
  }, 120_000);

  it('reads the document info', () => {
    expect(doc.format).toBe('pdf');
    expect(doc.pageCount).toBe(producer === 'chromium' ? 5 : 4);
    expect(doc.producer).toMatch(producer === 'chromium' ? /^Skia/u : /^LibreOffice/u);
    expect(doc.title).toContain('部门整体支出绩效自评表');
  });

  it('stitches the indicator grid into one table with the header once', () => {
    const grid = tableWith(doc, '部门整体绩效目标产出指标完成情况') as Table;
    expect(grid).toBeDefined();
    expect(grid.pages?.length).toBe(doc.pageCount === 5 ? 4 : 4);
    expect(tablesOf(doc).flatMap((t) => t.cells).filter((c) => c.text === '一级指标')).toHaveLength(1);
    expect(tablesOf(doc).filter((t) => t.cells.some((c) => c.text === '三级指标'))).toHaveLength(1);
  });

  it('keeps weight 10 and score 6.28 in the row of 部门整体绩效目标产出指标完成情况', () => {
    const grid = tableWith(doc, '部门整体绩效目标产出指标完成情况') as Table;
    const texts = rowOf(grid, '部门整体绩效目标产出指标完成情况').map((c) => c.text);
    expect(texts).toContain('10');
    expect(texts).toContain('6.28');
    expect(texts.indexOf('10')).toBeLessThan(texts.indexOf('6.28'));
  });

  it('gives 履职效能 a rowSpan over all its rows, across the page break, and 管理效率 its 23', () => {
    const grid = tableWith(doc, '部门整体绩效目标产出指标完成情况') as Table;
    const duty = grid.cells.find((c) => c.text === '履职效能') as Cell;
    expect(duty.rowSpan).toBe(5);
    const last = grid.cells.find((c) => c.text === '专项资金支出率') as Cell;
    expect(duty.row + duty.rowSpan).toBe(last.row + last.rowSpan);
    const mgmt = grid.cells.find((c) => c.text === '管理效率') as Cell;
    expect(mgmt.rowSpan).toBe(23);
    expect(mgmt.parts?.length).toBeGreaterThan(1);
    expect(new Set(mgmt.parts?.map((p) => p.page)).size).toBe(mgmt.parts?.length);
  });

  it('puts the budget figure 91,470.79 in its own cell', () => {
    const cell = tablesOf(doc).flatMap((t) => t.cells).find((c) => c.text === '91,470.79');
    expect(cell).toBeDefined();
    expect(cell?.page).toBe(1);
  });

  it('gives every cell a page and a box inside its page', () => {
    for (const table of tablesOf(doc)) {
      for (const cell of table.cells) {
        const page = doc.pages.find((p) => p.number === cell.page);
        const [x0, y0, x1, y1] = cell.bbox ?? [0, 0, 0, 0];
        expect(x0 >= 0 && y0 >= 0 && x1 <= (page?.width ?? 0) && y1 <= (page?.height ?? 0) && x0 < x1 && y0 < y1).toBe(true);
      }
    }
  });
});

describe('liwan-2023-table.chromium.pdf', { timeout: 60_000 }, () => {
  let doc: LayoutDocument;
  beforeAll(async () => {
    doc = await read('samples/liwan-2023-table.chromium.pdf');
  }, 120_000);

  it('leaves the 得分 cell of 新增预算项目事前绩效评估 empty', () => {
    const grid = tableWith(doc, '新增预算项目事前绩效评估') as Table;
    const scoreCol = grid.cells.find((c) => c.text === '得分/自评分')?.col as number;
    const row = grid.cells.find((c) => c.text === '新增预算项目事前绩效评估')?.row as number;
    expect(cellAt(grid, row, scoreCol)?.text).toBe('');
    expect(cellAt(grid, row, scoreCol - 1)?.text).toBe('3');
    expect(cellAt(grid, row, scoreCol + 1)?.text).toBe('2023年度无新增项目');
  });

  it('matches the HTML twin: 28 rows, 11 columns, 管理效率 over 23 rows, 合计 over 4 columns', () => {
    const grid = tableWith(doc, '新增预算项目事前绩效评估') as Table;
    expect([grid.rowCount, grid.colCount]).toEqual([28, 11]);
    expect(grid.cells.find((c) => c.text === '管理效率')?.rowSpan).toBe(23);
    expect(grid.cells.find((c) => c.text === '采购管理')?.rowSpan).toBe(7);
    expect(grid.cells.find((c) => c.text === '合计')?.colSpan).toBe(4);
  });
});

describe.each(['liwan-2023-table', 'zengcheng-2022-report'])('%s.cairo.pdf', (name) => {
  let doc: LayoutDocument;
  beforeAll(async () => {
    doc = await read(`samples/${name}.cairo.pdf`);
  }, 120_000);

  it('maps look-alike radicals to ideographs and keeps the raw text', () => {
    const text = allText(doc);
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/u);
    expect(text).toContain('部门整体支出绩效自评');
    const raw = linesOf(doc).find((l) => l.raw !== undefined);
    expect(raw?.raw).toMatch(/[\u2e80-\u2fdf]/u);
  });
});

describe.each(['chromium', 'libreoffice'])('baiyun-2023-report.%s.pdf', (producer) => {
  let doc: LayoutDocument;
  beforeAll(async () => {
    doc = await read(`samples/baiyun-2023-report.${producer}.pdf`);
  }, 120_000);

  it('gives lines with the target/actual pairs', () => {
    expect(linesOf(doc).some((l) => l.text.includes('年度目标值：4 场以上。'))).toBe(true);
  });

  it('removes page numbers and the 附件 2 heading', () => {
    const lines = linesOf(doc);
    expect(lines.filter((l) => PAGE_NUMBER.test(l.text))).toEqual([]);
    expect(lines.filter((l) => /^附件\s*2$/u.test(l.text))).toEqual([]);
    expect(lines[0]?.text).toBe('部门整体支出绩效自评报告');
  });

  it('gives every line its page and a box in top-left coordinates', () => {
    for (const page of doc.pages) {
      let lastTop = -1;
      for (const block of page.blocks) {
        if (block.type !== 'line') continue;
        expect(block.line.page).toBe(page.number);
        const [, y0, , y1] = block.line.bbox ?? [0, -1, 0, -1];
        expect(y0 >= lastTop - 0.01 && y1 <= (page.height ?? 0)).toBe(true);
        lastTop = y0;
      }
    }
  });
});

describe('CID fonts with predefined CMaps and no ToUnicode', { timeout: 60_000 }, () => {
  it('decodes UniGB-UCS2-H and GBK-EUC-H text through the packaged CMaps', async () => {
    const doc = await read('test/fixtures/pdf/cid-predefined-cmap.pdf');
    expect(linesOf(doc).map((l) => l.text)).toEqual(['部门整体支出绩效自评表', '年度目标值：4 场以上。', '得分 6.28，评价等级：优']);
    expect(linesOf(doc)[0]).toMatchObject({ page: 1, fontSize: 18, bbox: [72, expect.closeTo(66.7, 0) as number, 270, expect.closeTo(84.7, 0) as number] });
  });

  it('reads a /Rotate 90 page in landscape top-left coordinates', async () => {
    const doc = await read('test/fixtures/pdf/cid-predefined-cmap-rotated.pdf');
    expect([doc.pages[0]?.width, doc.pages[0]?.height]).toEqual([842, 595]);
    const lines = linesOf(doc);
    expect(lines.map((l) => l.text)).toEqual(['部门整体支出绩效自评表', '年度目标值：4 场以上。', '得分 6.28，评价等级：优']);
    expect(lines[0]?.bbox?.[0]).toBeCloseTo(72, 0);
    expect(lines[0]?.bbox?.[1]).toBeCloseTo(59.7, 0);
  });
});

describe('readPdfTables', { timeout: 60_000 }, () => {
  it('gives per-page tables, not stitched, for the pages asked', async () => {
    const { pageCount, tables } = await readPdfTables(bytesOf('samples/zengcheng-2022-table.chromium.pdf'), { pages: [2, 3] });
    expect(pageCount).toBe(5);
    expect(tables.map((t) => t.page)).toEqual([2, 3]);
    expect(tables.every((t) => t.pages === undefined)).toBe(true);
    expect(tables[1]?.cells.filter((c) => c.text === '一级指标')).toHaveLength(1);
  }, 60_000);
});

describe('withPdfDocument', { timeout: 60_000 }, () => {
  it('destroys the document after use, also when the callback throws', async () => {
    const bytes = bytesOf('test/fixtures/pdf/cid-predefined-cmap.pdf');
    let kept: { getPage(n: number): Promise<unknown> } | null = null;
    await expect(
      withPdfDocument(bytes, async (doc) => {
        kept = doc;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    // A destroyed document has no transport left: any request fails.
    const destroyed = kept as unknown as { getPage(n: number): Promise<unknown> };
    await expect(Promise.resolve().then(() => destroyed.getPage(1))).rejects.toThrow();
    // The caller's bytes are not detached by pdf.js.
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });
});

describe('PDF tables against their HTML twins', { timeout: 60_000 }, () => {
  /** Every cell as `text[rowSpan×colSpan]` (spaces dropped), counted. */
  const count = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const key = (text: string, rowSpan: number, colSpan: number) => `${text.replace(/\s+/gu, '')}[${rowSpan}×${colSpan}]`;

  it.each([
    ['liwan-2023-table', 'chromium'],
    ['liwan-2023-table', 'libreoffice'],
    ['liwan-2023-table', 'cairo'],
    ['zengcheng-2022-table', 'chromium'],
    ['zengcheng-2022-table', 'libreoffice'],
  ])('%s.%s.pdf has the same tables, cell texts and spans as the HTML', async (name, producer) => {
    const { load } = await import('cheerio');
    const $ = load(readFileSync(join(ROOT, `samples/${name}.html`), 'utf8'));
    const html = $('td, th')
      .toArray()
      .map((el) => key($(el).text(), Number($(el).attr('rowspan') ?? 1), Number($(el).attr('colspan') ?? 1)));
    const doc = await read(`samples/${name}.${producer}.pdf`);
    const pdf = tablesOf(doc).flatMap((t) => t.cells.map((c) => key(c.text, c.rowSpan, c.colSpan)));
    expect(count(pdf)).toEqual(count(html));
    expect(tablesOf(doc)).toHaveLength($('table').length);
  }, 120_000);
});

describe('removeFurniture', { timeout: 60_000 }, () => {
  const line = (text: string, y: number) => ({ text, bbox: [80, y, 500, y + 12] as [number, number, number, number] });
  const page = (lines: ReturnType<typeof line>[]) => ({ height: 842, lines });

  it('drops page numbers, running headers and the leading 附件 line, and keeps content', async () => {
    const { removeFurniture } = await import('../../src/readers/pdf/furniture.js');
    const header = '广州市增城区科技工业商务和信息化局';
    const kept = removeFurniture([
      page([line('附件 2', 40), line(header, 60), line('一、部门基本情况', 120), line('— 1 —', 810)]),
      page([line(header, 60), line('年度目标值：4 场以上。', 120), line('- 2 -', 810)]),
      page([line(header, 60), line('本部门共有 4', 120), line('4', 400), line('第 3 页，共 5 页', 810)]),
      page([line(header, 60), line('自评得分为 98.57 分', 120), line('4', 812)]),
    ]);
    expect(kept.map((lines) => lines.map((l) => l.text))).toEqual([
      ['一、部门基本情况'],
      ['年度目标值：4 场以上。'],
      ['本部门共有 4', '4'],
      ['自评得分为 98.57 分'],
    ]);
  });
});
