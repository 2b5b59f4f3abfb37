/**
 * DOCX reader: the main document part of a WordprocessingML package → one page of blocks.
 *
 * Body paragraphs and tables come out interleaved in document order. Headers, footers, footnotes
 * and comments live in other parts and are not read. Word has no fixed pages, so the one LayoutPage
 * has number/size null and every anchor locates by `ref`: `paragraph 12` (the 12th body paragraph,
 * empty ones counted), `table 2`, `table 2 row 5 cell 3` (1-based). Automatic list labels (`一、`)
 * are written in front of their paragraph's text (see numbering.ts).
 */
import { SelfevalError, isSelfevalError } from '../../errors.js';
import type { Block, LayoutDocument, LayoutWarning } from '../../layout/model.js';
import { isOleCompound, readOleInsteadOfZip } from '../legacy.js';
import type { Reader, ReadOptions } from '../types.js';
import { childAt, parseXml, type XmlElement } from '../xml.js';
import { openZip, zipHasEntry, type ZipLimits } from '../zip.js';
import { ListNumbering } from './numbering.js';
import { mainPartName, readPackageProperties, readRelationships } from './package.js';
import { blockElements, paragraphLines, type ParagraphNotes } from './paragraphs.js';
import { readDocxTable, type TableCounter } from './tables.js';

const DEFAULT_MAIN_PART = 'word/document.xml';

export interface DocxReadOptions extends ReadOptions {
  zipLimits?: ZipLimits;
}

export function readDocx(bytes: Uint8Array, options: DocxReadOptions = {}): LayoutDocument {
  const fileName = options.fileName ?? null;
  const zip = openZip(bytes, fileName, options.zipLimits);
  const partName = mainPartName(zip, DEFAULT_MAIN_PART, fileName);
  const documentXml = zip.read(partName);
  if (!documentXml) throw new SelfevalError('CORRUPT', { file: fileName, detail: `缺少 ${DEFAULT_MAIN_PART}` });
  const root = parseXml(documentXml, partName, fileName);
  const body = childAt(root, ['body']);
  if (!body) throw new SelfevalError('CORRUPT', { file: fileName, detail: `${partName} 没有 w:body` });

  const parts = readRelationships(zip, partName, fileName);
  const partOf = (type: string): XmlElement | null => {
    const part = parts.find((r) => r.type.endsWith(type))?.part;
    const xml = part ? zip.read(part) : null;
    return part && xml ? parseXml(xml, part, fileName) : null;
  };
  // Styles matter only for numbering (a style may carry a list level), so read them only then.
  const numberingRoot = partOf('/numbering');
  const numbering = numberingRoot ? new ListNumbering(numberingRoot, partOf('/styles')) : null;
  const notes: ParagraphNotes = { skippedTextBoxes: 0, numbering: numbering && !numbering.isEmpty ? numbering : null };
  const counter: TableCounter = { next: 1 };
  const blocks: Block[] = [];
  let paragraphNumber = 0;
  for (const el of blockElements(body)) {
    if (el.name === 'p') {
      paragraphNumber++;
      const ref = `paragraph ${paragraphNumber}`;
      for (const line of paragraphLines(el, notes)) blocks.push({ type: 'line', line: { ...line, page: null, bbox: null, ref } });
    } else {
      for (const table of readDocxTable(el, counter, notes)) blocks.push({ type: 'table', table });
    }
  }

  const warnings: LayoutWarning[] = [];
  if (notes.skippedTextBoxes > 0) {
    warnings.push({ code: 'DOCX_TEXT_BOX_SKIPPED', message: `文档含 ${notes.skippedTextBoxes} 个文本框，其中文字未读取`, anchor: null });
  }
  const { title, producer } = readPackageProperties(zip, fileName);
  return {
    format: 'docx',
    pageCount: null,
    producer,
    title,
    pages: [{ number: null, width: null, height: null, blocks }],
    warnings,
  };
}

/** Errors from malformed input keep their code; anything else thrown while reading is a corrupt file. */
function wrapErrors(fileName: string | null, error: unknown): SelfevalError {
  if (isSelfevalError(error)) return error;
  return new SelfevalError('CORRUPT', { file: fileName, detail: 'DOCX 结构无法解析', cause: error });
}

export const docxReader: Reader = {
  format: 'docx',
  sniff: (bytes) => zipHasEntry(bytes, DEFAULT_MAIN_PART),
  read: async (bytes, options) => {
    if (isOleCompound(bytes)) return readOleInsteadOfZip(bytes, options);
    try {
      return readDocx(bytes, options);
    } catch (error) {
      throw wrapErrors(options?.fileName ?? null, error);
    }
  },
};
