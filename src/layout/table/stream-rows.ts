/**
 * Stream tables, stage 3: segments placed in columns → cell pieces → rows.
 *
 * A piece is the text of one cell: segments in the same columns stacked with no more than a line
 * gap between them (a wrapped cell). Rows ("bands") are built from one-line pieces first, since a
 * one-line cell shows exactly where its row is; taller pieces then join the row they overlap, and
 * a piece overlapping several rows spans them. Vertically centred group labels are placed by
 * stream-labels; tight regions (no gap between rows) are split at the first column instead.
 */
import type { TextRun } from '../lines.js';
import type { BBox } from '../model.js';
import { isCjkChar } from '../text.js';
import type { ColumnSpan, Gutter } from './stream-columns.js';
import { guttersCrossed } from './stream-columns.js';
import { centredLabels } from './stream-labels.js';
import { runsToSegment, type Segment, type SegmentLine } from './stream-lines.js';

/** Vertical gap between lines of one wrapped cell, at most this many font sizes. */
export const WRAP_GAP_EM = 0.5;

export interface Piece {
  /** First and last column covered (0-based, inclusive). */
  c0: number;
  c1: number;
  segments: Segment[];
  y0: number;
  y1: number;
}

export interface Band {
  y0: number;
  y1: number;
  pieces: Piece[];
}

/** A piece placed on the final grid: rows r0..r1, columns c0..c1 (inclusive). */
export interface PlacedPiece {
  piece: Piece;
  r0: number;
  r1: number;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/**
 * Estimated advance of a character in font sizes (pdf.js gives a run's width, not each glyph's):
 * 1 em for CJK, rough Helvetica/Arial widths for Latin (the common sans-serif metrics).
 */
function emAdvance(ch: string): number {
  if (isCjkChar(ch)) return 1;
  if (/\s/u.test(ch) || /[.,;:'!|ijlft]/u.test(ch)) return 0.278;
  if (/[()\-r]/u.test(ch)) return 0.333;
  if (/[mw%]/u.test(ch) || /[MW]/u.test(ch)) return 0.86;
  if (/[A-Z]/u.test(ch)) return 0.68;
  return 0.556;
}

/**
 * Split one text run at a space that falls in a gutter: two cells' text drawn as one run
 * ("…的公 2.00"). Glyph positions are estimated from the run's width.
 */
function splitRunAtGutters(run: TextRun, gutters: readonly Gutter[]): TextRun[] {
  const crossed = gutters.filter((g) => run.bbox[0] < g.x0 && run.bbox[2] > g.x1);
  if (crossed.length === 0 || !/\s/u.test(run.text)) return [run];
  const chars = [...run.text];
  const total = chars.reduce((sum, ch) => sum + emAdvance(ch), 0);
  const scale = total > 0 ? (run.bbox[2] - run.bbox[0]) / total : 0;
  let pos = 0;
  const spaces: Array<{ i: number; x: number }> = [];
  chars.forEach((ch, i) => {
    if (/\s/u.test(ch)) spaces.push({ i, x: run.bbox[0] + (pos + emAdvance(ch) / 2) * scale });
    pos += emAdvance(ch);
  });
  // One cut per gutter: the space estimated nearest its middle, if near enough.
  const cuts = [
    ...new Set(
      crossed.flatMap((g) => {
        const mid = (g.x0 + g.x1) / 2;
        const near = spaces.filter((s) => s.x >= g.x0 - run.fontSize && s.x <= g.x1 + run.fontSize).sort((a, b) => Math.abs(a.x - mid) - Math.abs(b.x - mid));
        return near.length > 0 ? [(near[0] as { i: number }).i] : [];
      }),
    ),
  ].sort((a, b) => a - b);
  if (cuts.length === 0) return [run];
  const out: TextRun[] = [];
  let start = 0;
  for (const cut of [...cuts, chars.length]) {
    const text = chars.slice(start, cut).join('').trim();
    const before = chars.slice(0, start).reduce((sum, ch) => sum + emAdvance(ch), 0);
    const upto = chars.slice(0, cut).reduce((sum, ch) => sum + emAdvance(ch), 0);
    if (text !== '') out.push({ text, bbox: [run.bbox[0] + before * scale, run.bbox[1], run.bbox[0] + upto * scale, run.bbox[3]], fontSize: run.fontSize });
    start = cut + 1;
  }
  return out.length > 0 ? out : [run];
}

/** Split a segment between runs where the gap between them lies in a gutter (two cells run together). */
export function splitAtGutters(seg: Segment, gutters: readonly Gutter[], crossers: ReadonlySet<Segment>): Segment[] {
  const parts: Segment[] = [];
  let current: Segment['runs'] = [];
  // A crosser may be a cell spanning columns ("Year 2023" over two): it splits at spaces only when
  // that gives three cells or more (a header row drawn as one run: "Sampled Responded Rate (%)").
  const runs = crossers.has(seg)
    ? seg.runs.flatMap((r) => {
        const parts = splitRunAtGutters(r, gutters);
        return parts.length >= 3 ? parts : [r];
      })
    : seg.runs.flatMap((r) => splitRunAtGutters(r, gutters));
  for (const run of runs) {
    const prev = current[current.length - 1];
    // Runs that touch inside a gutter split too (a header's gutter can be narrower than a space).
    const touchIn = (g: Gutter): boolean => prev !== undefined && run.bbox[0] - prev.bbox[2] < 0.5 && prev.bbox[2] >= g.x0 - 0.01 && run.bbox[0] <= g.x1 + 0.01;
    if (prev && gutters.some((g) => overlap(prev.bbox[2], run.bbox[0], g.x0, g.x1) > 0.5 * Math.min(g.x1 - g.x0, run.bbox[0] - prev.bbox[2]) || touchIn(g))) {
      parts.push(runsToSegment(current));
      current = [];
    }
    current.push(run);
  }
  if (current.length > 0) parts.push(runsToSegment(current));
  return parts;
}

/** Columns a segment belongs to: the one holding its middle, or every column a crossing segment overlaps. */
export function segmentColumns(seg: Segment, columns: readonly ColumnSpan[], gutters: readonly Gutter[]): [number, number] {
  if (guttersCrossed(seg, gutters) > 0) {
    const hit = columns.map((c, i) => (overlap(seg.bbox[0], seg.bbox[2], c.x0, c.x1) > 1 ? i : -1)).filter((i) => i >= 0);
    if (hit.length > 0) return [hit[0] as number, hit[hit.length - 1] as number];
  }
  const mid = (seg.bbox[0] + seg.bbox[2]) / 2;
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  columns.forEach((c, i) => {
    const d = mid < c.x0 ? c.x0 - mid : mid > c.x1 ? mid - c.x1 : 0;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  return [best, best];
}

/** Lines of a region → pieces: segments put in columns, wrapped lines of one cell stacked. */
export function linesToPieces(
  lines: readonly SegmentLine[],
  columns: readonly ColumnSpan[],
  gutters: readonly Gutter[],
  crossers: ReadonlySet<Segment>,
  fontSize: number,
): Piece[] {
  const placed: Piece[] = [];
  for (const line of lines) {
    for (const seg of line.segments.flatMap((s) => splitAtGutters(s, gutters, crossers))) {
      const [c0, c1] = segmentColumns(seg, columns, gutters);
      placed.push({ c0, c1, segments: [seg], y0: seg.bbox[1], y1: seg.bbox[3] });
    }
  }
  placed.sort((a, b) => a.y0 - b.y0);
  const pieces: Piece[] = [];
  const open = new Map<string, Piece>();
  for (const p of placed) {
    const key = `${p.c0}:${p.c1}`;
    const prev = open.get(key);
    const gap = prev ? p.y0 - prev.y1 : Number.POSITIVE_INFINITY;
    // Another piece in these columns between the two lines means they are different cells.
    const blocked = prev !== undefined && pieces.some((q) => q !== prev && q.c0 <= p.c1 && q.c1 >= p.c0 && q.y0 >= prev.y1 - 0.5 && q.y1 <= p.y0 + 0.5);
    if (prev && gap <= WRAP_GAP_EM * fontSize && !blocked) {
      prev.segments.push(...p.segments);
      prev.y1 = Math.max(prev.y1, p.y1);
    } else {
      pieces.push(p);
      open.set(key, p);
    }
  }
  return pieces;
}

/** True when no two lines of the region are further apart than a wrapped line: rows cannot be told by gaps. */
export function isTightRegion(lines: readonly SegmentLine[], fontSize: number): boolean {
  if (lines.length < 3) return false;
  for (let i = 1; i < lines.length; i++) {
    const gap = (lines[i] as SegmentLine).bbox[1] - (lines[i - 1] as SegmentLine).bbox[3];
    if (gap > WRAP_GAP_EM * fontSize) return false;
  }
  return true;
}

/**
 * Rows of a tight region (a word processor's table: no space between rows): a line with text in
 * the first column and in another column starts a row; any other line continues the row above
 * (a wrapped label, or wrapped values under an empty first column).
 */
export function linesToTightBands(lines: readonly SegmentLine[], columns: readonly ColumnSpan[], gutters: readonly Gutter[], crossers: ReadonlySet<Segment>): Band[] {
  const bands: Band[] = [];
  for (const line of lines) {
    const placed = line.segments
      .flatMap((s) => splitAtGutters(s, gutters, crossers))
      .map((seg): Piece => {
        const [c0, c1] = segmentColumns(seg, columns, gutters);
        return { c0, c1, segments: [seg], y0: seg.bbox[1], y1: seg.bbox[3] };
      });
    const startsRow = placed.some((p) => p.c0 === 0) && placed.some((p) => p.c0 > 0);
    const band = bands[bands.length - 1];
    if (!band || startsRow) {
      bands.push({ y0: line.bbox[1], y1: line.bbox[3], pieces: placed });
      continue;
    }
    for (const p of placed) {
      const same = band.pieces.find((q) => q.c0 === p.c0 && q.c1 === p.c1);
      if (same) {
        same.segments.push(...p.segments);
        same.y1 = Math.max(same.y1, p.y1);
      } else band.pieces.push(p);
    }
    band.y1 = Math.max(band.y1, line.bbox[3]);
  }
  return bands;
}

function bandOverlaps(piece: { y0: number; y1: number }, band: Band): boolean {
  const h = Math.min(piece.y1 - piece.y0, band.y1 - band.y0);
  return overlap(piece.y0, piece.y1, band.y0, band.y1) >= 0.5 * h;
}

/** One-line pieces → bands of one baseline each (the most-overlapped band wins). */
function singleLineBands(pieces: readonly Piece[]): Band[] {
  const bands: Band[] = [];
  for (const p of pieces) {
    let best: Band | null = null;
    let bestOverlap = 0;
    for (const b of bands) {
      const o = overlap(p.y0, p.y1, b.y0, b.y1);
      if (bandOverlaps(p, b) && o > bestOverlap) {
        best = b;
        bestOverlap = o;
      }
    }
    if (best) {
      best.pieces.push(p);
      best.y0 = Math.min(best.y0, p.y0);
      best.y1 = Math.max(best.y1, p.y1);
    } else bands.push({ y0: p.y0, y1: p.y1, pieces: [p] });
  }
  return bands.sort((a, b) => a.y0 - b.y0);
}

/**
 * Rows a tall piece only touches but is centred over together with the rows it is in: a merged
 * cell vertically centred across two rows (its text reaches a little into the second one).
 */
function centredOver(p: Piece, bands: readonly Band[], core: ReadonlyArray<{ y0: number; y1: number }>, hits: readonly Band[]): Band[] {
  const mid = (p.y0 + p.y1) / 2;
  const lineHeight = Math.min(...p.segments.map((s) => s.bbox[3] - s.bbox[1]));
  const extent = (set: ReadonlyArray<{ y0: number; y1: number }>): number => (Math.min(...set.map((b) => b.y0)) + Math.max(...set.map((b) => b.y1))) / 2;
  const hitCores = hits.map((h) => core[bands.indexOf(h)] ?? h);
  const error = Math.abs(extent(hitCores) - mid);
  const extra: Band[] = [];
  bands.forEach((b, i) => {
    const c = core[i] ?? b;
    if (hits.includes(b) || overlap(p.y0, p.y1, c.y0, c.y1) <= 0) return;
    const withIt = Math.abs(extent([...hitCores, c]) - mid);
    if (withIt < 0.5 * lineHeight && withIt < error - 0.5 * lineHeight) extra.push(b);
  });
  return extra;
}

/**
 * Pieces → rows (bands top to bottom) and the pieces spanning several rows. A tall piece whose
 * lines each sit on a different row is split back into lines (rows tighter than a line gap).
 */
export function piecesToBands(pieces: readonly Piece[]): { bands: Band[]; spanning: Array<{ piece: Piece; bands: Band[] }> } {
  const single = pieces.filter((p) => p.segments.length === 1);
  const tall = pieces.filter((p) => p.segments.length > 1).sort((a, b) => a.y0 - b.y0);
  const bands = singleLineBands(single);
  const core = bands.map((b) => ({ y0: b.y0, y1: b.y1 }));
  const spanning: Array<{ piece: Piece; bands: Band[] }> = [];
  for (const p of tall) {
    // A piece overlapping half a row (or half its own height, when the row is taller) is in it.
    const hits = bands.filter((b, i) => overlap(p.y0, p.y1, (core[i] ?? b).y0, (core[i] ?? b).y1) >= 0.5 * Math.min((core[i] ?? b).y1 - (core[i] ?? b).y0, p.y1 - p.y0));
    if (hits.length > 0) hits.push(...centredOver(p, bands, core, hits));
    if (hits.length === 0) {
      bands.push({ y0: p.y0, y1: p.y1, pieces: [p] });
      core.push({ y0: p.y0, y1: p.y1 });
      continue;
    }
    if (hits.length === 1) {
      const b = hits[0] as Band;
      b.pieces.push(p);
      b.y0 = Math.min(b.y0, p.y0);
      b.y1 = Math.max(b.y1, p.y1);
      continue;
    }
    const perLine = p.segments.map((s) => hits.filter((b) => bandOverlaps({ y0: s.bbox[1], y1: s.bbox[3] }, b)));
    // Three lines or more: two could be a two-line label beside two rows.
    if (p.segments.length >= 3 && p.segments.length === hits.length && perLine.every((h) => h.length === 1) && new Set(perLine.map((h) => h[0])).size === hits.length) {
      p.segments.forEach((s, i) => perLine[i]?.[0]?.pieces.push({ c0: p.c0, c1: p.c1, segments: [s], y0: s.bbox[1], y1: s.bbox[3] }));
      continue;
    }
    spanning.push({ piece: p, bands: hits });
  }
  return { bands: [...bands].sort((a, b) => a.y0 - b.y0), spanning };
}

/** Rows of the final grid (bands in order) and every piece's row range. */
export function bandsToPlacedPieces(bands: readonly Band[], spanning: ReadonlyArray<{ piece: Piece; bands: Band[] }>): { rows: Band[]; placed: PlacedPiece[] } {
  const labels = centredLabels(bands, spanning);
  const offGrid = new Set(labels.filter((l) => l.offGrid).map((l) => l.band));
  const labelPieces = new Set(labels.flatMap((l) => l.pieces));
  const finalRows = bands.filter((b) => !offGrid.has(b));
  const index = new Map(finalRows.map((b, i) => [b, i]));
  const placed: PlacedPiece[] = [];
  for (const b of finalRows) {
    for (const piece of b.pieces) if (!labelPieces.has(piece)) placed.push({ piece, r0: index.get(b) as number, r1: index.get(b) as number });
  }
  for (const l of labels) {
    const r = l.rows.map((b) => index.get(b)).filter((i): i is number => i !== undefined);
    if (r.length > 0) for (const piece of l.pieces) placed.push({ piece, r0: Math.min(...r), r1: Math.max(...r) });
  }
  for (const s of spanning) {
    if (labelPieces.has(s.piece)) continue;
    const r = s.bands.map((b) => index.get(b)).filter((i): i is number => i !== undefined);
    if (r.length > 0) placed.push({ piece: s.piece, r0: Math.min(...r), r1: Math.max(...r) });
  }
  return { rows: finalRows, placed };
}

/** The box of a piece's text. */
export function pieceBBox(piece: Piece): BBox {
  const boxes = piece.segments.map((s) => s.bbox);
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}
