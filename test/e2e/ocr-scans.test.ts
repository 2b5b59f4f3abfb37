/**
 * Scanned documents read by OCR give the values their text-layer twins give. The corpus scan is
 * compared with its HTML twin; the other scans are built here from text PDFs (rasterised at 150 or
 * 200 dpi, tilted, speckled, stamped with a red seal, turned sideways, or photographed in poor light)
 * and compared with the text PDF they were made from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeScan, type ScanOptions } from '../../scripts/fixtures/scan.js';
import { LOW_OCR_CONFIDENCE } from '../../src/pipeline/ocr-confidence.js';
import { extractBytes } from '../../src/pipeline/run.js';
import type { Document } from '../../src/schema/document.js';
import { diffValues, twinProjection } from '../helpers/compare.js';

const ROOT = join(import.meta.dirname, '..', '..');
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(join(ROOT, path)));

/** The differences that matter most: scores, weights, totals, budget figures, target values. */
const NUMERIC = /(declaredScore|weight|Weight|total|amount|budget\.|declared\.|\.value:)/u;
/** Where a value was found (boxes shift by a fraction of a point, OCR adds a confidence) and labels are not figures. */
const isFigure = (d: string): boolean => NUMERIC.test(d) && !/\.provenance\.|\.label:/u.test(d);

async function documentOf(bytes: Uint8Array, file: string): Promise<Document> {
  const result = await extractBytes(bytes, file);
  if (!result.ok) throw result.error;
  return result.document;
}

/** Text compared as a reader would: NFKC (full- and half-width forms alike), no whitespace. */
function plain(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFKC').replace(/\s/gu, '');
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

describe('the corpus scan (zengcheng-2022-table.scanned.pdf) against its text-layer twin', { timeout: 600_000 }, () => {
  it('gives the same Document: every score, weight, total, budget figure and finding, and every text up to character width', async () => {
    const scan = await documentOf(bytesOf('test/fixtures/pdf/zengcheng-2022-table.scanned.pdf'), 'zengcheng-2022-table.scanned.pdf');
    const twin = await documentOf(bytesOf('samples/zengcheng-2022-table.html'), 'zengcheng-2022-table.html');
    expect(scan.source.format).toBe('pdf');
    expect(scan.source.ocrPages).toEqual([1, 2, 3, 4, 5]);
    const differences = diffValues(twinProjection(twin), twinProjection(scan));
    expect(differences.filter(isFigure)).toEqual([]);
    expect(scan.verification.findings.map((f) => `${f.code}:${f.indicator ?? ''}`)).toEqual(twin.verification.findings.map((f) => `${f.code}:${f.indicator ?? ''}`));
    // What differs at all is the width of punctuation (，/, ：/: （/( …), which a scan cannot show.
    expect(diffValues(plain(twinProjection(twin)), plain(twinProjection(scan)))).toEqual([]);
    expect(scan.budget.total).toBe(91470.79);
    expect(scan.declared.total).toBe(91.41);
    // Every value read by OCR says so, with its confidence; this clean scan has none below the threshold.
    for (const indicator of scan.indicators) expect(indicator.provenance.confidence).toBeGreaterThan(0.5);
    expect(scan.indicators.every((i) => i.provenance.page !== null && i.provenance.bbox !== null)).toBe(true);
    expect(scan.warnings.filter((w) => w.code === 'LOW_OCR_CONFIDENCE')).toEqual([]);
  });
});

interface ScanCase {
  name: string;
  file: string;
  options: ScanOptions;
}

const SCANS: ScanCase[] = [
  { name: 'project form (national, variant B), 150 dpi, tilted −2°, speckled', file: 'samples/beyond/pdf/liuwan-town-2023-project-table.chromium.pdf', options: { dpi: 150, tilt: -2, noise: 0.002 } },
  { name: 'project form (national, variant A), 200 dpi, tilted 1.5°, speckled, red seal over scores', file: 'samples/beyond/pdf/baixi-slj-2022-project-table.chromium.pdf', options: { dpi: 200, tilt: 1.5, noise: 0.002, seal: true } },
  { name: 'project form (Sichuan), 200 dpi, scanned sideways and tilted 0.8°', file: 'samples/beyond/pdf/linxi-nyncj-2023-project-table.chromium.pdf', options: { dpi: 200, turn: 90, tilt: 0.8 } },
  { name: 'department table (Chongqing), 200 dpi, tilted 0.5°, red seal', file: 'samples/beyond/pdf/yuling-cgj-2021-dept-table.chromium.pdf', options: { dpi: 200, tilt: 0.5, seal: true } },
];

describe('scans built from text PDFs give the values of the text layer', { timeout: 600_000 }, () => {
  it.each(SCANS)('$name', async ({ file, options }) => {
    const pdf = bytesOf(file);
    const text = await documentOf(pdf, file);
    const scan = await documentOf(await makeScan(pdf, options), 'scan.pdf');
    expect(scan.source.ocrPages.length).toBeGreaterThan(0);
    expect(scan.kind).toBe(text.kind);
    const differences = diffValues(twinProjection(text), twinProjection(scan));
    expect(differences.filter(isFigure), differences.join('\n')).toEqual([]);
    expect(scan.verification.findings.map((f) => f.code).sort()).toEqual(text.verification.findings.map((f) => f.code).sort());
    expect(scan.indicators.length).toBe(text.indicators.length);
  });
});

describe('a photo of a form in poor light', { timeout: 600_000 }, () => {
  it('gives LOW_OCR_CONFIDENCE warnings where it is unsure, not wrong numbers', async () => {
    const file = 'samples/beyond/pdf/liuwan-town-2023-project-table.chromium.pdf';
    const pdf = bytesOf(file);
    const text = await documentOf(pdf, file);
    const photo = await documentOf(await makeScan(pdf, { dpi: 150, tilt: 1, photo: true, noise: 0.003 }), 'photo.pdf');
    const low = photo.warnings.filter((w) => w.code === 'LOW_OCR_CONFIDENCE');
    expect(low.length).toBeGreaterThan(0);
    for (const w of low) {
      expect(w.provenance?.confidence).toBeLessThan(LOW_OCR_CONFIDENCE);
      expect(w.message).toMatch(/^第 \d+ 页.*OCR 识别.*置信度 0\.\d\d 低于 0\.9/u);
    }
    // Every score and weight read is the printed one, or is missing, or its row is flagged. Rows are
    // matched by where they are on the page (names may be misread).
    const flagged = new Set(low.map((w) => w.provenance?.text));
    const centre = (b: readonly number[] | null): [number, number] => (b ? [(b[0]! + b[2]!) / 2, (b[1]! + b[3]!) / 2] : [Number.NaN, Number.NaN]);
    let compared = 0;
    for (const indicator of photo.indicators) {
      const [x, y] = centre(indicator.provenance.bbox);
      const truth = text.indicators.find((t) => {
        const [tx, ty] = centre(t.provenance.bbox);
        return t.provenance.page === indicator.provenance.page && Math.abs(tx - x) < 25 && Math.abs(ty - y) < 8;
      });
      if (!truth) continue;
      for (const field of ['weight', 'declaredScore'] as const) {
        if (indicator[field] === null) continue;
        compared++;
        if (flagged.has(indicator.provenance.text)) continue;
        expect({ row: truth.name, field, value: indicator[field] }).toEqual({ row: truth.name, field, value: truth[field] });
      }
    }
    expect(compared).toBeGreaterThanOrEqual(4);
    expect(photo.declared.total === null || photo.declared.total === text.declared.total).toBe(true);
  });
});
