/**
 * The OCR lock between batch threads (src/pipeline/ocr-lock.ts), run in real worker threads: a
 * second thread waits (and says so, so the pool can pause its clock) until the first lets go, and a
 * lock left by a thread that died is freed by the pool.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { freeIfOrphaned, newOcrLock } from '../../src/pipeline/ocr-lock.js';

const LOCK_MODULE = pathToFileURL(join(import.meta.dirname, '../../src/pipeline/ocr-lock.ts')).href;

/** A thread that takes the lock, reports, holds it `holdMs`, then releases it (or not). */
function thread(lock: Int32Array, holdMs: number, release: boolean): { worker: Worker; messages: Promise<unknown[]> } {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const { register } = await import('tsx/esm/api');
      register();
      const { takeOcrLock, releaseOcrLock } = await import(workerData.module);
      const events = [];
      const started = Date.now();
      takeOcrLock(workerData.lock, (waiting) => events.push(waiting));
      parentPort.postMessage({ taken: true, events, waited: Date.now() - started });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
      if (workerData.release) releaseOcrLock(workerData.lock);
      parentPort.postMessage({ done: true });
    })();`;
  const worker = new Worker(code, { eval: true, workerData: { lock, holdMs, release, module: LOCK_MODULE } });
  const messages = new Promise<unknown[]>((resolve, reject) => {
    const got: unknown[] = [];
    worker.on('message', (m) => got.push(m));
    worker.on('error', reject);
    worker.on('exit', () => resolve(got));
  });
  return { worker, messages };
}

describe('the OCR lock', () => {
  it('makes a second thread wait for the first, then lets it in', async () => {
    const lock = newOcrLock();
    const first = thread(lock, 600, true);
    await new Promise<void>((resolve) => first.worker.once('message', () => resolve()));
    const second = thread(lock, 0, true);
    const [a, b] = await Promise.all([first.messages, second.messages]);
    expect(a[0]).toMatchObject({ taken: true, events: [] });
    const got = b[0] as { events: boolean[]; waited: number };
    expect(got.events).toEqual([true, false]);
    expect(got.waited).toBeGreaterThan(300);
    expect(Atomics.load(lock, 0)).toBe(0);
  }, 60_000);

  it('is freed by the pool when its holder is gone', async () => {
    const lock = newOcrLock();
    const holder = thread(lock, 0, false);
    const id = holder.worker.threadId;
    await holder.messages;
    expect(Atomics.load(lock, 0)).toBe(id);
    freeIfOrphaned(lock, [id + 1]);
    expect(Atomics.load(lock, 0)).toBe(0);
  }, 60_000);
});
