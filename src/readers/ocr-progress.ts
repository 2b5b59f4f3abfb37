/**
 * A hook told when a page is about to be read by OCR (rendered or decoded, then recognised), so that
 * the batch can give a file time in proportion to its OCR work. One listener per thread: a batch
 * worker runs one file at a time. Kept apart from readers/ocr so setting it loads no engine.
 */
let listener: ((page: number) => void) | null = null;

export function setOcrPageListener(next: ((page: number) => void) | null): void {
  listener = next;
}

export function ocrPageStarting(page: number): void {
  listener?.(page);
}
