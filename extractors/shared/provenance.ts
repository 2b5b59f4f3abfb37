import type { Anchor, BBox } from '../../src/layout/model.js';
import type { Provenance } from '../../src/schema/provenance.js';

/**
 * The provenance of a value read from an anchored piece of layout (a line, a cell). Formats without
 * boxes (DOCX, XLSX, HTML, text) say where the value is in the text instead, as a leading locator:
 * `[table 3 row 5 cell 8] 6.28`, `[Sheet1!H9] 6.28`, `[paragraph 12] …`, `[line 40] …`.
 */
export function provenanceOf(anchor: Anchor | null | undefined, text: string): Provenance {
  const bbox = anchor?.bbox ? roundBox(anchor.bbox) : null;
  const located = bbox === null && anchor?.ref ? `[${anchor.ref}] ${text}` : text;
  const provenance: Provenance = { page: anchor?.page ?? null, bbox, text: located };
  // Read by OCR: the value says how sure the recognition was.
  if (anchor?.confidence !== undefined) provenance.confidence = anchor.confidence;
  return provenance;
}

function roundBox(b: BBox): BBox {
  return [round2(b[0]), round2(b[1]), round2(b[2]), round2(b[3])];
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The union box of several anchors on the same page as the first; null when none has a box. */
export function unionAnchor(anchors: readonly Anchor[]): Anchor | null {
  const first = anchors[0];
  if (!first) return null;
  const boxes = anchors.filter((a) => a.page === first.page && a.bbox).map((a) => a.bbox as BBox);
  const confidences = anchors.flatMap((a) => (a.confidence === undefined ? [] : [a.confidence]));
  const weakest = confidences.length > 0 ? { confidence: Math.min(...confidences) } : {};
  if (boxes.length === 0) return { page: first.page, bbox: null, ref: first.ref, ...weakest };
  const bbox: BBox = [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
  return { page: first.page, bbox, ref: first.ref, ...weakest };
}
