/**
 * Stream tables: vertically centred merged cells. An unruled form prints a group label (一级指标
 * and its score) in the vertical middle of its group of rows, with its columns empty on every
 * other row of the group. Without rules the group's extent is lost; we recover it because groups
 * tile the rows and each label sits in the middle of its own group.
 *
 * A column set is "centred" once a label is seen between two rows (an even group). Every cell in
 * those columns is then a group label; the boundaries between consecutive groups are chosen
 * together (dynamic programming) so that every label is as close as possible to its group's middle.
 * Rows before the first label or after the last one may belong to groups on other pages.
 */
import type { Band, Piece } from './stream-rows.js';

export interface CentredLabel {
  /** The band the label was found on. */
  band: Band;
  /** The label's pieces (a label and its score side by side). */
  pieces: Piece[];
  /** The rows the label spans, in order. */
  rows: Band[];
  /** True when the label sits between rows (its band is not a row of its own). */
  offGrid: boolean;
}

/** A top-aligned reading of a label costs this share of its height more than a centred one. */
const TOP_ALIGN_PENALTY = 0.1;

function columnEmpty(band: Band, c: number): boolean {
  return !band.pieces.some((p) => p.c0 <= c && p.c1 >= c);
}

function columnsOf(pieces: readonly Piece[]): number[] {
  return [...new Set(pieces.flatMap((p) => Array.from({ length: p.c1 - p.c0 + 1 }, (_, k) => p.c0 + k)))].sort((a, b) => a - b);
}

/** A band that holds only cells left of the content of a neighbouring row whose columns it leaves empty. */
function isOffGridLabel(bands: readonly Band[], i: number): boolean {
  const band = bands[i] as Band;
  if (band.pieces.length === 0) return false;
  const cols = columnsOf(band.pieces);
  const right = Math.max(...cols);
  const neighbours = [bands[i - 1], bands[i + 1]].filter((b): b is Band => b !== undefined && b.pieces.length > 0);
  return neighbours.some((b) => cols.every((c) => columnEmpty(b, c)) && Math.min(...b.pieces.map((p) => p.c0)) > right);
}

interface Span {
  y0: number;
  y1: number;
}

interface Label {
  band: Band;
  pieces: Piece[];
  offGrid: boolean;
  /** In-row: the row index. Off-grid: the index of the first row below it. */
  at: number;
  y0: number;
  y1: number;
  /** In-row label alone on its row: its range is that row. */
  alone?: boolean;
}

/** Choose each label's row range [a, b]: ranges tile, each holds its label, middles match. */
function tileLabels(rows: readonly Band[], labels: readonly Label[], extents: readonly Span[]): Array<[number, number]> | null {
  const n = rows.length;
  const k = labels.length;
  const cost = (label: Label, a: number, b: number, last: boolean): number => {
    const top = Math.min((extents[a] as Span).y0, label.y0);
    const bottom = Math.max((extents[b] as Span).y1, label.y1);
    const middle = Math.abs((top + bottom) / 2 - (label.y0 + label.y1) / 2);
    if (!last || b !== n - 1) return middle;
    // A group cut by the page's end has its label at the top of its first row (a browser prints
    // a merged cell broken across pages from the top): the last label may run off the end so.
    // Starting in the gap above row a (or at its top) is as good as starting at its top.
    const gapTop = a > 0 ? (rows[a - 1] as Band).y1 : Number.NEGATIVE_INFINITY;
    const rowTop = (extents[a] as Span).y0;
    const offset = label.y0 > gapTop - 0.5 && label.y0 <= rowTop + 0.5 ? 0 : Math.abs(rowTop - label.y0);
    const topAligned = offset + TOP_ALIGN_PENALTY * (label.y1 - label.y0);
    return Math.min(middle, topAligned);
  };
  const holds = (label: Label, a: number, b: number): boolean =>
    label.offGrid ? a <= label.at && b >= label.at - 1 : label.alone === true ? a === label.at && b === label.at : a <= label.at && b >= label.at;
  // best[j][b]: least total error for labels 0..j with label j ending at row b; from[j][b]: its start.
  const best: number[][] = Array.from({ length: k }, () => Array.from({ length: n }, () => Number.POSITIVE_INFINITY));
  const from: number[][] = Array.from({ length: k }, () => Array.from({ length: n }, () => -1));
  for (let j = 0; j < k; j++) {
    const label = labels[j] as Label;
    for (let b = 0; b < n; b++) {
      for (let a = 0; a <= b; a++) {
        if (!holds(label, a, b)) continue;
        const before = j === 0 ? 0 : a === 0 ? Number.POSITIVE_INFINITY : ((best[j - 1] as number[])[a - 1] as number);
        const total = before + cost(label, a, b, j === k - 1);
        if (total < ((best[j] as number[])[b] as number)) {
          (best[j] as number[])[b] = total;
          (from[j] as number[])[b] = a;
        }
      }
    }
  }
  const last = best[k - 1] as number[];
  let end = -1;
  for (let b = 0; b < n; b++) if (end < 0 || (last[b] as number) < (last[end] as number)) end = b;
  if (end < 0 || !Number.isFinite(last[end] as number)) return null;
  const ranges: Array<[number, number]> = [];
  for (let j = k - 1; j >= 0; j--) {
    const a = (from[j] as number[])[end] as number;
    ranges.unshift([a, end]);
    end = a - 1;
  }
  return ranges;
}

/** A leading column with text on at most this share of the rows holds one label per group of rows. */
const SPARSE_SHARE = 1 / 3;
/** …in a table of at least this many rows. */
const MIN_LABEL_ROWS = 6;
/** A column with text on this share of the rows is content: the label columns are left of the first one. */
const DENSE_SHARE = 0.6;

/**
 * Label columns seen without a label between rows: the leading columns (left of the first dense
 * one) with text on two rows or more but at most a third of them, each label in a row of its own
 * group (every group's label happened to fall inside one of its rows). Columns already known from
 * labels between rows are left out.
 */
export function sparseLabelColumns(rows: readonly Band[], known: ReadonlySet<number>): number[] {
  if (rows.length < MIN_LABEL_ROWS) return [];
  const colCount = Math.max(0, ...rows.flatMap((r) => r.pieces.map((p) => p.c1 + 1)));
  const out: number[] = [];
  for (let c = 0; c < colCount; c++) {
    const n = rows.filter((r) => !columnEmpty(r, c)).length;
    if (n >= DENSE_SHARE * rows.length) break;
    if (!known.has(c) && n >= 2 && n <= SPARSE_SHARE * rows.length) out.push(c);
  }
  return out;
}

/** Centred labels of a region's bands, found per centred column set. */
export function centredLabels(bands: readonly Band[], spanning: ReadonlyArray<{ piece: Piece; bands: Band[] }> = []): CentredLabel[] {
  const offGridIdx = bands.map((_, i) => i).filter((i) => isOffGridLabel(bands, i));
  const offGridBands = new Set(offGridIdx.map((i) => bands[i] as Band));
  const rows = bands.filter((b) => !offGridBands.has(b));
  const offGridColumns = new Set(offGridIdx.flatMap((i) => columnsOf((bands[i] as Band).pieces)));
  const sparse = sparseLabelColumns(rows, offGridColumns);
  if (offGridIdx.length === 0 && sparse.length === 0) return [];
  // A row's height includes a tall cell that only seemed to span it and a label's band.
  const extents: Span[] = rows.map((r) => ({ y0: r.y0, y1: r.y1 }));
  for (const s of spanning) {
    const inRows = s.bands.filter((b) => !offGridBands.has(b));
    const only = inRows.length === 1 ? rows.indexOf(inRows[0] as Band) : -1;
    const e = extents[only];
    if (e) {
      e.y0 = Math.min(e.y0, s.piece.y0);
      e.y1 = Math.max(e.y1, s.piece.y1);
    }
  }
  const found: CentredLabel[] = [];
  // One column set per leftmost label column: 一级 (label + score) and 二级 are separate sets.
  const sets = new Map<number, Set<number>>();
  for (const i of offGridIdx) {
    const cols = columnsOf((bands[i] as Band).pieces);
    const set = sets.get(cols[0] as number) ?? new Set<number>();
    for (const c of cols) set.add(c);
    sets.set(cols[0] as number, set);
  }
  const sparseSets = new Set<Set<number>>();
  for (const c of sparse) {
    const set = new Set([c]);
    sets.set(c, set);
    sparseSets.add(set);
  }
  const tiled: Tiling[] = [];
  for (const cols of sets.values()) {
    const inSet = (p: Piece): boolean => cols.has(p.c0) && cols.has(p.c1);
    const labels: Label[] = [];
    for (const i of offGridIdx) {
      const band = bands[i] as Band;
      if (!band.pieces.every(inSet)) continue;
      const middle = (band.y0 + band.y1) / 2;
      labels.push({ band, pieces: band.pieces, offGrid: true, at: rows.filter((r) => (r.y0 + r.y1) / 2 < middle).length, y0: band.y0, y1: band.y1 });
    }
    rows.forEach((row, r) => {
      const pieces = row.pieces.filter(inSet);
      if (pieces.length === 0) return;
      // A row with text in these columns only is a row of its own (a key whose value is empty):
      // it takes no other row, and no other label takes it.
      const alone = pieces.length === row.pieces.length;
      labels.push({ band: row, pieces, offGrid: false, at: r, y0: Math.min(...pieces.map((p) => p.y0)), y1: Math.max(...pieces.map((p) => p.y1)), alone });
    });
    // In a label column seen from its sparse text, a label taller than a row is one too.
    if (sparseSets.has(cols)) {
      for (const sp of spanning) {
        const at = rows.findIndex((r) => sp.bands.includes(r));
        const band = rows[at];
        if (band && inSet(sp.piece)) labels.push({ band, pieces: [sp.piece], offGrid: false, at, y0: sp.piece.y0, y1: sp.piece.y1 });
      }
    }
    labels.sort((a, b) => a.at - b.at || (a.offGrid ? -1 : 1));
    const ranges = tileLabels(rows, labels, extents);
    if (ranges) tiled.push({ first: Math.min(...cols), labels, ranges });
  }
  nestRanges(tiled);
  for (const { labels, ranges } of tiled) {
    labels.forEach((label, j) => {
      const [a, b] = ranges[j] as [number, number];
      if (b > a || label.offGrid) found.push({ band: label.band, pieces: label.pieces, rows: rows.slice(a, b + 1), offGrid: label.offGrid });
    });
  }
  return found;
}

interface Tiling {
  /** The set's leftmost column. */
  first: number;
  labels: Label[];
  ranges: Array<[number, number]>;
}

/**
 * Groups nest: a group of a label column holds the groups of the label columns to its right that
 * start inside it. A label whose group seems to end before such an inner group ends (the last
 * label on a page, whose rows run on past the page's end) takes in the rest of that inner group,
 * up to the next label of its own column.
 */
function nestRanges(tiled: readonly Tiling[]): void {
  const ordered = [...tiled].sort((a, b) => a.first - b.first);
  ordered.forEach((outer, i) => {
    for (const inner of ordered.slice(i + 1)) {
      outer.ranges.forEach((range, j) => {
        const next = outer.ranges[j + 1];
        for (const [a, b] of inner.ranges) {
          if (a >= range[0] && a <= range[1] && b > range[1] && (!next || b < next[0])) range[1] = b;
        }
      });
    }
  });
}
