import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../../src/layout/lines.js';
import type { BBox, Table } from '../../../src/layout/model.js';
import { wordsToTables } from '../../../src/layout/table/stream.js';
import { tableToRows } from '../../../src/output/tables.js';
import { readLayout } from '../../../src/readers/index.js';

const PAGE = { width: 595, height: 842, exclude: [] as BBox[] };
const SIZE = 10;
const SAMPLES = join(import.meta.dirname, '../../../samples');

/** A word at (x, y) (top-left), as wide as its characters: 1 em for CJK, 0.5 em otherwise. */
function word(text: string, x: number, y: number): TextRun {
  const width = [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? SIZE : SIZE * 0.5), 0);
  return { text, bbox: [x, y, x + width, y + SIZE], fontSize: SIZE };
}

async function layoutTables(file: string): Promise<Table[]> {
  const layout = await readLayout(new Uint8Array(readFileSync(join(SAMPLES, file))), { fileName: file });
  return layout.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : [])));
}

/** The texts of the row holding `text`, by column (a position covered by a span is ''). */
function rowWith(table: Table, text: string): string[] {
  const hit = table.cells.find((c) => c.text === text);
  if (!hit) throw new Error(`no cell ${text}`);
  const row = Array.from({ length: table.colCount }, () => '');
  for (const c of table.cells) if (c.row === hit.row) row[c.col] = c.text;
  return row;
}

describe('stream tables with a header row', () => {
  it('takes a column from the header where the text leaves no gutter', () => {
    // The description runs right up to the score: alignment alone sees one column there.
    const words = [
      word('Name', 50, 100), word('Description', 150, 100), word('Score', 262, 100), word('Remark', 330, 100),
      word('甲', 50, 118), word('说明文字说明文字说明文字说明', 120, 118), word('6.28', 260, 118), word('备注', 330, 118),
      word('乙', 50, 136), word('说明文字', 120, 136), word('10.00', 260, 136), word('备注', 330, 136),
      word('丙', 50, 154), word('说明文字说明文字说明文字说明', 120, 154), word('4.65', 260, 154), word('备注', 330, 154),
    ];
    expect(wordsToTables(words, PAGE).map(tableToRows)).toEqual([
      [
        ['Name', 'Description', 'Score', 'Remark'],
        ['甲', '说明文字说明文字说明文字说明', '6.28', '备注'],
        ['乙', '说明文字', '10.00', '备注'],
        ['丙', '说明文字说明文字说明文字说明', '4.65', '备注'],
      ],
    ]);
  });

  it('liwan unruled: the indicator table runs over five pages in the header columns, rows split by a page break joined', { timeout: 60_000 }, async () => {
    const tables = await layoutTables('liwan-2023-table.unruled.pdf');
    const indicators = tables.find((t) => t.cells.some((c) => c.row === 0 && c.text === '一级指标')) as Table;
    expect(indicators.pages).toEqual([1, 2, 3, 4, 5]);
    expect([indicators.rowCount, indicators.colCount]).toEqual([28, 11]);
    // Split by the page 1/2 break.
    expect(rowWith(indicators, '部门整体绩效目标效益指标完成情况').slice(4, 9)).toEqual([
      '部门整体绩效目标效益指标完成情况', '20', '20', '按计划完成年度任务。', '反映年度预算编报时确定的部门预算整体绩效目标中绩效指标完成情况。',
    ]);
    // Split by the page 2/3 break, with two cells drawn as one run.
    expect(rowWith(indicators, '预决算公开合规性').slice(2, 9)).toEqual([
      '信息公开', '4', '预决算公开合规性', '2', '2', '预决算及时公开，财政部门及上级财政部门开展预决算专项检查时未发现问题。', '反映部门（单位）预算决算公开执行到位情况',
    ]);
    // A group label at the top of page 2 starts its group there (not at the rows the page break split).
    expect(indicators.cells.find((c) => c.text === '管理效率')?.row).toBe(4);
    expect(indicators.cells.find((c) => c.text === '履职效能')?.row).toBe(1);
  });

  it('zengcheng unruled: a score between two lines of its neighbour stays in its column', { timeout: 60_000 }, async () => {
    const tables = await layoutTables('zengcheng-2022-table.unruled.pdf');
    const indicators = tables.find((t) => t.cells.some((c) => c.row === 0 && c.text === '一级指标')) as Table;
    expect(indicators.pages).toEqual([1, 2, 3, 4]);
    expect(rowWith(indicators, '部门整体绩效目标产出指标完成情况').slice(4, 8)).toEqual([
      '部门整体绩效目标产出指标完成情况', '10', '反映年度预算编报时确定的部门整体绩效目标中产出指标完成情况。', '6.28',
    ]);
    // The 一级 score beside 管理效率 spans its group over three pages, as in the HTML (23 rows).
    const weight = indicators.cells.find((c) => c.row === 6 && c.col === 1);
    expect([weight?.text, weight?.rowSpan]).toEqual(['50', 23]);
    // The key-value block above keeps its narrow label columns.
    const basics = tables.find((t) => t.cells.some((c) => c.text === '部门名称')) as Table;
    expect(rowWith(basics, '整体绩效目标完成情况').filter((_, i) => i % 2 === 0)).toEqual(['年度整体绩效目标', '整体绩效目标完成情况', '未能完成原因']);
  });
});
