/**
 * One batch thread reads by OCR at a time. A page's OCR needs several hundred MB (the rendered page,
 * its grey and ink copies, the detector's input and activations), and two threads doing it at once
 * more than double the run's peak memory; other files go on in the other thread meanwhile.
 *
 * The lock is an Int32 in shared memory: 0 when free, else the holder's threadId. A thread takes it
 * when its file starts its first OCR page and keeps it to the end of that file. The pool frees it
 * when the holder is gone (terminated by a time or memory limit) and pauses a waiting file's clock.
 */
import { threadId } from 'node:worker_threads';

export function newOcrLock(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Worker side: take the lock (blocking this thread while another holds it); `onWait` brackets the wait. */
export function takeOcrLock(lock: Int32Array, onWait: (waiting: boolean) => void): void {
  if (Atomics.load(lock, 0) === threadId) return;
  if (Atomics.compareExchange(lock, 0, 0, threadId) === 0) return;
  onWait(true);
  for (;;) {
    const holder = Atomics.load(lock, 0);
    if (holder === 0 && Atomics.compareExchange(lock, 0, 0, threadId) === 0) break;
    if (holder !== 0) Atomics.wait(lock, 0, holder, 500);
  }
  onWait(false);
}

/** Worker side: let the lock go if this thread holds it. */
export function releaseOcrLock(lock: Int32Array): void {
  if (Atomics.compareExchange(lock, 0, threadId, 0) === threadId) Atomics.notify(lock, 0);
}

/** Pool side: free the lock when its holder is no longer one of the live threads. */
export function freeIfOrphaned(lock: Int32Array, live: readonly number[]): void {
  const holder = Atomics.load(lock, 0);
  if (holder !== 0 && !live.includes(holder) && Atomics.compareExchange(lock, 0, holder, 0) === holder) Atomics.notify(lock, 0);
}
