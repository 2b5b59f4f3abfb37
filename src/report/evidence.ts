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

async function renderFindings(doc: PDFDocumentProxy, document: Document, detail: DocumentDetail, sink: ImageSink): Promise<number> {
  const sizes = new Map<number, { width: number; height: number }>();
  const pageSize = async (n: number): Promise<{ width: number; height: number }> => {
    let size = sizes.get(n);
    if (!size) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      size = { width: viewport.width, height: viewport.height };
      sizes.set(n, size);
    }
    return size;
  };
  let failures = 0;
  // detail.findings are the Document's findings in the same order.
  for (const [index, finding] of detail.findings.entries()) {
    const provenance = document.verification.findings[index]?.provenance ?? [];
    const evidence: Evidence[] = [];
    for (const p of provenance) {
      if (evidence.length >= MAX_IMAGES_PER_FINDING) break;
      if (p.page === null || p.bbox === null || p.page < 1 || p.page > doc.numPages) continue;
      const box = [...p.bbox] as Box;
      if (evidence.some((e) => e.page === p.page && e.box.join() === box.join())) continue;
      try {
        const size = await pageSize(p.page);
        // A box taller than a third of the page is a merged block, not a value: shown only when nothing else is.
        if (evidence.length > 0 && Math.abs(box[3] - box[1]) > size.height / 3) continue;
        const crop = cropAround(box, size.width, size.height);
        const key = imageKey(document.source.sha256, p.page, crop);
        if (!sink.has(key)) {
          const dpi = Math.min(MAX_DPI, (MAX_WIDTH_PX * 72) / (crop[2] - crop[0]));
          const { png } = await renderPagePng(doc, p.page, { dpi, clip: crop });
          await sink.add(key, png);
        }
        evidence.push({ image: key, page: p.page, crop, box });
      } catch {
        failures += 1;
      }
    }
    finding.evidence = evidence;
  }
  return failures;
}

/**
 * Attach evidence images to the findings of a PDF document's detail, or set `evidenceNote` to why
 * there are none. Never throws for a missing, changed or broken source.
 */
export async function attachEvidence(document: Document, detail: DocumentDetail, options: EvidenceOptions): Promise<void> {
  if (document.source.format !== 'pdf') return;
  const wanted = document.verification.findings.some((f) => f.provenance.some((p) => p.page !== null && p.bbox !== null));
  if (!wanted) return;
  const found = await findSource(document, options.baseDirs);
  if ('note' in found) {
    detail.evidenceNote = found.note;
    return;
  }
  try {
    checkPdfBytes(found.bytes);
    const failures = await withPdfDocument(found.bytes, (doc) => renderFindings(doc, document, detail, options.sink));
    if (failures > 0) detail.evidenceNote = `${failures} 处页面图像无法生成，改为显示位置和原文`;
  } catch (error) {
    detail.evidenceNote = `源文件无法打开（${error instanceof Error ? error.message : String(error)}），不显示页面图像`;
  }
}
