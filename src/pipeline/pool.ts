/**
 * The worker-thread pool (piscina) that reads files in parallel, with one guard per file: a time
 * limit (the thread running it is terminated) and a heap limit per thread (V8 stops the thread when
 * a file needs more). Threads are recycled after a number of files or above a heap mark, so that a
 * long run's memory stays flat. Tasks are handed out by the caller, at most `jobs` at a time, so
 * piscina never queues: a thread being recycled never receives a task.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { SelfevalError } from '../errors.js';
import { freeIfOrphaned, newOcrLock } from './ocr-lock.js';
import type { ProgressMessage, WorkerReply, WorkerTask } from './worker.js';

export interface PoolOptions {
  /** Threads (default: the number of cores). */
  jobs?: number;
  /** Per-file time limit in ms … */
  timeoutMs: number;
  /** … plus this much for every page the file has read by OCR (ms; 0: none). */
  ocrPageMs?: number;
  /** Per-thread heap limit in MB: a file needing more becomes an OUT_OF_MEMORY error. */
  maxHeapMb: number;
  /** How many threads may read by OCR at once (default 1: see ocr-lock.ts). */
  ocrJobs?: number;
  /** Recycle a thread after this many files … */
  recycleAfter?: number;
  /** … or when its heap in use is above this after a file (MB). */
  recycleHeapMb?: number;
}

/**
 * Pages that earn OCR time, at most: a file of more scanned pages still has 200 pages' time, which
 * at about 8 s a page is room for some 500, and a hostile file of endless blank pages still ends.
 */
export const MAX_OCR_PAGES_TIMED = 200;
/**
 * How long a file out of time during OCR has to stop by itself (between engine runs) before its
 * thread is terminated: terminating a thread inside an onnxruntime session aborts the process.
 */
const OCR_STOP_GRACE_MS = 60_000;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** The worker module: compiled JavaScript, or the TypeScript source run through tsx (development, tests). */
function workerEntry(): string {
  const here = import.meta.url;
  // From the TypeScript sources (development, tests) a small bootstrap registers tsx in the thread.
  return new URL(here.endsWith('.ts') ? './worker-tsx.mjs' : './worker.js', here).href;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: string }).code === 'ABORT_ERR');
}

export class ReadPool {
  private readonly pool: Piscina;
  private gate: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly ocrLock: Int32Array;
  private readonly orphanCheck: NodeJS.Timeout;
  readonly jobs: number;

  constructor(private readonly options: PoolOptions) {
    this.jobs = Math.max(1, options.jobs ?? defaultJobs());
    this.ocrLock = newOcrLock(Math.min(this.jobs, options.ocrJobs ?? 1));
    this.pool = new Piscina({
      filename: workerEntry(),
      execArgv: [],
      minThreads: this.jobs,
      maxThreads: this.jobs,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
      workerData: { ocrLock: this.ocrLock },
    });
    // A thread ended by a limit while it held the OCR lock cannot let it go: free it for the others.
    this.orphanCheck = setInterval(() => freeIfOrphaned(this.ocrLock, this.pool.threads.map((t) => t.threadId)), 1000);
    this.orphanCheck.unref();
    // A thread ended by a time limit or a heap limit is replaced by piscina; its task is rejected.
    this.pool.on('error', () => undefined);
  }

  /** Run one task under the file's guards. Rejects only with a SelfevalError (TIMEOUT, OUT_OF_MEMORY, READ_FAILED). */
  async run(task: WorkerTask, file: string): Promise<WorkerReply> {
    for (let attempt = 0; ; attempt++) {
      await this.gate;
      if (this.closed) throw new SelfevalError('READ_FAILED', { file, detail: '已中断' });
      const deadline = this.deadline(task);
      try {
        const reply = (await this.pool.run(deadline.task, { signal: deadline.signal, transferList: deadline.transfer })) as WorkerReply;
        this.maybeRecycle(reply);
        // Stopped in mid-OCR because its time was up: a TIMEOUT like any other.
        if (deadline.stopped()) throw new SelfevalError('TIMEOUT', { file, detail: deadline.describe() });
        return reply;
      } catch (error) {
        // A task handed to a thread just as it was recycled is run again, once.
        if (attempt === 0 && !this.closed && error instanceof Error && /worker exited/iu.test(error.message)) continue;
        throw this.toSelfevalError(error, file, deadline.describe());
      } finally {
        deadline.clear();
      }
    }
  }

  /**
   * The file's time limit: the base one, extended by the OCR allowance each time the worker says
   * (through a message port) that it starts reading a page by OCR.
   */
  private deadline(task: WorkerTask): {
    task: WorkerTask;
    signal: AbortSignal;
    transfer: MessagePort[];
    clear(): void;
    describe(): string;
    stopped(): boolean;
  } {
    const controller = new AbortController();
    const started = Date.now();
    const base = this.options.timeoutMs;
    const perPage = this.options.ocrPageMs ?? 0;
    let pages = 0;
    /** Time spent waiting for the OCR lock (not counted), and since when it is waiting. */
    let paused = 0;
    let pausedAt: number | null = null;
    // During OCR, time up first asks the worker to stop (the cancel flag), and terminates it only
    // if it has not stopped within the grace period.
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const expire = (): void => {
      if (pages === 0 || task.type !== 'read') return controller.abort();
      Atomics.store(cancel, 0, 1);
      timer = setTimeout(() => controller.abort(), OCR_STOP_GRACE_MS);
    };
    let timer = setTimeout(expire, base);
    const rearm = (): void => {
      clearTimeout(timer);
      if (pausedAt === null) timer = setTimeout(expire, Math.max(0, started + base + pages * perPage + paused - Date.now()));
    };
    const stopped = (): boolean => Atomics.load(cancel, 0) !== 0;
    const seconds = (ms: number): number => Math.round(ms / 1000);
    const describe = (): string =>
      pages === 0 ? `超过 ${seconds(base)} 秒` : `超过 ${seconds(base + pages * perPage)} 秒（${seconds(base)} 秒，另加 ${pages} 页 OCR 各 ${seconds(perPage)} 秒）`;
    if (task.type !== 'read') return { task, signal: controller.signal, transfer: [], clear: () => clearTimeout(timer), describe, stopped };
    const channel = new MessageChannel();
    channel.port1.on('message', (message: ProgressMessage) => {
      if (controller.signal.aborted || stopped()) return;
      if ('waiting' in message) {
        if (message.waiting) pausedAt = Date.now();
        else if (pausedAt !== null) [paused, pausedAt] = [paused + Date.now() - pausedAt, null];
      } else if (pages < MAX_OCR_PAGES_TIMED) {
        pages++;
      }
      rearm();
    });
    return {
      task: { ...task, progress: channel.port2, cancel },
      signal: controller.signal,
      transfer: [channel.port2],
      clear: () => {
        clearTimeout(timer);
        channel.port1.close();
      },
      describe,
      stopped,
    };
  }

  private toSelfevalError(error: unknown, file: string, overTime: string): SelfevalError {
    if (error instanceof SelfevalError) return error;
    if (isAbort(error)) return new SelfevalError('TIMEOUT', { file, detail: overTime });
    const code = (error as { code?: string } | null)?.code;
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new SelfevalError('OUT_OF_MEMORY', { file, detail: `超过每个线程 ${this.options.maxHeapMb} MB 的内存上限` });
    }
    const detail = error instanceof Error ? error.message : String(error);
    return new SelfevalError('READ_FAILED', { file, detail });
  }

  /** Terminate the thread that ran `reply` when it is due; no task is handed out until it is gone. */
  private maybeRecycle(reply: WorkerReply): void {
    const heapMark = (this.options.recycleHeapMb ?? 256) * 1024 * 1024;
    // After OCR too: the engine and the native memory a page's OCR grew stay with the thread otherwise.
    if (reply.tasksDone < (this.options.recycleAfter ?? 200) && reply.heapUsed < heapMark && !reply.ocr) return;
    const thread = this.pool.threads.find((t) => t.threadId === reply.threadId);
    if (!thread) return;
    const previous = this.gate;
    this.gate = previous.then(() => thread.terminate().then(() => undefined, () => undefined));
  }

  /** Stop: running tasks are abandoned (their threads terminated). */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.orphanCheck);
    await this.pool.destroy();
  }
}
