import type { LayoutDocument, Table } from '../../src/layout/model.js';

const REBUILT = new WeakSet<Table>();

/** True for a table rebuilt from a one-cell-per-line text export: its columns are real. */
export const isRebuiltTable = (table: Table): boolean => REBUILT.has(table);

export function rebuildFlatTables(layout: LayoutDocument): LayoutDocument {
  return layout;
}
