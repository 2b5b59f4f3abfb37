/**
 * Cell addresses and merged ranges (`mergeCells`) of a worksheet.
 */
import { childAt, childElements, type XmlElement } from '../xml.js';

/** An inclusive, 0-based rectangle of cells. */
export interface CellRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** `A` → 0, `Z` → 25, `AA` → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0 → `A`, 26 → `AA`. */
export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `B3` (also `$B$3`) → { row: 2, col: 1 }; null when it is not an A1 address. */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/u.exec(address.trim());
  if (!m) return null;
  return { row: Number.parseInt(m[2] as string, 10) - 1, col: columnIndex(m[1] as string) };
}

export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** `A5:B7` → its rectangle; a single address is a 1×1 range; null when malformed. */
export function parseRange(ref: string): CellRange | null {
  const [from, to = from] = ref.split(':');
  const a = parseCellAddress(from ?? '');
  const b = parseCellAddress(to ?? '');
  if (!a || !b) return null;
  return { r0: Math.min(a.row, b.row), c0: Math.min(a.col, b.col), r1: Math.max(a.row, b.row), c1: Math.max(a.col, b.col) };
}

/** The merged ranges of a worksheet, single cells left out. */
export function readMergeCells(worksheet: XmlElement): CellRange[] {
  const container = childAt(worksheet, ['mergeCells']);
  if (!container) return [];
  const out: CellRange[] = [];
  for (const merge of childElements(container, 'mergeCell')) {
    const range = parseRange(merge.attrs['ref'] ?? '');
    if (range && (range.r1 > range.r0 || range.c1 > range.c0)) out.push(range);
  }
  return out;
}

/** Which merged range covers a cell; built once per sheet. */
export class MergeIndex {
  private readonly byCell = new Map<number, CellRange>();

  constructor(ranges: readonly CellRange[], maxCells = 1_000_000) {
    let budget = maxCells;
    for (const range of ranges) {
      for (let r = range.r0; r <= range.r1 && budget > 0; r++) {
        for (let c = range.c0; c <= range.c1 && budget > 0; c++, budget--) {
          const key = r * 16384 + c;
          if (!this.byCell.has(key)) this.byCell.set(key, range);
        }
      }
    }
  }

  /** The merged range covering (row, col), or undefined for an unmerged cell. */
  rangeAt(row: number, col: number): CellRange | undefined {
    return this.byCell.get(row * 16384 + col);
  }
}
