import { SelfevalError } from '../../errors.js';
import type { Block, Cell, LayoutDocument, Line } from '../../layout/model.js';
import { normalizeLookalikes, squashSpaces } from '../../layout/text.js';
import { textEncoding, type TextEncoding } from '../sniff.js';
import type { Reader, ReadOptions } from '../types.js';

/**
 * Plain-text exports: prose with hard line wraps, and tables flattened to tab-separated lines.
 * Consecutive tab-separated lines (blank lines between them allowed) become one table whose cells
 * sit at their field positions; such exports shift cells left where merged cells were empty, which
 * the table extractor resolves by content, not here. Tables flattened one cell per line (`… |`, an
 * empty cell a bare `|`) become a one-column table that keeps its empty cells; the extractor rebuilds
 * the rows from the form's header. Pages and boxes are unknown: `ref` is `line N`.
 */
/**
 * The text of the bytes in the encoding sniffing names (BOM, UTF-16 byte pattern, UTF-8 vs GB 18030
 * by decoding errors), with how many characters could not be decoded; null when it is not text.
 */
function decode(bytes: Uint8Array): { text: string; invalid: number; encoding: TextEncoding } | null {
  const encoding = textEncoding(bytes);
  if (encoding === null) return null;
  const text = new TextDecoder(encoding).decode(bytes);
  let invalid = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) invalid++;
  return { text, invalid, encoding };
}

function fieldsOf(line: string): string[] {
  return line.split('\t').map((f) => normalizeLookalikes(squashSpaces(f)));
}

/**
 * A line of a table flattened the way web sites flatten them: every cell closed by ` |` (a bare `|` is
 * an empty cell), one cell per line or several cells separated by ` | ` on one line. Null for any
 * other line.
 */
function pipeCells(line: string): string[] | null {
  const t = line.trim();
  if (t !== '|' && !/\s\|$/u.test(t)) return null;
  const body = t === '|' ? '' : t.slice(0, -1).trimEnd();
  // A space in front makes a leading `| ` an empty first cell like any other separator.
  return (body === '' ? [''] : ` ${body}`.split(/\s\|(?=\s|$)/u)).map((f) => normalizeLookalikes(squashSpaces(f.trim())));
}

/** Fewer lines than this ending in ` |` are prose that happens to end so, not a flattened table. */
const MIN_PIPE_LINES = 4;

function readText(bytes: Uint8Array, options: ReadOptions = {}): LayoutDocument {
  const decoded = decode(bytes);
  if (decoded === null) {
    throw new SelfevalError('CORRUPT', { file: options.fileName ?? null, detail: '文本文件含有二进制内容' });
  }
  const rawLines = decoded.text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  const blocks: Block[] = [];
  let tableRows: Array<{ fields: string[]; lineNo: number; pipe?: boolean }> = [];

  const flushTable = (): void => {
    if (tableRows.length === 0) return;
    const cells: Cell[] = [];
    let colCount = 0;
    // A flattened export keeps its empty cells: the extractor rebuilds the rows from their order.
    const keepEmpty = tableRows.every((r) => r.pipe === true);
    tableRows.forEach(({ fields, lineNo }, row) => {
      colCount = Math.max(colCount, fields.length);
      fields.forEach((text, col) => {
        if (text === '' && !keepEmpty) return;
        const ref = `line ${lineNo} field ${col + 1}`;
        const line: Line = { text, page: null, bbox: null, ref };
        cells.push({ row, col, rowSpan: 1, colSpan: 1, text, lines: [line], page: null, bbox: null, ref });
      });
    });
    const first = tableRows[0]?.lineNo ?? 0;
    const last = tableRows[tableRows.length - 1]?.lineNo ?? 0;
    blocks.push({
      type: 'table',
      table: { page: null, bbox: null, ref: `lines ${first}-${last}`, rowCount: tableRows.length, colCount, cells },
    });
    tableRows = [];
  };

  const pipes = rawLines.map(pipeCells);
  const inPipeRun = pipes.map((_, i) => {
    let from = i;
    let to = i;
    while (from > 0 && pipes[from - 1] !== null) from--;
    while (to + 1 < pipes.length && pipes[to + 1] !== null) to++;
    return pipes[i] !== null && to - from + 1 >= MIN_PIPE_LINES;
  });
  rawLines.forEach((raw, i) => {
    const lineNo = i + 1;
    const pipe = pipes[i];
    if (pipe && inPipeRun[i]) {
      if (tableRows.some((r) => r.pipe !== true)) flushTable();
      tableRows.push({ fields: pipe, lineNo, pipe: true });
      return;
    }
    if (tableRows.some((r) => r.pipe === true)) flushTable();
    if (raw.includes('\t')) {
      tableRows.push({ fields: fieldsOf(raw), lineNo });
      return;
    }
    // Bullets (`- 1. …`) are list layout, not content.
    const text = normalizeLookalikes(squashSpaces(raw)).replace(/^[-*•]\s+/u, '');
    if (text === '') {
      // A blank line inside a table export separates nothing; a table ends at the next prose line.
      return;
    }
    flushTable();
    blocks.push({ type: 'line', line: { text, page: null, bbox: null, ref: `line ${lineNo}` } });
  });
  flushTable();
  return {
    format: 'text',
    pageCount: null,
    producer: null,
    title: null,
    pages: [{ number: null, width: null, height: null, blocks }],
    warnings:
      decoded.invalid > 0
        ? [{ code: 'TEXT_INVALID_BYTES', message: `文本中有 ${decoded.invalid} 处无法按 ${decoded.encoding} 解码的字节，已替换为 �`, anchor: null }]
        : [],
  };
}

export const textReader: Reader = {
  format: 'text',
  sniff: (bytes) => textEncoding(bytes) !== null,
  read: async (bytes, options) => readText(bytes, options),
};
