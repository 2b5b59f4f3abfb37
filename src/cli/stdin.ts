/**
 * `-` as a file argument: read standard input. Shared by the commands that accept `-`.
 * The bytes are read whole (inputs are single documents); the readers sniff their format from content.
 */
import { Readable } from 'node:stream';

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

/**
 * The name readers see for piped bytes. It carries no extension: the readers name the format from the
 * content (PDF, DOCX/XLSX, HTML, text in UTF-8, UTF-16 or GB 18030).
 */
export const STDIN_FILE_NAME = 'stdin';
