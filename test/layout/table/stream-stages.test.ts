/** The stream stages added for issue 12, on hand-made words: single-spaced rows, prose, lists, rivers, labels. */
import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../../src/layout/lines.js';
import type { BBox, Cell, Table } from '../../../src/layout/model.js';
import { makeEdge } from '../../../src/layout/table/edges.js';
import { wordsToTables } from '../../../src/layout/table/stream.js';
import { justifiedGaps, rowToSegments, wordsToSegmentLines } from '../../../src/layout/table/stream-lines.js';
import { headerLineCount, isFullLine, isSingleSpaced, keyColumns, placedLinesToBands, type PlacedLine } from '../../../src/layout/table/stream-line-rows.js';
import { isAlignedColumn, isListMarker, looksLikeTable } from '../../../src/layout/table/stream-prose.js';
import { findRiver, isProseText, splitAtRivers } from '../../../src/layout/table/stream-rivers.js';
import { sparseLabelColumns } from '../../../src/layout/table/stream-labels.js';
import type { Band, Piece } from '../../../src/layout/table/stream-rows.js';
import { tableToRows } from '../../../src/output/tables.js';

const PAGE = { width: 595, height: 842, exclude: [] as BBox[] };

/** A word at (x, y) (top-left), 0.5 em per Latin character and 1 em per CJK one, 10 pt. */
function word(text: string, x: number, y: number, size = 10): TextRun {
  const width = [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? size : size * 0.5), 0);
  return { text, bbox: [x, y, x + width, y + size], fontSize: size };
}

/** Rows of words at the given x positions, `pitch` points apart ('' leaves a cell empty). */
function grid(rows: string[][], xs: number[], top: number, pitch: number): TextRun[] {
  return rows.flatMap((row, r) => row.flatMap((text, c) => (text === '' ? [] : [word(text, xs[c] as number, top + r * pitch)])));
}

describe('single-spaced rows (stream-line-rows)', () => {
  // Lines 11 pt apart for 10 pt text: 1 pt between lines, as in single spacing.
  const rows = [
    ['District', 'Beds', 'Stay'],
    ['Abbotsford', '412', '5.1'],
    ['Bellmont', '298', '4.8'],
    ['Carrick', '156', '5.6'],
    ['Dunmore', '640', '4.4'],
  ];

  it('keeps one row per line when a rule under the header gives the table a wider gap', () => {
    const words = grid(rows, [50, 150, 220], 100, 11);
    // Move the body 6 pt down: a gap under the header, with its rule.
    for (const w of words) if (w.bbox[1] > 100) w.bbox = [w.bbox[0], w.bbox[1] + 6, w.bbox[2], w.bbox[3] + 6];
    const tables = wordsToTables(words, { ...PAGE, rules: [makeEdge('h', 113, 50, 240)] });
    expect(tables.map(tableToRows)).toEqual([rows]);
  });

  it('joins a line that lacks most key columns to the row above (a wrapped cell)', () => {
    const words = [...grid(rows, [50, 150, 220], 100, 11), word('and Vale', 50, 100 + 5 * 11)];
    for (const w of words) if (w.bbox[1] > 100) w.bbox = [w.bbox[0], w.bbox[1] + 6, w.bbox[2], w.bbox[3] + 6];
    // Put the continuation under Carrick: swap it with Dunmore's line.
    const tables = wordsToTables(
      words.map((w) => (w.text === 'and Vale' ? { ...w, bbox: [50, 150, 90, 160] as BBox } : w.bbox[1] >= 150 ? { ...w, bbox: [w.bbox[0], w.bbox[1] + 11, w.bbox[2], w.bbox[3] + 11] as BBox } : w)),
      PAGE,
    );
    expect(tables.map(tableToRows)[0]?.[3]).toEqual(['Carrick and Vale', '156', '5.6']);
  });

  it('finds the key columns, full lines, the header block and single spacing', () => {
    const piece = (c: number, y: number): Piece => ({ c0: c, c1: c, segments: [{ runs: [word('x', 0, y)], bbox: [0, y, 5, y + 10], fontSize: 10 }], y0: y, y1: y + 10 });
    const line = (cols: number[], y: number, texts?: string[]): PlacedLine => ({
      line: { segments: [], bbox: [0, y, 300, y + 10], fontSize: 10 },
      pieces: cols.map((c, i) => ({ ...piece(c, y), segments: [{ runs: [word(texts?.[i] ?? 'x', 0, y)], bbox: [0, y, 5, y + 10], fontSize: 10 }] })),
    });
    const body = [line([0, 1, 2], 0), line([0, 1, 2], 11), line([0], 22), line([0, 1, 2], 33), line([0, 1, 2], 44)];
    const keys = keyColumns(body, 3);
    expect(keys).toEqual([0, 1, 2]);
    expect(body.map((l) => isFullLine(l, keys))).toEqual([true, true, false, true, true]);
    expect(isSingleSpaced(body, keys, 10)).toBe(true);
    expect(placedLinesToBands(body, keys, 10, [], 0)).toHaveLength(4);
    const withHeader = [line([0, 1], 0, ['Name', 'Waste']), line([1], 11, ['(tonnes)']), line([0, 1], 22, ['Ash', '12']), line([0, 1], 33, ['Elm', '14']), line([0, 1], 44, ['Oak', '9'])];
    expect(headerLineCount(withHeader, [], 10)).toBe(2);
  });
});

describe('justified and sentence spaces (stream-lines)', () => {
  it('keeps a justified line one segment: its word gaps are all equal', () => {
    let x = 51;
    const row = ['crossings', 'wanted', 'local.', 'Residents', 'four'].map((t) => {
      const w = word(t, x, 100);
      x = w.bbox[2] + 8.4;
      return w;
    });
    expect(justifiedGaps(row).size).toBe(4);
    expect(rowToSegments(row)).toHaveLength(1);
    // Cells of a table row are not spaced that evenly.
    const cells = [word('Central', 50, 100), word('Loans', 150, 100), word('Members', 230, 100), word('Hours', 330, 100)];
    expect(rowToSegments(cells)).toHaveLength(4);
  });

  it('keeps two spaces after a full stop inside a segment', () => {
    const row = [word('It found.', 60, 100), word('Three did not.', 60 + 45 + 10, 100)];
    expect(rowToSegments(row)).toHaveLength(1);
  });
});

function cell(text: string, row: number, col: number, bbox: BBox, lines = 1): Cell {
  return { page: 1, bbox, ref: null, row, col, rowSpan: 1, colSpan: 1, text, lines: Array.from({ length: lines }, () => ({ page: 1, bbox, ref: null, text, fontSize: 10 })) };
}

function table(cells: Cell[]): Table {
  return { page: 1, bbox: [0, 0, 500, 500], ref: null, rowCount: Math.max(...cells.map((c) => c.row)) + 1, colCount: Math.max(...cells.map((c) => c.col)) + 1, cells };
}

describe('what is not a table (stream-prose)', () => {
  it('knows list markers', () => {
    for (const m of ['•', '–', '1.', '(2)', '6.4', 'a)', '(iv)', '①', '三、', '（一）', '第二部分']) expect(isListMarker(m), m).toBe(true);
    for (const t of ['2023', 'Total', '1,204', '合计']) expect(isListMarker(t), t).toBe(false);
  });

  it('wants columns aligned on a left edge, a right edge or a centre', () => {
    const right = [10, 20, 30, 40].map((y, i) => cell(String(i * 111), i, 1, [90 - i * 5, y, 100, y + 10]));
    expect(isAlignedColumn(right)).toBe(true);
    const scattered = [10, 20, 30, 40].map((y, i) => cell('word', i, 1, [60 + i * 37, y, 90 + i * 41, y + 10]));
    expect(isAlignedColumn(scattered)).toBe(false);
  });

  it('rejects a bullet list, a numbered list of running text, a contents page, a definition list and a two-row table without numbers', () => {
    const bullets = table([0, 1, 2].flatMap((r) => [cell('•', r, 0, [50, r * 12, 55, r * 12 + 10]), cell(`item ${r}`, r, 1, [65, r * 12, 120, r * 12 + 10])]));
    expect(looksLikeTable(bullets)).toBe(false);
    const numbered = table([0, 1, 2].flatMap((r) => [cell(`${r + 1}.`, r, 0, [50, r * 12, 60, r * 12 + 10]), cell('Publish the scoring guidance with the call', r, 1, [70, r * 12, 300, r * 12 + 10])]));
    expect(looksLikeTable(numbered)).toBe(false);
    const contents = table([0, 1, 2].flatMap((r) => [cell(`Chapter ${r} . . . . . . . .`, r, 0, [50, r * 12, 300, r * 12 + 10]), cell(String(r * 4 + 1), r, 1, [310, r * 12, 320, r * 12 + 10])]));
    expect(looksLikeTable(contents)).toBe(false);
    const options = table([0, 1, 2].flatMap((r) => [cell(`-${'abc'[r]}`, r, 0, [50, r * 12, 70, r * 12 + 10]), cell('checks the syntax only', r, 1, [110, r * 12, 220, r * 12 + 10])]));
    expect(looksLikeTable(options)).toBe(false);
    const twoRows = table([0, 1].flatMap((r) => [cell('name', r, 0, [50, r * 12, 80, r * 12 + 10]), cell('value', r, 1, [110, r * 12, 140, r * 12 + 10])]));
    expect(looksLikeTable(twoRows)).toBe(false);
    const real = table([0, 1, 2, 3].flatMap((r) => [cell(`Area ${r}`, r, 0, [50, r * 12, 90, r * 12 + 10]), cell(String(100 + r), r, 1, [115, r * 12, 130, r * 12 + 10]), cell(String(r + 0.5), r, 2, [185, r * 12, 200, r * 12 + 10])]));
    expect(looksLikeTable(real)).toBe(true);
  });
});

describe('text columns side by side (stream-rivers)', () => {
  it('knows running text', () => {
    expect(isProseText('Completions fell slightly in 2023')).toBe(true);
    expect(isProseText('全年新登记市场主体2.86万户，同比增长')).toBe(true);
    expect(isProseText('Private sale')).toBe(false);
  });

  it('splits a table from the paragraphs beside it, whose lines run at their own pitch', () => {
    const table = grid(
      [
        ['Team', 'Staff', 'Vacancies'],
        ['Call handling', '64', '5'],
        ['Dispatch', '22', '1'],
        ['Support', '9', '0'],
      ],
      [310, 380, 410],
      84,
      13.5,
    );
    const prose = ['The service answered more calls than in any', 'previous year. Waiting times rose in the winter', 'months and fell back by the spring, as the table', 'below shows for each quarter.'].map((t, i) => word(t, 51, 78 + i * 12.7));
    const lines = wordsToSegmentLines([...table, ...prose]);
    expect(findRiver(lines)).not.toBeNull();
    expect(splitAtRivers(lines).map((b) => b.length)).toEqual([4, 4]);
    expect(wordsToTables([...table, ...prose], PAGE).map((t) => tableToRows(t)[0])).toEqual([['Team', 'Staff', 'Vacancies']]);
  });

  it('does not split a table whose long cells share their rows’ baselines', () => {
    const rows = [0, 1, 2, 3].flatMap((r) => [word(`Risk ${r} is described in a few words`, 50, 100 + r * 14), word(`High`, 260, 100 + r * 14), word('Mitigated by a plan that runs on', 300, 100 + r * 14)]);
    expect(findRiver(wordsToSegmentLines(rows))).toBeNull();
  });
});

describe('group labels in a sparse leading column (stream-labels)', () => {
  it('takes a leading column with text on few rows for a label column, and stops at the first dense one', () => {
    const band = (cols: number[]): Band => ({ y0: 0, y1: 10, pieces: cols.map((c) => ({ c0: c, c1: c, segments: [], y0: 0, y1: 10 })) });
    const rows = [band([0, 1, 2]), band([1, 2]), band([1, 2]), band([1, 2]), band([0, 1, 2]), band([1, 2]), band([1, 2])];
    expect(sparseLabelColumns(rows, new Set())).toEqual([0]);
    expect(sparseLabelColumns(rows, new Set([0]))).toEqual([]);
    expect(sparseLabelColumns(rows.slice(0, 4), new Set())).toEqual([]);
  });
});
