import type { Anchor, LayoutDocument, Line } from '../../src/layout/model.js';
import { joinWrapped } from '../../src/layout/text.js';
import type { Provenance } from '../../src/schema/provenance.js';
import { provenanceOf, unionAnchor } from './provenance.js';

interface Segment {
  start: number;
  end: number;
  line: Line;
}

const STREAMS = new WeakMap<LayoutDocument, { withTables?: TextStream; withoutTables?: TextStream }>();

/**
 * The prose of a document as one string, hard-wrapped lines joined the way Chinese joins (no space
 * between CJK), with a map back from every character offset to the line it came from, so that a
 * value found by a pattern anywhere in the text keeps its page and box.
 */
export class TextStream {
  readonly text: string;
  private readonly segments: Segment[];

  private constructor(text: string, segments: Segment[]) {
    this.text = text;
    this.segments = segments;
  }

  static fromLines(lines: readonly Line[]): TextStream {
    // joinWrapped(text, line) for every line, without re-reading the text built so far (a table of
    // thousands of rows has tens of thousands of lines): only the last part can carry trailing spaces.
    const parts: string[] = [];
    let tail = '';
    let length = 0;
    const segments: Segment[] = [];
    for (const line of lines) {
      const before = length;
      const b = line.text.replace(/^\s+/u, '');
      const trimmed = tail.replace(/\s+$/u, '');
      const aLength = length - (tail.length - trimmed.length);
      if (b === '') {
        tail = trimmed;
        length = aLength;
      } else if (aLength === 0) {
        parts.length = 0;
        tail = b;
        length = b.length;
      } else {
        // The separator joinWrapped puts between the last character and the line.
        const joined = joinWrapped(trimmed.slice(-1), b);
        const separator = joined.slice(1, joined.length - b.length);
        parts.push(trimmed, separator);
        tail = b;
        length = aLength + separator.length + b.length;
      }
      const start = length - b.length;
      if (length > before) segments.push({ start, end: length, line });
    }
    parts.push(tail);
    return new TextStream(parts.join(''), segments);
  }

  /**
   * Every line of the document outside tables, plus table cells' lines, in reading order. Built once
   * per layout: classification and extraction all read the same stream.
   */
  static fromLayout(layout: LayoutDocument, options: { includeTables?: boolean } = {}): TextStream {
    const includeTables = options.includeTables ?? true;
    const cached = STREAMS.get(layout);
    const hit = includeTables ? cached?.withTables : cached?.withoutTables;
    if (hit) return hit;
    const stream = TextStream.fromLines(layoutLines(layout, includeTables));
    STREAMS.set(layout, { ...cached, [includeTables ? 'withTables' : 'withoutTables']: stream });
    return stream;
  }

  /** The lines that hold the characters [start, end). */
  linesAt(start: number, end: number): Line[] {
    return this.segments.filter((s) => s.end > start && s.start < Math.max(end, start + 1)).map((s) => s.line);
  }

  /**
   * The anchor of the characters [start, end): the union box of their lines on the page that holds
   * most of them (a value cut by a page break points at its larger part).
   */
  anchorAt(start: number, end: number): Anchor | null {
    const segments = this.segments.filter((s) => s.end > start && s.start < Math.max(end, start + 1));
    const weight = new Map<number | null, number>();
    for (const s of segments) {
      const overlap = Math.min(s.end, end) - Math.max(s.start, start);
      weight.set(s.line.page, (weight.get(s.line.page) ?? 0) + Math.max(overlap, 1));
    }
    const page = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    return unionAnchor(segments.filter((s) => s.line.page === page).map((s) => s.line));
  }

  /** Provenance for the characters [start, end): the lines' page and union box, and the matched text. */
  provenance(start: number, end: number, text = this.text.slice(start, end)): Provenance {
    return provenanceOf(this.anchorAt(start, end), text.trim());
  }
}

/** Lines in reading order; table cells contribute their lines (row by row) when includeTables. */
export function layoutLines(layout: LayoutDocument, includeTables: boolean): Line[] {
  const out: Line[] = [];
  for (const page of layout.pages) {
    for (const block of page.blocks) {
      if (block.type === 'line') out.push(block.line);
      else if (includeTables) {
        const cells = [...block.table.cells].sort((a, b) => a.row - b.row || a.col - b.col);
        for (const cell of cells) {
          if (cell.lines && cell.lines.length > 0) out.push(...cell.lines);
          else if (cell.text) out.push({ text: cell.text, page: cell.page, bbox: cell.bbox, ref: cell.ref, ...(cell.confidence === undefined ? {} : { confidence: cell.confidence }) });
        }
      }
    }
  }
  return out;
}
