import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { SelfevalError } from '../../errors.js';
import { placeSpannedRows, tableSize } from '../../layout/grid.js';
import type { Block, Cell, LayoutDocument, Line, Table } from '../../layout/model.js';
import { joinLines, normalizeLookalikes, squashSpaces } from '../../layout/text.js';
import type { Reader, ReadOptions } from '../types.js';

/** Elements whose text is one block of its own (a line in the layout model). */
const BLOCK_TAGS = new Set([
  'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'blockquote', 'pre', 'dt', 'dd', 'section',
  'article', 'header', 'footer', 'main', 'ul', 'ol', 'dl', 'body', 'center', 'form', 'address', 'figure',
]);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'button', 'select']);

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/**
 * The text of an element as lines: `<br>` and nested blocks break lines; a checkbox renders as ☑/☐
 * so that ticked grades survive; whitespace collapses within a line.
 */
function elementLines(node: AnyNode): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = squashSpaces(current);
    if (text) lines.push(text);
    current = '';
  };
  const walk = (n: AnyNode): void => {
    if (n.type === 'text') {
      current += (n as unknown as { data: string }).data;
      return;
    }
    if (!isElement(n)) return;
    const tag = n.tagName.toLowerCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'br') return flush();
    if (tag === 'input') {
      const type = (n.attribs['type'] ?? '').toLowerCase();
      if (type === 'checkbox' || type === 'radio') current += n.attribs['checked'] !== undefined ? '☑' : '☐';
      return;
    }
    const block = BLOCK_TAGS.has(tag) || tag === 'tr' || tag === 'table';
    if (block) flush();
    for (const child of n.children) walk(child);
    if (block) flush();
  };
  walk(node);
  flush();
  return lines;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

function readTable($: cheerio.CheerioAPI, table: Element, tableIndex: number): Table {
  const ref = `table[${tableIndex}]`;
  // Rows of this table only (not of nested tables), in source order across thead/tbody/tfoot.
  const rows = $(table)
    .find('tr')
    .toArray()
    .filter((tr) => $(tr).closest('table')[0] === table);
  const sourceRows = rows.map((tr, r) =>
    $(tr)
      .children('td,th')
      .toArray()
      .map((td, c) => {
        const lineTexts = elementLines(td).map(normalizeLookalikes);
        const cellRef = `${ref}/tr[${r + 1}]/${td.tagName.toLowerCase()}[${c + 1}]`;
        const lines: Line[] = lineTexts.map((text) => ({ text, page: null, bbox: null, ref: cellRef }));
        return {
          rowSpan: span(td.attribs['rowspan']),
          colSpan: span(td.attribs['colspan']),
          text: joinLines(lineTexts),
          lines,
          header: td.tagName.toLowerCase() === 'th' || $(td).closest('thead').length > 0,
          ref: cellRef,
        };
      }),
  );
  const placed = placeSpannedRows(sourceRows);
  const { rowCount, colCount } = tableSize(placed);
  // Row spans that run past the last row are clipped, as browsers do.
  const cells: Cell[] = placed.map((c) => ({
    ...c,
    rowSpan: Math.min(c.rowSpan, rowCount - c.row),
    page: null,
    bbox: null,
  }));
  return { page: null, bbox: null, ref, rowCount, colCount, cells };
}

function readHtml(bytes: Uint8Array, options: ReadOptions = {}): LayoutDocument {
  const html = new TextDecoder('utf-8').decode(bytes);
  if (!/<[a-z!]/iu.test(html)) {
    throw new SelfevalError('CORRUPT', { file: options.fileName ?? null, detail: '不是 HTML 文件' });
  }
  const $ = cheerio.load(html);
  const blocks: Block[] = [];
  let tableIndex = 0;
  let lineIndex = 0;
  const pushLines = (node: AnyNode): void => {
    for (const text of elementLines(node)) {
      lineIndex++;
      blocks.push({ type: 'line', line: { text: normalizeLookalikes(text), page: null, bbox: null, ref: `block ${lineIndex}` } });
    }
  };
  // Walk the body: tables become Table blocks; text between them becomes lines, in document order.
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      const text = squashSpaces((node as unknown as { data: string }).data);
      if (text) pushLines(node);
      return;
    }
    if (!isElement(node)) return;
    const tag = node.tagName.toLowerCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'table') {
      tableIndex++;
      blocks.push({ type: 'table', table: readTable($, node, tableIndex) });
      // Nested tables are read as tables of their own, after their parent.
      $(node)
        .find('table')
        .each((_, nested) => {
          tableIndex++;
          blocks.push({ type: 'table', table: readTable($, nested, tableIndex) });
        });
      return;
    }
    const hasBlockChild = node.children.some(
      (c) => isElement(c) && (BLOCK_TAGS.has(c.tagName.toLowerCase()) || c.tagName.toLowerCase() === 'table'),
    );
    if (!hasBlockChild && tag !== 'body' && tag !== 'html') return pushLines(node);
    for (const child of node.children) walk(child);
  };
  const body = $('body')[0] ?? $.root()[0];
  if (body) for (const child of (body as Element).children) walk(child);
  const title = squashSpaces($('title').first().text()) || null;
  return {
    format: 'html',
    pageCount: null,
    producer: $('meta[name="generator"]').attr('content') ?? null,
    title: title ? normalizeLookalikes(title) : null,
    pages: [{ number: null, width: null, height: null, blocks }],
    warnings: [],
  };
}

export const htmlReader: Reader = {
  format: 'html',
  sniff: (bytes) => /^\s*<(!doctype html|html)/iu.test(new TextDecoder().decode(bytes.subarray(0, 512))),
  read: async (bytes, options) => readHtml(bytes, options),
};
