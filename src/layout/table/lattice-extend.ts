/**
 * Lattice completion: a ruled grid whose column rules stop while its row rules go on. Reports often
 * rule every row across the table's width but draw column rules in the header only; the lattice
 * chain then finds the header and leaves the body as bare stripes. Each stripe between two
 * consecutive rules of the grid's width, directly below (or above) it, is a row of the same
 * table when its words sit inside the grid's columns: the column rules are carried through it
 * as virtual edges. A stripe with no words, or with a word across a column boundary (a note, the
 * next table's caption), ends the table.
 */
import type { TextRun } from '../lines.js';
import { makeEdge, type Edge } from './edges.js';
import type { GridTable } from './grid.js';

/** How far a row rule's ends may be from the grid's sides (points). */
const SIDE_TOLERANCE = 3;

function wordsIn(words: readonly TextRun[], x0: number, x1: number, y0: number, y1: number): TextRun[] {
  return words.filter((w) => {
    const cx = (w.bbox[0] + w.bbox[2]) / 2;
    const cy = (w.bbox[1] + w.bbox[3]) / 2;
    return cx > x0 && cx < x1 && cy > y0 && cy < y1;
  });
}

/** True when a word runs across one of the inner column boundaries. */
function crossesColumns(words: readonly TextRun[], bounds: readonly number[]): boolean {
  const inner = bounds.slice(1, -1);
  return words.some((w) => inner.some((b) => w.bbox[0] < b - 0.5 && w.bbox[2] > b + 0.5));
}

/** A ruled stripe continuing a grid; a section stripe has text in one column only (a heading across the table). */
interface Stripe {
  y0: number;
  y1: number;
  section: boolean;
}

/**
 * The rows of rules that continue `grid` downwards (`dir` 1) or upwards (-1): consecutive stripes
 * between rules spanning the grid's width, each holding words inside its columns, nearest first.
 */
function stripesBeyond(grid: GridTable, rules: readonly Edge[], words: readonly TextRun[], dir: 1 | -1): Stripe[] {
  const [gx0, gy0, gx1, gy1] = grid.bbox;
  const matching = rules
    .filter((r) => r.orientation === 'h' && Math.abs(r.x0 - gx0) <= SIDE_TOLERANCE && Math.abs(r.x1 - gx1) <= SIDE_TOLERANCE)
    .map((r) => r.y0)
    .sort((a, b) => (a - b) * dir);
  let at = dir === 1 ? gy1 : gy0;
  const stripes: Stripe[] = [];
  for (const y of matching) {
    if ((y - at) * dir <= SIDE_TOLERANCE) continue;
    // Another rule across part of the stripe (a different table's) ends the run.
    const between = rules.some((r) => r.orientation === 'h' && (r.y0 - at) * dir > SIDE_TOLERANCE && (y - r.y0) * dir > SIDE_TOLERANCE && r.x1 > gx0 && r.x0 < gx1);
    if (between) break;
    const inside = wordsIn(words, gx0, gx1, Math.min(at, y), Math.max(at, y));
    if (inside.length === 0 || crossesColumns(inside, grid.colBounds)) break;
    const columns = new Set(inside.map((w) => grid.colBounds.filter((b) => b <= (w.bbox[0] + w.bbox[2]) / 2).length));
    stripes.push({ y0: Math.min(at, y), y1: Math.max(at, y), section: columns.size === 1 });
    at = y;
  }
  return stripes;
}

/**
 * Virtual column rules carrying each grid's column boundaries (its sides included) through the
 * ruled stripes that continue it above and below (only its sides through a section heading's).
 * Returns only the added edges.
 */
export function gridsToStripeEdges(grids: readonly GridTable[], rules: readonly Edge[], words: readonly TextRun[]): Edge[] {
  const added: Edge[] = [];
  for (const grid of grids) {
    if (grid.colBounds.length < 3) continue;
    const outer = [grid.colBounds[0] as number, grid.colBounds[grid.colBounds.length - 1] as number];
    for (const stripe of [...stripesBeyond(grid, rules, words, 1), ...stripesBeyond(grid, rules, words, -1)]) {
      // A section heading stays one cell across the table: only the sides go through its stripe.
      for (const x of stripe.section ? outer : grid.colBounds) added.push(makeEdge('v', x, stripe.y0, stripe.y1));
    }
  }
  return added;
}
