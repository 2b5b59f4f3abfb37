/**
 * `-` as a file argument: read standard input. Shared by the commands that accept `-`.
 * The bytes are read whole (inputs are single documents); their format is sniffed from content.
 */
import { Readable } from 'node:stream';
import { formatHintExtension } from '../pipeline/format-hint.js';

/** The argument that means standard input. */
export const STDIN_ARG = '-';

export function isStdinArg(arg: string): boolean {
  return arg === STDIN_ARG;
}

/** Thrown when `-` is given but standard input is a terminal (nothing is piped in). */
export class StdinIsTerminalError extends Error {
  constructor() {
    super('标准输入是终端，没有数据：请用管道或重定向传入文件，例如 cat x.pdf | selfeval verify -');
    this.name = 'StdinIsTerminalError';
  }
}

/** All bytes of a stream (standard input by default). */
export async function readStream(stream: Readable & { isTTY?: boolean } = process.stdin): Promise<Uint8Array> {
  if (stream.isTTY === true) throw new StdinIsTerminalError();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

/** The name piped bytes are read under: `stdin` plus the extension their content calls for (`stdin.txt`, `stdin.html`). */
export function sniffStdinName(bytes: Uint8Array): string {
  return `stdin${formatHintExtension(bytes)}`;
}
