/**
 * Checks on the raw bytes before pdf.js sees them, and the mapping of failures while reading pages:
 * bad input becomes a SelfevalError with a stable code, never a pdf.js stack trace.
 */
import { SelfevalError } from '../../errors.js';

/** The byte offset of `%PDF-` in the first KiB (producers may put junk before it), or -1. */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).indexOf('%PDF-');
}

/**
 * Refuse what cannot be a whole PDF: no `%PDF-` header (CORRUPT), or no `%%EOF` marker near the
 * end (TRUNCATED: a download cut short; pdf.js would otherwise recover a partial document silently).
 */
export function checkPdfBytes(bytes: Uint8Array, fileName?: string): void {
  const file = fileName ?? null;
  if (bytes.length === 0) throw new SelfevalError('CORRUPT', { file, detail: '文件为空' });
  if (pdfHeaderOffset(bytes) < 0) throw new SelfevalError('CORRUPT', { file, detail: '文件头不是 %PDF-，不是 PDF 文件' });
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 4096)));
  if (!tail.includes('%%EOF')) {
    throw new SelfevalError('TRUNCATED', { file, detail: `文件末尾缺少 %%EOF 标记，共 ${bytes.length} 字节，可能下载不完整` });
  }
}

/** A failure while reading pages of an opened document → CORRUPT (keeps SelfevalErrors as they are). */
export function pageErrorToSelfevalError(error: unknown, page: number | null, fileName?: string): SelfevalError {
  if (error instanceof SelfevalError) return fileName ? error.withFile(fileName) : error;
  const message = error instanceof Error ? error.message : String(error);
  return new SelfevalError('CORRUPT', { file: fileName ?? null, detail: page ? `第 ${page} 页无法解析：${message}` : message, cause: error });
}

/** Map whatever pdf.js threw while opening a file to one of our stable error codes. */
export function openErrorToSelfevalError(error: unknown, bytes: Uint8Array, fileName?: string): SelfevalError {
  if (error instanceof SelfevalError) return fileName ? error.withFile(fileName) : error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  const file = fileName ?? null;
  if (name === 'PasswordException') return new SelfevalError('ENCRYPTED', { file, detail: '需要密码', cause: error });
  if (pdfHeaderOffset(bytes) < 0) {
    return new SelfevalError('CORRUPT', { file, detail: '文件头不是 %PDF-，不是 PDF 文件', cause: error });
  }
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) {
    return new SelfevalError('TRUNCATED', { file, detail: `文件末尾缺少 %%EOF（${message}）`, cause: error });
  }
  return new SelfevalError('CORRUPT', { file, detail: message, cause: error });
}
