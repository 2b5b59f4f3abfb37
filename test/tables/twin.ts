/** Agreement of a PDF's tables with its HTML twin (same content, ruled tables with spans). */
import type { Table } from '../../src/layout/model.js';
import { tableToRows } from '../../src/output/tables.js';

const norm = (t: string): string => t.replace(/[\s\u3000]+/gu, '');

function nonEmptyRows(tables: readonly Table[]): string[][] {
  return tables.flatMap((t) => tableToRows(t).map((r) => r.map(norm).filter((c) => c !== ''))).filter((r) => r.length > 0);
}

export interface TwinAgreement {
  /** Non-empty HTML cells found as a PDF cell with the same text (each PDF cell used once). */
  cellsFound: number;
  cells: number;
  /** HTML rows whose non-empty cells, in order, are exactly some PDF row's. */
  rowsFound: number;
  rows: number;
}

export function twinAgreement(pdf: readonly Table[], html: readonly Table[]): TwinAgreement {
  const pdfRows = nonEmptyRows(pdf);
  const htmlRows = nonEmptyRows(html);
  const pool = new Map<string, number>();
  for (const c of pdfRows.flat()) pool.set(c, (pool.get(c) ?? 0) + 1);
  let cellsFound = 0;
  for (const c of htmlRows.flat()) {
    const n = pool.get(c) ?? 0;
    if (n > 0) {
      cellsFound++;
      pool.set(c, n - 1);
    }
  }
  const keys = new Set(pdfRows.map((r) => JSON.stringify(r)));
  const rowsFound = htmlRows.filter((r) => keys.has(JSON.stringify(r))).length;
  return { cellsFound, cells: htmlRows.flat().length, rowsFound, rows: htmlRows.length };
}
