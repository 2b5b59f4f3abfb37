import type { TextRun } from '../../layout/lines.js';

/** A run of text read by OCR: a text run as the layout stages take it, plus how sure the reading is. */
export interface OcrWord extends TextRun {
  /** Mean probability of its characters (0..1), as PaddleOCR reports a line's score. */
  confidence: number;
  /** The probability of its least certain character (0..1). */
  weakest: number;
}
