/**
 * A hook told when a page is about to be read by OCR (rendered or decoded, then recognised), so that
 * the batch can give a file time in proportion to its OCR work. One listener per thread: a batch
 * worker runs one file at a time. Kept apart from readers/ocr so setting it loads no engine.
 */
import { SelfevalError } from '../errors.js';

let listener: ((page: number) => void) | null = null;
/** Set (non-zero) by the batch when the file's time is up: OCR stops at its next step. */
let cancel: Int32Array | null = null;

export function setOcrPageListener(next: ((page: number) => void) | null): void {
  listener = next;
}

export function ocrPageStarting(page: number): void {
  throwIfOcrCancelled();
  listener?.(page);
}

export function setOcrCancelFlag(flag: Int32Array | null): void {
  cancel = flag;
}

/**
 * Called before every step that runs the OCR engine. Terminating a thread while onnxruntime runs
 * a session aborts the whole process, so a file out of time is stopped here, between steps.
 */
export function throwIfOcrCancelled(): void {
  if (cancel !== null && Atomics.load(cancel, 0) !== 0) throw new SelfevalError('TIMEOUT', { detail: 'OCR 已停止' });
}
