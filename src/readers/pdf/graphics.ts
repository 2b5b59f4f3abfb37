/**
 * pdf.js operator list → the page's axis-aligned rules, in top-left page coordinates.
 *
 * pdf.js 5.x packs every path into one `constructPath` op whose args are
 * `[paintOp, [Float32Array of DrawOPS], minMax]` (DrawOPS: 0 moveTo x y, 1 lineTo x y,
 * 2 curveTo x1 y1 x2 y2 x y, 3 quadraticCurveTo, 4 closePath), in user space: the current
 * transform must be tracked through save/restore/transform and form XObjects.
 * Rules come from stroked lines and rectangles, and from thin filled rectangles (Chromium/Skia
 * draws every table rule as a filled rectangle about one pixel thick).
 */
import type { Edge } from '../../layout/table/edges.js';
import { applyMatrix, type Matrix } from './text-items.js';

export type { Edge } from '../../layout/table/edges.js';

/** The numbers of the pdf.js OPS we act on (pdfjs-dist 5.6, src/shared/util.js). */
export interface PdfOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setFillRGBColor: number;
  setStrokeRGBColor: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** A filled rectangle at most this thick (points) is a rule. */
const MAX_RULE_THICKNESS = 3;
/** Shorter segments are glyph strokes or dots, not rules. */
const MIN_EDGE_LENGTH = 2;
/** How far from axis-aligned (points over the segment) a segment may be. */
const AXIS_TOLERANCE = 0.5;

function multiply(m: Matrix, n: Matrix): Matrix {
  // Result = m × n in PDF's row-vector convention (apply m first, then n).
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function toMatrix(value: unknown): Matrix | null {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return null;
  const arr = Array.from(value as ArrayLike<number>);
  return arr.length === 6 && arr.every((v) => typeof v === 'number' && Number.isFinite(v)) ? (arr as Matrix) : null;
}

/** True for near-white colours, whose rules and fills draw nothing visible. */
function isWhite(hex: unknown): boolean {
  return typeof hex === 'string' && /^#(f[a-f0-9]){3}$/iu.test(hex) && hex.toLowerCase() >= '#f0f0f0';
}

type Point = [number, number];

/** DrawOPS buffer → subpaths of points (curves contribute their end points only). */
function bufferToSubpaths(buffer: ArrayLike<number>): Array<{ points: Point[]; closed: boolean }> {
  const subpaths: Array<{ points: Point[]; closed: boolean }> = [];
  let current: { points: Point[]; closed: boolean } | null = null;
  for (let i = 0; i < buffer.length; ) {
    const op = buffer[i++];
    if (op === 0) {
      current = { points: [[buffer[i] ?? 0, buffer[i + 1] ?? 0]], closed: false };
      subpaths.push(current);
      i += 2;
    } else if (op === 1) {
      current?.points.push([buffer[i] ?? 0, buffer[i + 1] ?? 0]);
      i += 2;
    } else if (op === 2) {
      current?.points.push([Number.NaN, Number.NaN], [buffer[i + 4] ?? 0, buffer[i + 5] ?? 0]);
      i += 6;
    } else if (op === 3) {
      current?.points.push([Number.NaN, Number.NaN], [buffer[i + 2] ?? 0, buffer[i + 3] ?? 0]);
      i += 4;
    } else if (op === 4) {
      if (current) current.closed = true;
    } else {
      break; // unknown op: stop rather than misread the rest
    }
  }
  return subpaths;
}

function segmentToEdge(a: Point, b: Point): Edge | null {
  if (![a[0], a[1], b[0], b[1]].every(Number.isFinite)) return null;
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= AXIS_TOLERANCE && dx >= MIN_EDGE_LENGTH) {
    const y = (a[1] + b[1]) / 2;
    return { orientation: 'h', x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: y, y1: y };
  }
  if (dx <= AXIS_TOLERANCE && dy >= MIN_EDGE_LENGTH) {
    const x = (a[0] + b[0]) / 2;
    return { orientation: 'v', x0: x, x1: x, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) };
  }
  return null;
}

/** The box of a subpath when it is an axis-aligned rectangle, else null. */
function subpathToRect(points: readonly Point[]): [number, number, number, number] | null {
  if (points.length < 4 || points.length > 5 || !points.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const onSide = (v: number, lo: number, hi: number): boolean => Math.abs(v - lo) < 0.01 || Math.abs(v - hi) < 0.01;
  return points.every((p) => onSide(p[0], x0, x1) && onSide(p[1], y0, y1)) ? [x0, y0, x1, y1] : null;
}

/** A thin filled rectangle → the rule along its middle. */
function filledRectToEdge([x0, y0, x1, y1]: [number, number, number, number]): Edge | null {
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= MAX_RULE_THICKNESS && w >= MIN_EDGE_LENGTH && w > h) {
    const y = (y0 + y1) / 2;
    return { orientation: 'h', x0, x1, y0: y, y1: y };
  }
  if (w <= MAX_RULE_THICKNESS && h >= MIN_EDGE_LENGTH && h > w) {
    const x = (x0 + x1) / 2;
    return { orientation: 'v', x0: x, x1: x, y0, y1 };
  }
  return null;
}

/**
 * Operator list → rules. `viewport` maps PDF user space to top-left page space (pdf.js
 * `page.getViewport({ scale: 1 }).transform`), so /Rotate and MediaBox offsets are handled once.
 */
export function operatorListToEdges(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  ops: PdfOps,
  viewport: readonly number[],
): Edge[] {
  const edges: Edge[] = [];
  const identity: Matrix = [1, 0, 0, 1, 0, 0];
  let ctm: Matrix = identity;
  let fillWhite = false;
  let strokeWhite = false;
  const stack: Array<{ ctm: Matrix; fillWhite: boolean; strokeWhite: boolean }> = [];
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fillOps = new Set([ops.fill, ops.eoFill]);

  const toPage = (p: Point): Point => {
    if (!Number.isFinite(p[0])) return p;
    const [ux, uy] = applyMatrix(ctm, p[0], p[1]);
    return applyMatrix(viewport, ux, uy);
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) {
      stack.push({ ctm, fillWhite, strokeWhite });
    } else if (fn === ops.restore) {
      const state = stack.pop();
      if (state) ({ ctm, fillWhite, strokeWhite } = state);
    } else if (fn === ops.transform) {
      const m = toMatrix(args);
      if (m) ctm = multiply(m, ctm);
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push({ ctm, fillWhite, strokeWhite });
      const m = toMatrix(args?.[0]);
      if (m) ctm = multiply(m, ctm);
    } else if (fn === ops.paintFormXObjectEnd) {
      const state = stack.pop();
      if (state) ({ ctm, fillWhite, strokeWhite } = state);
    } else if (fn === ops.setFillRGBColor) {
      fillWhite = isWhite(args?.[0]);
    } else if (fn === ops.setStrokeRGBColor) {
      strokeWhite = isWhite(args?.[0]);
    } else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const buffer = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
      if (!buffer) continue;
      const stroked = strokeOps.has(paint) && !strokeWhite;
      const filled = fillOps.has(paint) && !fillWhite;
      if (!stroked && !filled) continue;
      for (const { points, closed } of bufferToSubpaths(buffer)) {
        const page = points.map(toPage);
        if (stroked) {
          const ring = closed && page.length > 2 ? [...page, page[0] as Point] : page;
          for (let k = 1; k < ring.length; k++) {
            const edge = segmentToEdge(ring[k - 1] as Point, ring[k] as Point);
            if (edge) edges.push(edge);
          }
        } else {
          const rect = subpathToRect(page);
          const edge = rect ? filledRectToEdge(rect) : null;
          if (edge) edges.push(edge);
        }
      }
    }
  }
  return edges;
}
