/**
 * `-` as a file argument: read standard input. Shared by the commands that accept `-`.
 * The bytes are read whole (inputs are single documents); their format is sniffed from content.
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

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b);
}

/**
 * A name whose extension tells the readers what piped bytes are, for the formats that have no magic
 * number: text (UTF-8, or UTF-16 with a BOM) and HTML get `.txt`/`.html`; bytes with a signature
 * (PDF, ZIP, OLE, images) get no extension and are recognised by the readers from their content.
 */
export function sniffStdinName(bytes: Uint8Array): string {
  const signatures: ReadonlyArray<readonly number[]> = [
    [0x25, 0x50, 0x44, 0x46], // %PDF
    [0x50, 0x4b, 0x03, 0x04], // ZIP (docx, xlsx)
    [0xd0, 0xcf, 0x11, 0xe0], // OLE (doc, xls, wps, et)
    [0x89, 0x50, 0x4e, 0x47], // PNG
    [0xff, 0xd8, 0xff], // JPEG
    [0x49, 0x49, 0x2a, 0x00], // TIFF
    [0x4d, 0x4d, 0x00, 0x2a], // TIFF
  ];
  if (signatures.some((magic) => startsWith(bytes, magic))) return 'stdin';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'stdin.txt';
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return 'stdin';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/u, '').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || /^<(?:head|body|meta|table|div|p)[\s>]/u.test(text)) return 'stdin.html';
  return 'stdin.txt';
}
