import type { TextRun } from '../../layout/lines.js';

/** A run of text read by OCR: a text run as the layout stages take it, plus how sure the reading is. */
export interface OcrWord extends TextRun {
  /**
   * How sure the reading is (0..1): the probability of its least certain character (a value is only
   * as sure as its weakest digit). Width twins (`,`/`，`) count as one character.
   */
  confidence: number;
  /** The mean probability of its characters, as PaddleOCR scores a line. */
  mean: number;
}
