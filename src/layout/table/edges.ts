/**
 * Rules as edges, and the first stage of the lattice chain: snap nearly-collinear rules together,
 * join the pieces of one rule, drop short bits (pdfplumber table.py snap_edges / join_edge_group /
 * merge_edges, written once for both orientations).
 */
import { clusterObjects, mean } from '../cluster.js';

export type Orientation = 'h' | 'v';

export interface Edge {
  orientation: Orientation;
  /** PDF points, top-left origin; x0 ≤ x1, y0 ≤ y1 (for 'h' y0 = y1, for 'v' x0 = x1). */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Position across the rule (y of a horizontal rule, x of a vertical one). */
export function edgePosition(e: Edge): number {
  return e.orientation === 'h' ? e.y0 : e.x0;
}

/** Start and end along the rule. */
export function edgeSpan(e: Edge): [number, number] {
  return e.orientation === 'h' ? [e.x0, e.x1] : [e.y0, e.y1];
}

export function edgeLength(e: Edge): number {
  const [a, b] = edgeSpan(e);
  return b - a;
}

/** Build an edge of one orientation from its position and span. */
export function makeEdge(orientation: Orientation, position: number, start: number, end: number): Edge {
  return orientation === 'h'
    ? { orientation, x0: start, x1: end, y0: position, y1: position }
    : { orientation, x0: position, x1: position, y0: start, y1: end };
}

/** Move edges of each orientation whose positions cluster within `tolerance` to the cluster's mean. */
export function snapEdges(edges: readonly Edge[], tolerance: number): Edge[] {
  const out: Edge[] = [];
  for (const orientation of ['h', 'v'] as const) {
    const group = edges.filter((e) => e.orientation === orientation);
    for (const cluster of clusterObjects(group, edgePosition, tolerance)) {
      const position = mean(cluster.map(edgePosition));
      for (const e of cluster) {
        const [start, end] = edgeSpan(e);
        out.push(makeEdge(orientation, position, start, end));
      }
    }
  }
  return out;
}

/**
 * Join collinear edges (same orientation and position) that overlap or whose ends are within
 * `tolerance` into one edge per run.
 */
export function joinEdges(edges: readonly Edge[], tolerance: number): Edge[] {
  const out: Edge[] = [];
  const byLine = new Map<string, Edge[]>();
  for (const e of edges) {
    const key = `${e.orientation}:${edgePosition(e).toFixed(3)}`;
    const list = byLine.get(key);
    if (list) list.push(e);
    else byLine.set(key, [e]);
  }
  for (const group of byLine.values()) {
    const sorted = [...group].sort((a, b) => edgeSpan(a)[0] - edgeSpan(b)[0]);
    const first = sorted[0] as Edge;
    let [start, end] = edgeSpan(first);
    for (const e of sorted.slice(1)) {
      const [s, t] = edgeSpan(e);
      if (s <= end + tolerance) {
        end = Math.max(end, t);
      } else {
        out.push(makeEdge(first.orientation, edgePosition(first), start, end));
        [start, end] = [s, t];
      }
    }
    out.push(makeEdge(first.orientation, edgePosition(first), start, end));
  }
  return out;
}

/** Snap, join and drop short edges: the page's rules, ready for intersecting. */
export function mergeEdges(
  edges: readonly Edge[],
  options: { snapTolerance: number; joinTolerance: number; edgeMinLength: number },
): Edge[] {
  const snapped = options.snapTolerance > 0 ? snapEdges(edges, options.snapTolerance) : [...edges];
  return joinEdges(snapped, options.joinTolerance).filter((e) => edgeLength(e) >= options.edgeMinLength);
}

/** True when horizontal rules cover at least `share` of [x0, x1] at height y (within tolerance). */
export function isRuledAcross(edges: readonly Edge[], y: number, x0: number, x1: number, tolerance: number, share = 0.5): boolean {
  const spans = edges
    .filter((e) => e.orientation === 'h' && Math.abs(e.y0 - y) <= tolerance && e.x1 > x0 && e.x0 < x1)
    .map((e): [number, number] => [Math.max(e.x0, x0), Math.min(e.x1, x1)])
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = x0;
  for (const [s, t] of spans) {
    if (t <= reach) continue;
    covered += t - Math.max(s, reach);
    reach = t;
  }
  return x1 - x0 > 0 && covered >= share * (x1 - x0);
}

/**
 * Rules that close a table cut by a page break. Where vertical rules stop at one height and some of
 * them have no horizontal rule there (the cell goes on across the page break), a horizontal edge is
 * added across all of the vertical rules that stop there, so that the open cells are still found.
 * Returns only the added edges.
 */
export function openEndsToEdges(edges: readonly Edge[], tolerance: number): Edge[] {
  const verticals = edges.filter((e) => e.orientation === 'v');
  const added: Edge[] = [];
  for (const end of ['top', 'bottom'] as const) {
    const endOf = (e: Edge): number => (end === 'top' ? e.y0 : e.y1);
    for (const group of clusterObjects(verticals, endOf, tolerance)) {
      const y = mean(group.map(endOf));
      const dangling = group.filter((v) => !edges.some((h) => h.orientation === 'h' && Math.abs(h.y0 - y) <= tolerance && h.x0 - tolerance <= v.x0 && h.x1 + tolerance >= v.x0));
      if (dangling.length === 0 || group.length < 2) continue;
      const xs = group.map((v) => v.x0);
      added.push(makeEdge('h', y, Math.min(...xs), Math.max(...xs)));
    }
  }
  return added;
}

/** True when the vertical rule `v` crosses the horizontal rule `h` (within tolerance at both ends). */
export function crosses(h: Edge, v: Edge, tolerance: number): boolean {
  return v.x0 >= h.x0 - tolerance && v.x0 <= h.x1 + tolerance && h.y0 >= v.y0 - tolerance && h.y0 <= v.y1 + tolerance;
}

/**
 * Rules that close a table drawn without its outer left or right border: rules between rows run
 * out past the outermost column rule, and the first or last column has no rule on its outer side.
 * Where horizontal rules end at the same x, with no vertical rule there, and consecutive ones are
 * held together by a vertical rule crossing both inside the table (rows of one grid, not separate
 * tables or a stack of separators), a vertical edge is added at that x from the first to the last
 * of them. Returns only the added edges.
 */
export function openSidesToEdges(edges: readonly Edge[], tolerance: number): Edge[] {
  const hs = edges.filter((e) => e.orientation === 'h');
  const vs = edges.filter((e) => e.orientation === 'v');
  const added: Edge[] = [];
  for (const side of ['left', 'right'] as const) {
    const endOf = (e: Edge): number => (side === 'left' ? e.x0 : e.x1);
    for (const group of clusterObjects(hs, endOf, tolerance)) {
      if (group.length < 2) continue;
      const x = mean(group.map(endOf));
      const inside = (v: Edge): boolean => (side === 'left' ? v.x0 > x + tolerance : v.x0 < x - tolerance);
      const sorted = [...group].sort((a, b) => a.y0 - b.y0);
      let run: Edge[] = [];
      const flush = (): void => {
        const closed = run.every((h) => vs.some((v) => Math.abs(v.x0 - x) <= tolerance && h.y0 >= v.y0 - tolerance && h.y0 <= v.y1 + tolerance));
        if (run.length >= 2 && !closed) added.push(makeEdge('v', x, (run[0] as Edge).y0, (run[run.length - 1] as Edge).y0));
        run = [];
      };
      for (const h of sorted) {
        const prev = run[run.length - 1];
        const held = prev !== undefined && vs.some((v) => inside(v) && crosses(prev, v, tolerance) && crosses(h, v, tolerance));
        if (prev && !held) flush();
        run.push(h);
      }
      flush();
    }
  }
  return added;
}
