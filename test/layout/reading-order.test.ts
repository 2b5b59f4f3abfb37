import { describe, expect, it } from 'vitest';
import type { BBox } from '../../src/layout/model.js';
import { readingOrder } from '../../src/layout/reading-order.js';

const OPTIONS = { minGapY: 12, minGapX: 15 };

describe('readingOrder', () => {
  it('reads a single column top to bottom', () => {
    const boxes: BBox[] = [[50, 300, 500, 320], [50, 100, 500, 120], [50, 200, 500, 220]];
    expect(readingOrder(boxes, OPTIONS)).toEqual([1, 2, 0]);
  });

  it('reads a page in two columns column by column, with the title above and a block below in place', () => {
    const boxes: BBox[] = [
      [50, 50, 500, 70], // 0 title across the page
      [320, 90, 500, 150], // 1 right column, high on the page
      [50, 160, 260, 220], // 2 left column, lower
      [50, 90, 260, 150], // 3 left column, top
      [320, 160, 500, 200], // 4 right column, lower
      [50, 260, 500, 300], // 5 full width below both columns
    ];
    expect(readingOrder(boxes, OPTIONS)).toEqual([0, 3, 2, 1, 4, 5]);
  });

  it('keeps the lines of one paragraph together (line gaps are no cut)', () => {
    const boxes: BBox[] = [[50, 100, 300, 110], [50, 113, 300, 123], [320, 100, 500, 110]];
    expect(readingOrder(boxes, OPTIONS)).toEqual([0, 1, 2]);
  });
});
