import { readFile } from 'node:fs/promises';
import { SelfevalError } from '../../src/errors.js';
import type { LayoutDocument, Line, Table } from '../../src/layout/model.js';
import { readLayout } from '../../src/readers/index.js';

/** Read a file (path relative to the working directory, or absolute) into its layout. */
export async function readPath(path: string): Promise<LayoutDocument> {
  return readLayout(new Uint8Array(await readFile(path)), { fileName: path });
}

export function tablesOf(doc: LayoutDocument): Table[] {
  return doc.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : [])));
}

export function linesOf(doc: LayoutDocument): Line[] {
  return doc.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'line' ? [b.line] : [])));
}

/** The SelfevalError a promise rejects with (any other outcome fails the test). */
export async function errorOf(promise: Promise<unknown>): Promise<SelfevalError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SelfevalError) return error;
    throw error;
  }
  throw new Error('expected a SelfevalError');
}
