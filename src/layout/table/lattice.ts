/**
 * The ruled (lattice) side of one page: rules → grids, with the rules completed where tables are
 * commonly drawn open (outer sides, page breaks, column rules in the header only), each grid then
 * completed with its text (lattice-text), and grids that hold too little text set aside as
 * graphics (charts: gridlines, bar outlines, legend boxes; empty boxes). Words on and around a
 * graphic are its labels (axis ticks, legends, value labels), not an unruled table.
 */
import type { TextRun } from '../lines.js';
import { bboxOverlapRatio, bboxUnion } from '../bbox.js';
import type { BBox } from '../model.js';
import { intersectionsToCells } from './cells.js';
import { isRuledAcross, mergeEdges, openEndsToEdges, openSidesToEdges, type Edge } from './edges.js';
import { cellsToTables, groupCells, type GridTable } from './grid.js';
import { edgesToIntersections } from './intersections.js';
import { gridsToStripeEdges } from './lattice-extend.js';
import { refineGridByText } from './lattice-text.js';
import type { TableSettings } from './settings.js';

export interface Lattice {
  /** The page's rules, snapped and joined. */
  merged: Edge[];
  /** Ruled tables: grids with text. */
  grids: GridTable[];
  /** Areas of graphics drawn with rules (rejected grids, small empty boxes), PDF points. */
  graphics: BBox[];
}

/** A ruled table has text in at least this share of its cells (a chart's grid has a few labels in many cells). */
const MIN_FILLED_SHARE = 0.25;
/** A closed box this small (points, both sides) standing alone is a legend key or a tick box. */
const SMALL_BOX = 15;

const center = (w: TextRun): [number, number] => [(w.bbox[0] + w.bbox[2]) / 2, (w.bbox[1] + w.bbox[3]) / 2];

function holdsWord(b: BBox, words: readonly TextRun[]): boolean {
  return words.some((w) => {
    const [x, y] = center(w);
    return x > b[0] && x < b[2] && y > b[1] && y < b[3];
  });
}

/** True when a grid holds text in two cells or more, and in at least MIN_FILLED_SHARE of its cells. */
export function isTextGrid(grid: GridTable, words: readonly TextRun[]): boolean {
  const filled = grid.cells.filter((c) => holdsWord(c.bbox, words)).length;
  return filled >= 2 && filled >= MIN_FILLED_SHARE * grid.cells.length;
}

/** Rules → grids of the page's ruled tables, completed with the words; grids without enough text become graphics. */
export function edgesToLattice(edges: readonly Edge[], s: TableSettings, words: readonly TextRun[] = []): Lattice {
  const merged = mergeEdges(edges, s);
  // Open outer sides first (a table without left/right borders), then open ends (a page break).
  const sides = openSidesToEdges(merged, s.snapTolerance);
  const closing = [...sides, ...openEndsToEdges(sides.length > 0 ? [...merged, ...sides] : merged, s.snapTolerance)];
  // Merge again so that a closing edge lands exactly on a real rule at the same height.
  let all = closing.length > 0 ? mergeEdges([...merged, ...closing], s) : merged;
  let cells = intersectionsToCells(edgesToIntersections(all, s.intersectionTolerance));
  let grids = cellsToTables(cells, s.minCells);
  const stripes = words.length > 0 ? gridsToStripeEdges(grids, all, words) : [];
  if (stripes.length > 0) {
    all = mergeEdges([...all, ...stripes], s);
    cells = intersectionsToCells(edgesToIntersections(all, s.intersectionTolerance));
    grids = cellsToTables(cells, s.minCells);
  }
  const graphics: BBox[] = words.length > 0 ? ticksToGraphics(merged, words) : [];
  const charts = [...graphics];
  const tables: GridTable[] = [];
  for (const grid of grids) {
    // A grid inside a chart is its plot area (gridlines, bar outlines), however much text it holds.
    const inChart = charts.some((c) => bboxOverlapRatio(c, grid.bbox) > 0.8);
    const refined = words.length > 0 && !inChart ? refineGridByText(grid, words) : grid;
    if (words.length > 0 && (inChart || !isTextGrid(refined, words))) graphics.push(refined.bbox);
    else tables.push(refined);
  }
  for (const group of groupCells(cells)) {
    const box = group[0];
    if (group.length === 1 && box && box[2] - box[0] <= SMALL_BOX && box[3] - box[1] <= SMALL_BOX && !holdsWord(box, words)) graphics.push(box);
  }
  if (closing.length > 0) {
    const tol = s.snapTolerance;
    for (const cell of tables.flatMap((g) => g.cells)) {
      const [x0, y0, x1, y1] = cell.bbox;
      if (!isRuledAcross(merged, y0, x0, x1, tol)) cell.openTop = true;
      if (!isRuledAcross(merged, y1, x0, x1, tol)) cell.openBottom = true;
    }
  }
  return { merged, grids: tables, graphics };
}

/** A chart needs this many tick-labelled rules on one axis. */
const MIN_TICKS = 3;
/** A tick label's middle is this many font sizes from its rule's line at most. */
const TICK_ALIGN_EM = 0.3;
/** …and it ends this many font sizes beyond the rule's end at most. */
const TICK_REACH_EM = 1.5;

const TICK_LABEL = /^[-+−]?[\d,.]+%?$/u;

/**
 * Charts found by their axes: numbers printed at the ends of rules, each centred on its rule's
 * line (y-axis ticks at gridlines or tick marks, x-axis ticks under vertical ones). Table text
 * sits between rules, never on their line beyond their ends. Returns each chart's area: the
 * tick-labelled rules, their labels, and every rule crossing that box.
 */
export function ticksToGraphics(edges: readonly Edge[], words: readonly TextRun[]): BBox[] {
  const labels = words.filter((w) => TICK_LABEL.test(w.text.trim()));
  if (labels.length < MIN_TICKS) return [];
  const areas: BBox[] = [];
  for (const orientation of ['h', 'v'] as const) {
    const ticked: Array<{ edge: Edge; label: TextRun }> = [];
    for (const e of edges) {
      if (e.orientation !== orientation) continue;
      const label = labels.find((w) => {
        const m = w.fontSize;
        const [cx, cy] = center(w);
        if (orientation === 'h') {
          if (Math.abs(cy - e.y0) > TICK_ALIGN_EM * m) return false;
          return (w.bbox[2] <= e.x0 + 0.5 && e.x0 - w.bbox[2] <= TICK_REACH_EM * m) || (w.bbox[0] >= e.x1 - 0.5 && w.bbox[0] - e.x1 <= TICK_REACH_EM * m);
        }
        if (Math.abs(cx - e.x0) > TICK_ALIGN_EM * m + 0.25 * (w.bbox[2] - w.bbox[0])) return false;
        return (w.bbox[1] >= e.y1 - 0.5 && w.bbox[1] - e.y1 <= TICK_REACH_EM * m) || (w.bbox[3] <= e.y0 + 0.5 && e.y0 - w.bbox[3] <= TICK_REACH_EM * m);
      });
      if (label) ticked.push({ edge: e, label });
    }
    if (new Set(ticked.map((t) => Math.round(orientation === 'h' ? t.edge.y0 : t.edge.x0))).size < MIN_TICKS) continue;
    let box = bboxUnion([...ticked.map((t) => edgeBox(t.edge)), ...ticked.map((t) => t.label.bbox)]) as BBox;
    // Take in the rules crossing the axis box (gridlines, the other axis, bar outlines), once.
    const crossing = edges.filter((e) => { const b = edgeBox(e); return b[0] <= box[2] && b[2] >= box[0] && b[1] <= box[3] && b[3] >= box[1]; });
    box = bboxUnion([box, ...crossing.map(edgeBox)]) as BBox;
    areas.push(box);
  }
  return areas;
}

function edgeBox(e: Edge): BBox {
  return [e.x0, e.y0, e.x1, e.y1];
}

/** Words on or beside a graphic (within one font size of its area): its labels. */
export function isGraphicWord(word: TextRun, graphics: readonly BBox[]): boolean {
  const m = word.fontSize;
  return graphics.some((g) => word.bbox[0] < g[2] + m && word.bbox[2] > g[0] - m && word.bbox[1] < g[3] + m && word.bbox[3] > g[1] - m);
}
