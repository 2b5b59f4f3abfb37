/**
 * WordprocessingML tables (`w:tbl`) → layout Tables.
 *
 * Grid columns come from the cells themselves: a row starts at `w:gridBefore`, and each `w:tc`
 * occupies `w:gridSpan` columns after the ones before it. `w:vMerge` restart starts a cell that
 * continue cells below extend (rowSpan grows by one per continue row at the same grid column).
 * A table nested in a cell is read as a Table of its own, emitted right after its parent, and its
 * text is kept out of the parent cell (the cell keeps only its own paragraphs).
 */
import type { Cell, Line, Table } from '../../layout/model.js';
import { joinLines } from '../../layout/text.js';
import { childAt, childElements, isOn, type XmlElement } from '../xml.js';
import { blockElements, paragraphLines, type ParagraphLine, type ParagraphNotes } from './paragraphs.js';

/** Numbering shared across one document: tables are numbered 1, 2, … in document (pre-)order. */
export interface TableCounter {
  next: number;
}

function intAttr(el: XmlElement | undefined, fallback: number): number {
  const n = Number.parseInt(el?.attrs['val'] ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 1000) : fallback;
}

/** Rows (or cells) of a table, looking through content controls and custom XML wrappers. */
function wrapped(container: XmlElement, name: 'tr' | 'tc'): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of childElements(container)) {
    if (child.name === name) out.push(child);
    else if (child.name === 'sdt' || child.name === 'sdtContent' || child.name === 'customXml') out.push(...wrapped(child, name));
  }
  return out;
}

type VMerge = 'none' | 'restart' | 'continue';

function vMergeOf(tc: XmlElement): VMerge {
  const el = childAt(tc, ['tcPr', 'vMerge']);
  if (!el) return 'none';
  return (el.attrs['val'] ?? 'continue').toLowerCase() === 'restart' ? 'restart' : 'continue';
}

/**
 * Read one table and, after it, the tables nested in its cells. `tableIndex` of the parent is taken
 * from the counter before its nested tables are numbered.
 */
export function readDocxTable(tbl: XmlElement, counter: TableCounter, notes?: ParagraphNotes): Table[] {
  const tableNumber = counter.next++;
  const tableRef = `table ${tableNumber}`;
  const nested: Table[] = [];
  const cells: Cell[] = [];
  const gridColumns = childElements(childAt(tbl, ['tblGrid']) ?? { name: 'tblGrid', attrs: {}, children: [] }, 'gridCol').length;
  // For each grid column, the cell whose vertical merge is still open there (its last row is the previous row).
  const openAt = new Map<number, Cell>();
  const rows = wrapped(tbl, 'tr');
  let colCount = gridColumns;

  rows.forEach((tr, r) => {
    const trPr = childAt(tr, ['trPr']);
    const header = isOn(trPr && childAt(trPr, ['tblHeader']));
    let col = intAttr(trPr && childAt(trPr, ['gridBefore']), 0);
    const stillOpen = new Map<number, Cell>();
    let previous: Cell | null = null;
    wrapped(tr, 'tc').forEach((tc, c) => {
      const colSpan = Math.max(1, intAttr(childAt(tc, ['tcPr', 'gridSpan']), 1));
      const merge = vMergeOf(tc);
      // Legacy horizontal merge (w:hMerge, from Word 97 files): a continue cell widens the one before it.
      const hMerge = childAt(tc, ['tcPr', 'hMerge']);
      if (hMerge && (hMerge.attrs['val'] ?? 'continue') !== 'restart' && previous && previous.row === r && merge !== 'continue') {
        previous.colSpan += colSpan;
        col += colSpan;
        return;
      }
      const above = openAt.get(col);
      if (merge === 'continue' && above && above.row + above.rowSpan === r) {
        above.rowSpan++;
        stillOpen.set(col, above);
        col += colSpan;
        return;
      }
      const ref = `${tableRef} row ${r + 1} cell ${c + 1}`;
      const found: ParagraphLine[] = [];
      for (const block of blockElements(tc)) {
        if (block.name === 'p') found.push(...paragraphLines(block, notes));
        else nested.push(...readDocxTable(block, counter, notes));
      }
      const lines: Line[] = found.map((l) => ({ ...l, page: null, bbox: null, ref }));
      const cell: Cell = { row: r, col, rowSpan: 1, colSpan, text: joinLines(found.map((l) => l.text)), lines, page: null, bbox: null, ref };
      if (found.some((l) => l.raw !== undefined)) cell.raw = joinLines(found.map((l) => l.raw ?? l.text));
      if (header) cell.header = true;
      cells.push(cell);
      // Any cell may be extended by a continue cell below it (Word merges with what is above); a
      // continue cell with nothing above to extend is kept as a cell of its own (malformed but seen).
      stillOpen.set(col, cell);
      previous = cell;
      col += colSpan;
    });
    colCount = Math.max(colCount, col);
    openAt.clear();
    for (const [key, cell] of stillOpen) openAt.set(key, cell);
  });

  const table: Table = { page: null, bbox: null, ref: tableRef, rowCount: rows.length, colCount, cells };
  return [table, ...nested];
}
