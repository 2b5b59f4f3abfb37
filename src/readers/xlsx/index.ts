/**
 * XLSX reader: a SpreadsheetML workbook → one LayoutPage per visible sheet, in workbook order.
 *
 * Each page holds the sheet's title lines and one table (see sheet-layout.ts). Sheets have no page
 * geometry: number, width and height are null and anchors locate by `ref` (`Sheet1!B3`, `Sheet1`).
 */
import { SelfevalError, isSelfevalError } from '../../errors.js';
import type { LayoutDocument, LayoutPage, LayoutWarning } from '../../layout/model.js';
import { mainPartName, readPackageProperties, readRelationships } from '../docx/package.js';
import { isOleCompound, readOleInsteadOfZip } from '../legacy.js';
import type { Reader, ReadOptions } from '../types.js';
import { childAt, childElements, parseXml, type XmlElement } from '../xml.js';
import { openZip, zipHasEntry, type ZipArchive, type ZipLimits } from '../zip.js';
import { readSharedStrings } from './shared-strings.js';
import { readSheet } from './sheet.js';
import { sheetToBlocks } from './sheet-layout.js';
import { readCellStyles } from './styles.js';

const DEFAULT_WORKBOOK_PART = 'xl/workbook.xml';
const MAX_CELLS_PER_SHEET = 2_000_000;

export interface XlsxReadOptions extends ReadOptions {
  zipLimits?: ZipLimits;
}

function readPart(zip: ZipArchive, part: string | undefined, fileName: string | null): XmlElement | null {
  if (!part) return null;
  const bytes = zip.read(part);
  return bytes ? parseXml(bytes, part, fileName) : null;
}

export function readXlsx(bytes: Uint8Array, options: XlsxReadOptions = {}): LayoutDocument {
  const fileName = options.fileName ?? null;
  const zip = openZip(bytes, fileName, options.zipLimits);
  const workbookPart = mainPartName(zip, DEFAULT_WORKBOOK_PART, fileName);
  const workbook = readPart(zip, workbookPart, fileName);
  if (!workbook) throw new SelfevalError('CORRUPT', { file: fileName, detail: `缺少 ${DEFAULT_WORKBOOK_PART}` });
  const rels = readRelationships(zip, workbookPart, fileName);
  const relPart = (suffix: string): string | undefined => rels.find((r) => r.type.endsWith(suffix))?.part;

  const sharedStrings = readSharedStrings(readPart(zip, relPart('/sharedStrings'), fileName));
  const styles = readCellStyles(readPart(zip, relPart('/styles'), fileName));
  const workbookPr = childAt(workbook, ['workbookPr']);
  const date1904 = ['1', 'true'].includes((workbookPr?.attrs['date1904'] ?? '').toLowerCase());

  const pages: LayoutPage[] = [];
  const warnings: LayoutWarning[] = [];
  for (const sheet of childElements(childAt(workbook, ['sheets']) ?? workbook, 'sheet')) {
    const name = sheet.attrs['name'] ?? `Sheet${pages.length + 1}`;
    const state = (sheet.attrs['state'] ?? 'visible').toLowerCase();
    if (state !== 'visible') {
      warnings.push({ code: 'XLSX_HIDDEN_SHEET_SKIPPED', message: `隐藏的工作表「${name}」未读取`, anchor: { page: null, bbox: null, ref: name } });
      continue;
    }
    const rel = rels.find((r) => r.id === sheet.attrs['id']);
    // Chart sheets and dialog sheets have no cells.
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    const worksheet = readPart(zip, rel.part, fileName);
    if (!worksheet) throw new SelfevalError('CORRUPT', { file: fileName, detail: `缺少工作表 ${rel.part}` });
    const data = readSheet(worksheet, { sharedStrings, styles, date1904, maxCells: MAX_CELLS_PER_SHEET });
    const { blocks, sparse } = sheetToBlocks(name, data);
    if (sparse) {
      warnings.push({ code: 'XLSX_SPARSE_SHEET', message: `工作表「${name}」范围过大，只输出非空单元格`, anchor: { page: null, bbox: null, ref: name } });
    }
    pages.push({ number: null, width: null, height: null, blocks });
  }
  const { title, producer } = readPackageProperties(zip, fileName);
  return { format: 'xlsx', pageCount: null, producer, title, pages, warnings };
}

export const xlsxReader: Reader = {
  format: 'xlsx',
  sniff: (bytes) => zipHasEntry(bytes, DEFAULT_WORKBOOK_PART),
  read: async (bytes, options) => {
    if (isOleCompound(bytes)) return readOleInsteadOfZip(bytes, options);
    try {
      return readXlsx(bytes, options);
    } catch (error) {
      if (isSelfevalError(error)) throw error;
      throw new SelfevalError('CORRUPT', { file: options?.fileName ?? null, detail: 'XLSX 结构无法解析', cause: error });
    }
  },
};
