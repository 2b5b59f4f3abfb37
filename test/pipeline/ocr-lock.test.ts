/**
 * The OCR lock between batch threads (src/pipeline/ocr-lock.ts), run in real worker threads: a
 * second thread waits (and says so, so the pool can pause its clock) until the first lets go, and a
 * lock left by a thread that died is freed by the pool.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { freeIfOrphaned, newOcrLock } from '../../src/pipeline/ocr-lock.js';

const LOCK_MODULE = pathToFileURL(join(import.meta.dirname, '../../src/pipeline/ocr-lock.ts')).href;

/**
 * A thread that takes the lock, reports (and reports waiting for it), then holds it until `go` is
 * set, and releases it (or not).
 */
function thread(lock: Int32Array, go: Int32Array, release: boolean): { worker: Worker; messages: Promise<Array<Record<string, unknown>>> } {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const { register } = await import('tsx/esm/api');
      register();
      const { takeOcrLock, releaseOcrLock } = await import(workerData.module);
      const events = [];
      takeOcrLock(workerData.lock, (waiting) => {
        events.push(waiting);
        if (waiting) parentPort.postMessage({ waiting: true });
      });
      parentPort.postMessage({ taken: true, events });
      while (Atomics.load(workerData.go, 0) === 0) Atomics.wait(workerData.go, 0, 0, 100);
      if (workerData.release) releaseOcrLock(workerData.lock);
    })();`;
  const worker = new Worker(code, { eval: true, workerData: { lock, go, release, module: LOCK_MODULE } });
  const messages = new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
    const got: Array<Record<string, unknown>> = [];
    worker.on('message', (m) => got.push(m));
    worker.on('error', reject);
    worker.on('exit', () => resolve(got));
  });
  return { worker, messages };
}

const flag = (): Int32Array => new Int32Array(new SharedArrayBuffer(4));
const set = (f: Int32Array): void => {
  Atomics.store(f, 0, 1);
  Atomics.notify(f, 0);
};

describe('the OCR lock', () => {
  it('makes a second thread wait for the first, then lets it in', async () => {
    const lock = newOcrLock();
    const [goFirst, goSecond] = [flag(), flag()];
    const first = thread(lock, goFirst, true);
    await new Promise<void>((resolve) => first.worker.once('message', () => resolve()));
    expect(Atomics.load(lock, 0)).toBe(first.worker.threadId);
    const second = thread(lock, goSecond, true);
    // The second says it waits; only when the first lets go does it take the lock.
    await new Promise<void>((resolve) => second.worker.once('message', (m) => m.waiting && resolve()));
    expect(Atomics.load(lock, 0)).toBe(first.worker.threadId);
    set(goFirst);
    const a = await first.messages;
    expect(a[0]).toMatchObject({ taken: true, events: [] });
    await vi.waitUntil(() => Atomics.load(lock, 0) === second.worker.threadId, { timeout: 30_000, interval: 20 });
    set(goSecond);
    const b = await second.messages;
    expect(b.at(-1)).toMatchObject({ taken: true, events: [true, false] });
    expect(Atomics.load(lock, 0)).toBe(0);
  }, 60_000);

  it('is freed by the pool when its holder is gone', async () => {
    const lock = newOcrLock();
    const go = flag();
    set(go);
    const holder = thread(lock, go, false);
    const id = holder.worker.threadId;
    await holder.messages;
    expect(Atomics.load(lock, 0)).toBe(id);
    freeIfOrphaned(lock, [id + 1]);
    expect(Atomics.load(lock, 0)).toBe(0);
  }, 60_000);

  it('with two slots (--ocr-jobs 2) lets two threads in at once and makes a third wait for either', async () => {
    const lock = newOcrLock(2);
    const [goA, goB, goC] = [flag(), flag(), flag()];
    // The first message of a thread, listened for as soon as it starts (a later listener would miss it).
    const taken = (t: { worker: Worker }) => new Promise<Record<string, unknown>>((resolve) => t.worker.once('message', resolve));
    const a = thread(lock, goA, true);
    const aTaken = taken(a);
    const b = thread(lock, goB, true);
    const bTaken = taken(b);
    expect(await aTaken).toMatchObject({ taken: true, events: [] });
    expect(await bTaken).toMatchObject({ taken: true, events: [] });
    expect([Atomics.load(lock, 0), Atomics.load(lock, 1)].sort()).toEqual([a.worker.threadId, b.worker.threadId].sort());
    const c = thread(lock, goC, true);
    expect(await taken(c)).toMatchObject({ waiting: true });
    set(goB);
    await b.messages;
    await vi.waitUntil(() => [Atomics.load(lock, 0), Atomics.load(lock, 1)].includes(c.worker.threadId), { timeout: 30_000, interval: 20 });
    set(goA);
    set(goC);
    expect((await c.messages).at(-1)).toMatchObject({ taken: true, events: [true, false] });
    await a.messages;
    expect([Atomics.load(lock, 0), Atomics.load(lock, 1)]).toEqual([0, 0]);
  }, 60_000);
});
