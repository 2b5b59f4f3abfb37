import { describe, expect, it } from 'vitest';
import { applyGlyphVariants, isOtherwiseSimplified } from '../../src/layout/glyph-variants.js';
import type { LayoutPage } from '../../src/layout/model.js';

const SIMPLIFIED = '受益农戶均年节约生产成本，项目区农戶满意度达到预期，产出指标和效益指标均已完成，资金使用规范。';
const TRADITIONAL = '受益農戶均年節約生產成本，項目區農戶滿意度達到預期，產出指標和效益指標均已完成，資金使用規範。';

function page(...texts: string[]): LayoutPage[] {
  const cells = texts.map((text, i) => ({ page: 1, bbox: null, ref: null, row: i, col: 0, rowSpan: 1, colSpan: 1, text, lines: [{ page: 1, bbox: null, ref: null, text }] }));
  return [{ number: 1, width: 595, height: 842, blocks: [{ type: 'table', table: { page: 1, bbox: null, ref: null, rowCount: cells.length, colCount: 1, cells } }, { type: 'line', line: { page: 1, bbox: null, ref: null, text: '受8―9月持续降雨影响' } }] }];
}

describe('glyph-shared variants in PDF text', () => {
  it('tells a simplified document from a traditional one by its other ideographs', () => {
    expect(isOtherwiseSimplified(SIMPLIFIED)).toBe(true);
    expect(isOtherwiseSimplified(TRADITIONAL)).toBe(false);
    // Too few ideographs to say.
    expect(isOtherwiseSimplified('农戶满意度')).toBe(false);
  });

  it('maps 戶 to 户 and ― to — in a simplified document, keeping the printed text as raw', () => {
    const pages = page(SIMPLIFIED, '种植戶满意度');
    expect(applyGlyphVariants(pages)).toBe(true);
    const blocks = pages[0]?.blocks ?? [];
    const table = blocks[0]?.type === 'table' ? blocks[0].table : null;
    expect(table?.cells[1]).toMatchObject({ text: '种植户满意度', raw: '种植戶满意度' });
    expect(table?.cells[1]?.lines?.[0]).toMatchObject({ text: '种植户满意度', raw: '种植戶满意度' });
    expect(table?.cells[0]?.text.includes('戶')).toBe(false);
    expect(blocks[1]?.type === 'line' ? blocks[1].line : null).toMatchObject({ text: '受8—9月持续降雨影响', raw: '受8―9月持续降雨影响' });
  });

  it('leaves a traditional document as printed', () => {
    const pages = page(TRADITIONAL, '種植戶滿意度');
    expect(applyGlyphVariants(pages)).toBe(false);
    const blocks = pages[0]?.blocks ?? [];
    const table = blocks[0]?.type === 'table' ? blocks[0].table : null;
    expect(table?.cells[1]).toMatchObject({ text: '種植戶滿意度' });
    expect(table?.cells[1]?.raw).toBeUndefined();
  });
});
