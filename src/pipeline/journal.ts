/**
 * The batch's journal (`DIR/.selfeval/journal.jsonl`), appended one line per finished file or
 * verification, so that a run killed at any moment can be resumed: a file whose bytes, output name
 * and tool version are unchanged is not read again. A torn last line (a kill in mid-write) is ignored.
 */
import { appendFileSync, closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OcrMode } from '../readers/types.js';
import type { ResultLine } from './fields.js';
import { writeFileAtomicSync } from './files.js';

export const STATE_DIR = '.selfeval';

export interface ReadEntry {
  t: 'read';
  file: string;
  sha256: string | null;
  output: string;
  /**
   * The options that change what a file reads as (the OCR mode): a later run with another mode
   * reads the file again where the mode matters for its format. Absent in older journals.
   */
  ocr?: OcrMode;
  /** Of the verification the output holds (see pairing.ts); null when the file failed. */
  signature: string | null;
  line: ResultLine;
}

export interface VerifyEntry {
  t: 'verify';
  output: string;
  signature: string;
  line: ResultLine;
}

export type JournalEntry = ReadEntry | VerifyEntry;

export interface JournalState {
  /** The tool version that wrote the journal; another version starts afresh. */
  tool: string;
  reads: Map<string, ReadEntry>;
  /** The verification each output holds now: the last read or verify entry for it. */
  verified: Map<string, { signature: string; line: ResultLine }>;
}

function parseLines(text: string): JournalEntry[] {
  const out: JournalEntry[] = [];
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    try {
      out.push(JSON.parse(raw) as JournalEntry);
    } catch {
      // A line torn by a kill: that file was not finished.
    }
  }
  return out;
}

export class Journal {
  private readonly path: string;
  private fd: number | null = null;

  constructor(
    stateDir: string,
    readonly tool: string,
  ) {
    this.path = join(stateDir, 'journal.jsonl');
  }

  /** What an earlier run of the same tool version finished here (empty when none, or when forced). */
  load(force: boolean): JournalState {
    const state: JournalState = { tool: this.tool, reads: new Map(), verified: new Map() };
    if (force) return state;
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return state;
    }
    const [header, ...entries] = parseLines(text) as unknown as [{ tool?: string }, ...JournalEntry[]];
    if (header?.tool !== this.tool) return state;
    for (const entry of entries) {
      if (entry.t === 'read') {
        state.reads.set(entry.file, entry);
        if (entry.signature !== null) state.verified.set(entry.output, { signature: entry.signature, line: entry.line });
        else state.verified.delete(entry.output);
      } else if (entry.t === 'verify') {
        state.verified.set(entry.output, { signature: entry.signature, line: entry.line });
      }
    }
    return state;
  }

  /** Start the journal over with the entries that still hold (compaction), then append to it. */
  open(keep: readonly JournalEntry[]): void {
    const text = [JSON.stringify({ tool: this.tool }), ...keep.map((e) => JSON.stringify(e))].join('\n') + '\n';
    writeFileAtomicSync(this.path, text);
    this.fd = openSync(this.path, 'a');
  }

  /** One line, one write: after a kill the journal holds whole lines (and at most one torn last line). */
  append(entry: JournalEntry): void {
    if (this.fd === null) throw new Error('journal not open');
    appendFileSync(this.fd, `${JSON.stringify(entry)}\n`);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** results.jsonl during a run: one line appended per finished file, in the order they finish. */
export class ResultsFile {
  private fd: number | null = null;

  constructor(private readonly path: string) {}

  start(): void {
    writeFileAtomicSync(this.path, '');
    this.fd = openSync(this.path, 'a');
  }

  append(line: ResultLine): void {
    if (this.fd !== null) appendFileSync(this.fd, `${JSON.stringify(line)}\n`);
  }

  /** At the end: the whole file again, one line per input in batch order. */
  finish(lines: readonly ResultLine[]): void {
    this.close();
    writeFileAtomicSync(this.path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
