import type { LayoutDocument } from '../../src/layout/model.js';
import { TextStream } from '../shared/text-stream.js';
import { readForm } from '../table/form.js';
import type { Extractor } from '../types.js';

/** Titles of the project form: 项目支出绩效自评表, 部门预算项目支出绩效自评表, 绩效目标自评表 (not a 报告). */
const TITLE = /(?:项目支出|项目)(?:绩效)?自评表|绩效目标自评表/u;

/**
 * A project form: its title or a 项目名称 head cell, and an indicator grid that was filled in (得分 or a
 * 完成值 column: a 绩效目标申报表 has neither).
 */
function matchProjectTable(layout: LayoutDocument): number {
  const text = TextStream.fromLayout(layout).text.slice(0, 20000);
  const cells = layout.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'table' ? b.table.cells : [])));
  if (cells.length === 0) return 0;
  const titled = TITLE.test(text);
  const headCell = cells.some((c) => /^项目名称[:：]?$/u.test(c.text.replace(/\s/gu, '')));
  if (!titled && !headCell) return 0;
  const grid = ['一级指标', '二级指标', '三级指标'].filter((w) => text.includes(w)).length / 3;
  const filled = /得分|实际完成值|全年实际值|完成值/u.test(text);
  if (!filled) return 0;
  return Math.min(1, 0.6 * grid + (titled ? 0.3 : 0) + (headCell ? 0.2 : 0));
}

export const projectTableExtractor: Extractor = {
  kind: 'project-table',
  match: matchProjectTable,
  extract: (layout, source) => readForm(layout, source, 'project-table'),
};
