import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { SelfevalError } from '../../errors.js';
import { placeSpannedRows, tableSize } from '../../layout/grid.js';
import type { Block, Cell, LayoutDocument, Line, Table } from '../../layout/model.js';
import { joinLines, normalizeLookalikes, squashSpaces } from '../../layout/text.js';
import { textEncoding } from '../sniff.js';
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

/** Browsers' limits: colspan at most 1000; rowspan is clipped to the rows the table has. */
const MAX_COLSPAN = 1000;
/** Deeper element nesting than this is not a document but a hostile or broken file. */
export const MAX_HTML_DEPTH = 1000;

function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, max) : 1;
}

/** The rows of a table (not of tables nested in it) and the tables nested in it, without selectors. */
function rowsAndNested(table: Element): { rows: Element[]; nested: Element[] } {
  const rows: Element[] = [];
  const nested: Element[] = [];
  const stack: AnyNode[] = [...table.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    const tag = node.tagName.toLowerCase();
    if (tag === 'table') {
      nested.push(node);
      continue;
    }
    if (tag === 'tr') rows.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  return { rows, nested };
}

/** True when the cell sits in a <thead> of its own table. */
function inThead(cell: Element, table: Element): boolean {
  for (let p = cell.parent; p && p !== table; p = p.parent) if (isElement(p) && p.tagName.toLowerCase() === 'thead') return true;
  return false;
}

function readTable(table: Element, tableIndex: number, rows: readonly Element[]): Table {
  const ref = `table[${tableIndex}]`;
  const sourceRows = rows.map((tr, r) =>
    tr.children.filter((td): td is Element => isElement(td) && ['td', 'th'].includes(td.tagName.toLowerCase())).map((td, c) => {
      const lineTexts = elementLines(td).map(normalizeLookalikes);
      const tag = td.tagName.toLowerCase();
      const cellRef = `${ref}/tr[${r + 1}]/${tag}[${c + 1}]`;
      const lines: Line[] = lineTexts.map((text) => ({ text, page: null, bbox: null, ref: cellRef }));
      return {
        // Row spans that run past the last row are clipped, as browsers do.
        rowSpan: span(td.attribs['rowspan'], rows.length - r),
        colSpan: span(td.attribs['colspan'], MAX_COLSPAN),
        text: joinLines(lineTexts),
        lines,
        header: tag === 'th' || inThead(td, table),
        ref: cellRef,
      };
    }),
  );
  const placed = placeSpannedRows(sourceRows);
  const { rowCount, colCount } = tableSize(placed);
  const cells: Cell[] = placed.map((c) => ({ ...c, page: null, bbox: null }));
  return { page: null, bbox: null, ref, rowCount, colCount, cells };
}

/** Tags that never have children (their end tag is absent or ignored). */
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Tags whose end tag may be left out (the next one closes them), so they do not add up in depth. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rt', 'rp', 'html', 'head', 'body']);

/**
 * How deep elements nest, from the tags alone (a linear scan before parsing: HTML parsers take
 * quadratic time on deep nesting, and tree walks would overflow the stack).
 */
export function htmlNestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const tag = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/gu;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (name === undefined || VOID_TAGS.has(name) || OPTIONAL_END.has(name) || m[3] === '/') continue;
    if (name === 'script' || name === 'style') {
      // Their content is not markup.
      const end = html.toLowerCase().indexOf(`</${name}`, tag.lastIndex);
      tag.lastIndex = end < 0 ? html.length : end + name.length + 2;
      continue;
    }
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return max;
}

/** UTF-8 unless a BOM, a <meta charset> or the bytes themselves say otherwise. */
function decodeHtml(bytes: Uint8Array): string {
  let encoding = textEncoding(bytes) ?? 'utf-8';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).toLowerCase();
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/u.exec(head)?.[1];
  if (encoding === 'utf-8' && declared && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/u.test(declared)) encoding = 'gb18030';
  return new TextDecoder(encoding).decode(bytes);
}

function readHtml(bytes: Uint8Array, options: ReadOptions = {}): LayoutDocument {
  const html = decodeHtml(bytes);
  if (!/<[a-z!]/iu.test(html)) {
    throw new SelfevalError('CORRUPT', { file: options.fileName ?? null, detail: '不是 HTML 文件' });
  }
  const depth = htmlNestingDepth(html);
  if (depth > MAX_HTML_DEPTH) {
    throw new SelfevalError('CORRUPT', { file: options.fileName ?? null, detail: `HTML 元素嵌套 ${depth} 层，超过上限 ${MAX_HTML_DEPTH} 层` });
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
      // Nested tables are read as tables of their own, after their parent, in document order.
      const pending: Element[] = [node];
      while (pending.length > 0) {
        const table = pending.shift() as Element;
        const { rows, nested } = rowsAndNested(table);
        tableIndex++;
        blocks.push({ type: 'table', table: readTable(table, tableIndex, rows) });
        pending.unshift(...nested);
      }
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
