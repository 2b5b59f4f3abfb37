/**
 * Evidence images for findings of PDF documents: the page region around each value's box, rendered
 * from the source PDF the Document names (pdf.js through its own canvasFactory, `readers/pdf/render`).
 * The source is used only when its SHA-256 still matches the Document's: a moved, changed or
 * unreadable source gives a note instead, and the page shows the locator and text.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { checkPdfBytes } from '../readers/pdf/errors.js';
import { withPdfDocument } from '../readers/pdf/pdfjs.js';
import { renderPagePng } from '../readers/pdf/render.js';
import type { Document } from '../schema/document.js';
import type { DocumentDetail, Evidence } from './types.js';

/** Where rendered images go; keyed so that the same box of the same source is rendered once. */
export interface ImageSink {
  has(key: string): boolean;
  add(key: string, png: Uint8Array): Promise<void>;
}

export interface EvidenceOptions {
  /** Folders a relative source path is resolved against, in order (the run's working folder first). */
  baseDirs: readonly string[];
  sink: ImageSink;
}

/** Images per finding: a total mismatch cites every row, but the first boxes (the printed total) prove it. */
const MAX_IMAGES_PER_FINDING = 2;
/** Context around the box, PDF points. */
const MARGIN_X = 36;
const MARGIN_Y = 28;
const MAX_DPI = 120;
/** Widest image, pixels: a crop of a whole landscape row stays readable without growing the page. */
const MAX_WIDTH_PX = 1400;

type Box = [number, number, number, number];

function imageKey(sha256: string, page: number, box: Box): string {
  return createHash('sha256').update(`${sha256}|${page}|${box.join(',')}`).digest('hex').slice(0, 20);
}

/** The crop around `box`, clamped to the page. */
export function cropAround(box: Box, pageWidth: number, pageHeight: number): Box {
  const x0 = Math.max(0, Math.min(box[0], box[2]) - MARGIN_X);
  const y0 = Math.max(0, Math.min(box[1], box[3]) - MARGIN_Y);
  const x1 = Math.min(pageWidth, Math.max(box[0], box[2]) + MARGIN_X);
  const y1 = Math.min(pageHeight, Math.max(box[1], box[3]) + MARGIN_Y);
  return [x0, y0, Math.max(x1, x0 + 1), Math.max(y1, y0 + 1)];
}

/** The first readable copy of the source whose bytes are the Document's, or why there is none. */
async function findSource(document: Document, baseDirs: readonly string[]): Promise<{ bytes: Uint8Array } | { note: string }> {
  const path = document.source.path;
  if (path === '-' || path === '') return { note: '源文件来自标准输入，无法显示页面图像' };
  const candidates = isAbsolute(path) ? [path] : [...new Set(baseDirs.map((d) => resolve(d, path)))];
  let changed = false;
  for (const candidate of candidates) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(candidate));
    } catch {
      continue;
    }
    if (createHash('sha256').update(bytes).digest('hex') === document.source.sha256) return { bytes };
    changed = true;
  }
  return { note: changed ? `源文件 ${path} 已更改（SHA-256 与读取时不同），不显示页面图像` : `找不到源文件 ${path}，不显示页面图像` };
}

type PageSizes = ReadonlyArray<readonly [number, number]>;

interface Planned {
  finding: number;
  evidence: Evidence;
}

/**
 * Which boxes each finding shows: up to two per finding, distinct, on pages the PDF has; a box taller
 * than a third of the page (a merged block, not a value) only when the finding has nothing else.
 */
export function planEvidence(document: Document, pages: PageSizes): Planned[] {
  const planned: Planned[] = [];
  for (const [index, finding] of document.verification.findings.entries()) {
    const mine: Evidence[] = [];
    for (const p of finding.provenance) {
      if (mine.length >= MAX_IMAGES_PER_FINDING) break;
      if (p.page === null || p.bbox === null) continue;
      const size = pages[p.page - 1];
      if (!size) continue;
      const box = [...p.bbox] as Box;
      if (mine.some((e) => e.page === p.page && e.box.join() === box.join())) continue;
      if (mine.length > 0 && Math.abs(box[3] - box[1]) > size[1] / 3) continue;
      const crop = cropAround(box, size[0], size[1]);
      mine.push({ image: imageKey(document.source.sha256, p.page, crop), page: p.page, crop, box });
    }
    for (const evidence of mine) planned.push({ finding: index, evidence });
  }
  return planned;
}

async function pageSizesOf(doc: PDFDocumentProxy): Promise<Array<[number, number]>> {
  const sizes: Array<[number, number]> = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const viewport = (await doc.getPage(n)).getViewport({ scale: 1 });
    sizes.push([viewport.width, viewport.height]);
  }
  return sizes;
}

/** Page sizes by source SHA-256, kept across documents so copies of one source never reopen it. */
const pageSizeCache = new Map<string, Array<[number, number]>>();

/**
 * Attach evidence images to the findings of a PDF document's detail, or set `evidenceNote` to why
 * there are none. Never throws for a missing, changed or broken source.
 */
export async function attachEvidence(document: Document, detail: DocumentDetail, options: EvidenceOptions): Promise<void> {
  if (document.source.format !== 'pdf') return;
  const wanted = document.verification.findings.some((f) => f.provenance.some((p) => p.page !== null && p.bbox !== null));
  if (!wanted) return;
  const assign = (planned: readonly Planned[]): void => {
    for (const f of detail.findings) f.evidence = [];
    for (const p of planned) detail.findings[p.finding]?.evidence.push(p.evidence);
  };
  // Images already made from these very bytes (same SHA-256) need no source at all.
  const known = pageSizeCache.get(document.source.sha256);
  if (known) {
    const planned = planEvidence(document, known);
    if (planned.every((p) => options.sink.has(p.evidence.image))) return assign(planned);
  }
  const found = await findSource(document, options.baseDirs);
  if ('note' in found) {
    detail.evidenceNote = found.note;
    return;
  }
  try {
    checkPdfBytes(found.bytes);
    let failures = 0;
    const made: Planned[] = [];
    await withPdfDocument(found.bytes, async (doc) => {
      const sizes = await pageSizesOf(doc);
      pageSizeCache.set(document.source.sha256, sizes);
      for (const p of planEvidence(document, sizes)) {
        const { image, page, crop } = p.evidence;
        try {
          if (!options.sink.has(image)) {
            const dpi = Math.min(MAX_DPI, (MAX_WIDTH_PX * 72) / (crop[2] - crop[0]));
            await options.sink.add(image, (await renderPagePng(doc, page, { dpi, clip: crop })).png);
          }
          made.push(p);
        } catch {
          failures += 1;
        }
      }
    });
    assign(made);
    if (failures > 0) detail.evidenceNote = `${failures} 处页面图像无法生成，改为显示位置和原文`;
  } catch (error) {
    detail.evidenceNote = `源文件无法打开（${error instanceof Error ? error.message : String(error)}），不显示页面图像`;
  }
}
