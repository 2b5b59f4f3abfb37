/**
 * At most N batch threads read by OCR at once (`--ocr-jobs`, default 1). A page's OCR needs several
 * hundred MB (the rendered page, its grey and ink copies, the detector's input and activations), and
 * two threads doing it at once more than double the run's peak memory; other files go on in the other
 * threads meanwhile. A machine with the memory for it lets more threads in.
 *
 * The lock is an Int32Array in shared memory: slots 0..N-1 hold 0 when free, else the holder's
 * threadId; the last element counts releases, so a waiting thread sleeps until any slot frees. A
 * thread takes a slot when its file starts its first OCR page and keeps it to the end of that file.
 * The pool frees the slot of a thread that is gone (terminated by a time or memory limit) and pauses a
 * waiting file's clock.
 */
import { threadId } from 'node:worker_threads';

export function newOcrLock(slots = 1): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * (Math.max(1, Math.floor(slots)) + 1)));
}

const slotCount = (lock: Int32Array): number => lock.length - 1;

function holds(lock: Int32Array, id: number): boolean {
  for (let s = 0; s < slotCount(lock); s++) if (Atomics.load(lock, s) === id) return true;
  return false;
}

function tryTake(lock: Int32Array): boolean {
  for (let s = 0; s < slotCount(lock); s++) if (Atomics.compareExchange(lock, s, 0, threadId) === 0) return true;
  return false;
}

function release(lock: Int32Array, slot: number, holder: number): void {
  if (Atomics.compareExchange(lock, slot, holder, 0) !== holder) return;
  const releases = slotCount(lock);
  Atomics.add(lock, releases, 1);
  Atomics.notify(lock, releases);
}

/** Worker side: take a slot (blocking this thread while all are held); `onWait` brackets the wait. */
export function takeOcrLock(lock: Int32Array, onWait: (waiting: boolean) => void): void {
  if (holds(lock, threadId) || tryTake(lock)) return;
  onWait(true);
  const releases = slotCount(lock);
  for (;;) {
    const seen = Atomics.load(lock, releases);
    if (tryTake(lock)) break;
    Atomics.wait(lock, releases, seen, 500);
  }
  onWait(false);
}

/** Worker side: let the slot go if this thread holds one. */
export function releaseOcrLock(lock: Int32Array): void {
  for (let s = 0; s < slotCount(lock); s++) release(lock, s, threadId);
}

/** Pool side: free the slots whose holders are no longer among the live threads. */
export function freeIfOrphaned(lock: Int32Array, live: readonly number[]): void {
  for (let s = 0; s < slotCount(lock); s++) {
    const holder = Atomics.load(lock, s);
    if (holder !== 0 && !live.includes(holder)) release(lock, s, holder);
  }
}
