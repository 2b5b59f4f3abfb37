/**
 * The documents of samples/beyond/ read as `selfeval extract samples` reads them (each verified with its
 * companions among them), and their golden files under golden/beyond/<format>/<file>.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseCompanions } from '../../src/pipeline/batch.js';
import { extractBytes, verify } from '../../src/pipeline/run.js';
import type { Document } from '../../src/schema/document.js';
import { BEYOND, beyondFacts, beyondFiles, type Facts } from './facts.js';
import { GOLDEN } from './samples.js';

export const BEYOND_GOLDEN = join(GOLDEN, 'beyond');

/**
 * Differences from the facts that come from the input, not from reading it, each with its reason. A golden
 * may differ from its facts file only in these fields.
 */
export const SOURCE_LIMITS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'xlsx/yuling-cgj-2021-dept-table.xlsx': { 'indicators[8].actual.text': 'the spreadsheet stores 5.00 as the number 5 (format General)' },
};

export interface BeyondRead {
  file: string;
  facts: Facts;
  document: Document | null;
  error: { code: string; message: string } | null;
}

/** Every beyond file, read and verified with its companions (look-alikes give their error instead). */
export async function readBeyond(): Promise<BeyondRead[]> {
  const reads: BeyondRead[] = [];
  for (const facts of beyondFacts()) {
    for (const file of beyondFiles(facts.id)) {
      const result = await extractBytes(new Uint8Array(readFileSync(join(BEYOND, file))), `samples/beyond/${file}`);
      reads.push(result.ok ? { file, facts, document: result.document, error: null } : { file, facts, document: null, error: { code: result.error.code, message: result.error.message } });
    }
  }
  const all = reads.flatMap((r) => (r.document ? [r.document] : []));
  return reads.map((r) => (r.document ? { ...r, document: verify(r.document, chooseCompanions(r.document, all)) } : r));
}

export function beyondGoldenPath(file: string): string {
  return join(BEYOND_GOLDEN, `${file}.json`);
}

export function readBeyondGolden(file: string): Document | null {
  try {
    return JSON.parse(readFileSync(beyondGoldenPath(file), 'utf8')) as Document;
  } catch {
    return null;
  }
}
