/**
 * A Document that selfeval wrote earlier (`out/x.json`), read back for re-verification. Told from an
 * input file by its content (a JSON object with `schemaVersion` and `source`), never by its name.
 */
import { SelfevalError } from '../errors.js';
import { Document, SCHEMA_VERSION } from '../schema/document.js';

/** True when the bytes start like a JSON object (after a BOM and whitespace). */
export function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b; // {
}

/**
 * The Document in JSON bytes, validated against schema version 2; null when the bytes are not JSON
 * or not a selfeval Document at all (then they are read as an ordinary input file).
 * Throws INVALID_DOCUMENT for a selfeval Document of another version or with invalid fields.
 */
export function parseDocumentJson(bytes: Uint8Array, file: string | null = null): Document | null {
  if (!looksLikeJson(bytes)) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/u, ''));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !('schemaVersion' in value) || !('source' in value)) return null;
  return parseDocument(value, file);
}

/** Validate a parsed Document (schema version 2); throws INVALID_DOCUMENT naming the first bad field. */
export function parseDocument(value: unknown, file: string | null = null): Document {
  const version = typeof value === 'object' && value !== null && 'schemaVersion' in value ? (value as { schemaVersion: unknown }).schemaVersion : undefined;
  if (version !== SCHEMA_VERSION) {
    throw new SelfevalError('INVALID_DOCUMENT', { file, detail: `schemaVersion 为 ${JSON.stringify(version ?? null)}，需要 "${SCHEMA_VERSION}"` });
  }
  const parsed = Document.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(根)';
    throw new SelfevalError('INVALID_DOCUMENT', { file, detail: `${where}: ${issue?.message ?? '格式错误'}` });
  }
  return parsed.data;
}
