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
  | 'INVALID_DOCUMENT'
  | 'READ_FAILED'
  | 'TIMEOUT'
  | 'OUT_OF_MEMORY';

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  ENCRYPTED: '文件已加密，无法读取',
  CORRUPT: '文件已损坏，无法解析',
  TRUNCATED: '文件不完整（被截断），无法解析',
  NO_TEXT_LAYER: '扫描件无文本层，需要 OCR',
  NOT_SELF_EVALUATION: '不是绩效自评表、自评报告或自评表说明',
  UNSUPPORTED_FORMAT: '不支持的文件格式',
  LEGACY_FORMAT: '旧版 Office 格式，需要安装 LibreOffice（soffice）才能转换读取',
  TOO_LARGE: '文件解压后超过大小上限，已拒绝读取',
  UNSAFE_XML: 'XML 声明了实体（DOCTYPE/ENTITY），已拒绝读取',
  INVALID_DOCUMENT: '不是第 2 版 selfeval 文档 JSON（可用 selfeval extract 重新生成）',
  READ_FAILED: '读取失败',
  TIMEOUT: '读取超时，已放弃该文件',
  OUT_OF_MEMORY: '读取时内存超过上限，已放弃该文件',
};

/** Every error code, in a stable order (for documentation and exhaustive handling). */
export const ERROR_CODES = Object.keys(DEFAULT_MESSAGES) as ErrorCode[];

/** The Chinese message of a code, without file or detail. */
export function errorMessage(code: ErrorCode): string {
  return DEFAULT_MESSAGES[code];
}

/** Most characters a detail keeps in a message (details may quote damaged input). */
const MAX_DETAIL = 300;

/** A detail fit for terminals and CSV cells: control characters shown as \xNN, bounded length. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replace(/[\t\n]+/gu, ' ');
  return clean.length > MAX_DETAIL ? `${clean.slice(0, MAX_DETAIL)}…` : clean;
}

/**
 * Codes whose detail is a whole sentence that already says what is wrong (the classifier's "这是部门决算
 * （标题“…”），不是绩效自评表或自评报告"): the detail replaces the code's message instead of being
 * appended to it, so the reason never nests or repeats itself.
 */
const DETAIL_IS_REASON: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['NOT_SELF_EVALUATION']);

/**
 * The Chinese reason of an error, without the file or the code: what errors.csv shows in its
 * `message` column (file and code have their own columns there).
 */
export function errorReason(code: ErrorCode | string, detail: string | null): string {
  const base = (DEFAULT_MESSAGES as Record<string, string | undefined>)[code] ?? DEFAULT_MESSAGES.READ_FAILED;
  if (detail === null || detail === '') return base;
  return DETAIL_IS_REASON.has(code as ErrorCode) ? detail : `${base}（${detail}）`;
}

export class SelfevalError extends Error {
  readonly code: ErrorCode;
  readonly file: string | null;
  readonly detail: string | null;

  constructor(code: ErrorCode, options: { file?: string | null; detail?: string | null; cause?: unknown } = {}) {
    const file = options.file ?? null;
    const detail = options.detail === undefined || options.detail === null ? null : printable(options.detail);
    super(`${file ? `${file}: ` : ''}${errorReason(code, detail)} [${code}]`, { cause: options.cause });
    this.name = 'SelfevalError';
    this.code = code;
    this.file = file;
    this.detail = detail;
  }

  /** The same error attributed to a file (readers work on bytes and may not know the path). */
  /** The Chinese reason alone (no file, no code). */
  get reason(): string {
    return errorReason(this.code, this.detail);
  }

  withFile(file: string): SelfevalError {
    if (this.file === file) return this;
    return new SelfevalError(this.code, { file, detail: this.detail, cause: this.cause });
  }
}

export function isSelfevalError(error: unknown): error is SelfevalError {
  return error instanceof SelfevalError;
}
