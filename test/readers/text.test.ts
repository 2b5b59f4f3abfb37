import { describe, expect, it } from 'vitest';
import { readLayout } from '../../src/readers/index.js';
import { tablesOf } from '../helpers/layout.js';

const read = (text: string) => readLayout(new TextEncoder().encode(text), { fileName: 'x.txt' });

describe('text reader: tables flattened one cell per line', () => {
  it('keeps every cell closed by " |", a bare "|" as an empty cell, in order', async () => {
    const layout = await read('绩效目标自评表 |\n一级指标 |\n二级指标 |\n三级指标 |\n分值 |\n|\n得分 |\n说明文字\n');
    const [table] = tablesOf(layout);
    expect(table).toMatchObject({ colCount: 1, rowCount: 7 });
    expect(table?.cells.map((c) => c.text)).toEqual(['绩效目标自评表', '一级指标', '二级指标', '三级指标', '分值', '', '得分']);
    expect(table?.cells[5]?.ref).toBe('line 6 field 1');
    // The prose line after the run is a line, not a cell.
    expect(layout.pages[0]?.blocks.at(-1)).toMatchObject({ type: 'line', line: { text: '说明文字' } });
  });

  it('reads a few lines that happen to end in " |" as prose', async () => {
    const layout = await read('第一行 |\n第二行 |\n正文\n');
    expect(tablesOf(layout)).toHaveLength(0);
  });

  it('splits a line of several cells separated by " | "', async () => {
    const layout = await read('一级指标 | 二级指标 | 三级指标 |\n产出指标 | 数量指标 | 新建站点 |\n| 质量指标 | 合格率 |\n效益指标 | | 满意度 |\n');
    const [table] = tablesOf(layout);
    expect(table?.rowCount).toBe(4);
    expect(table?.cells.filter((c) => c.row === 1).map((c) => c.text)).toEqual(['产出指标', '数量指标', '新建站点']);
    expect(table?.cells.filter((c) => c.row === 3).map((c) => c.text)).toEqual(['效益指标', '', '满意度']);
  });
});
