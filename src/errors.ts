/**
 * Errors for bad input. Each has a stable English code and a Chinese message naming the file;
 * internal defects stay ordinary Errors. Imports nothing.
 */
export type ErrorCode =
  | 'ENCRYPTED'
  | 'CORRUPT'
  | 'TRUNCATED'
  | 'NO_TEXT_LAYER'
  | 'NOT_SELF_EVALUATION'
  | 'UNSUPPORTED_FORMAT'
  | 'LEGACY_FORMAT'
  | 'TOO_LARGE'
  | 'UNSAFE_XML'
  | 'READ_FAILED'
  | 'TIMEOUT'
  | 'OUT_OF_MEMORY';

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  ENCRYPTED: '文件已加密，无法读取',
  CORRUPT: '文件已损坏，无法解析',
  TRUNCATED: '文件不完整（被截断），无法解析',
  NO_TEXT_LAYER: '扫描件无文本层，需要 OCR',
  NOT_SELF_EVALUATION: '不是部门整体支出绩效自评文件',
  UNSUPPORTED_FORMAT: '不支持的文件格式',
  LEGACY_FORMAT: '旧版 Office 格式，需要安装 LibreOffice（soffice）才能转换读取',
  TOO_LARGE: '文件解压后超过大小上限，已拒绝读取',
  UNSAFE_XML: 'XML 声明了实体（DOCTYPE/ENTITY），已拒绝读取',
  READ_FAILED: '读取失败',
  TIMEOUT: '读取超时，已放弃该文件',
  OUT_OF_MEMORY: '读取时内存超过上限，已放弃该文件',
};

/** Most characters a detail keeps in a message (details may quote damaged input). */
const MAX_DETAIL = 300;

/** A detail fit for terminals and CSV cells: control characters shown as \xNN, bounded length. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replace(/[\t\n]+/gu, ' ');
  return clean.length > MAX_DETAIL ? `${clean.slice(0, MAX_DETAIL)}…` : clean;
}

export class SelfevalError extends Error {
  readonly code: ErrorCode;
  readonly file: string | null;
  readonly detail: string | null;

  constructor(code: ErrorCode, options: { file?: string | null; detail?: string | null; cause?: unknown } = {}) {
    const file = options.file ?? null;
    const detail = options.detail === undefined || options.detail === null ? null : printable(options.detail);
    const base = DEFAULT_MESSAGES[code];
    super(`${file ? `${file}: ` : ''}${base}${detail ? `（${detail}）` : ''} [${code}]`, { cause: options.cause });
    this.name = 'SelfevalError';
    this.code = code;
    this.file = file;
    this.detail = detail;
  }

  /** The same error attributed to a file (readers work on bytes and may not know the path). */
  withFile(file: string): SelfevalError {
    if (this.file === file) return this;
    return new SelfevalError(this.code, { file, detail: this.detail, cause: this.cause });
  }
}

export function isSelfevalError(error: unknown): error is SelfevalError {
  return error instanceof SelfevalError;
}
