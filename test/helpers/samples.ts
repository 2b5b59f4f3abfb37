import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes } from '../../src/pipeline/run.js';
import type { Document } from '../../src/schema/document.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SAMPLES = join(ROOT, 'samples');
export const GOLDEN = join(ROOT, 'golden');

export function sampleFiles(): string[] {
  return readdirSync(SAMPLES)
    .filter((f) => !f.startsWith('.') && !f.endsWith('.md') && statSync(join(SAMPLES, f)).isFile())
    .sort();
}

/** The document id of a sample: `zengcheng-2022-table.chromium.pdf` → `zengcheng-2022-table`. */
export function documentId(file: string): string {
  return file.replace(/\.(chromium|libreoffice|unruled|cairo|scanned)\.pdf$/u, '').replace(/\.[a-z]+$/u, '');
}

/** Read a sample the way `selfeval extract samples` does (path relative to the project root). */
export async function readSample(file: string, companions: readonly Document[] = []): Promise<Document> {
  const bytes = new Uint8Array(readFileSync(join(SAMPLES, file)));
  const result = await extractBytes(bytes, `samples/${file}`, companions);
  if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
  return result.document;
}

export function readGolden(file: string): Document | null {
  try {
    return JSON.parse(readFileSync(join(GOLDEN, `${file}.json`), 'utf8')) as Document;
  } catch {
    return null;
  }
}
