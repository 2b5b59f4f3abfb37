/**
 * Settings for threads selfeval owns, the command line's and the batch's workers, that a library
 * must not impose on its caller's thread (they change globals). They change speed only, never what
 * is read.
 */
import { preferPdfJsInflate } from '../readers/pdf/pdfjs.js';

export function tuneOwnThread(): void {
  preferPdfJsInflate();
}
