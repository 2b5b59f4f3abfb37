/**
 * Legacy Office files (.doc, .xls, .wps, .et) through LibreOffice.
 *
 * When `soffice` is on PATH the bytes are written into a fresh temporary folder, converted there to
 * DOCX or XLSX with a private LibreOffice profile (parallel runs do not share a profile lock) and a
 * time limit, read with the DOCX/XLSX reader, and the folder is deleted. Without LibreOffice the file
 * is refused with LEGACY_FORMAT. Files published with a legacy extension that are in fact DOCX/XLSX
 * (a ZIP) are read directly.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SelfevalError, isSelfevalError } from '../errors.js';
import type { LayoutDocument } from '../layout/model.js';
import type { ReadOptions } from './types.js';
import { isZip, zipHasEntry } from './zip.js';

export interface LegacyReadOptions extends ReadOptions {
  /** Path of the LibreOffice executable; found on PATH when absent. */
  soffice?: string | null;
  /** Give up on a conversion after this long (default 120 s). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** OLE compound file magic: legacy .doc/.xls/.wps/.et, and password-protected .docx/.xlsx. */
export function isOleCompound(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return magic.every((b, i) => bytes[i] === b);
}

/** A password-protected DOCX/XLSX: an OLE container holding an "EncryptedPackage" stream. */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  if (!isOleCompound(bytes)) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

/**
 * What a DOCX/XLSX reader does with bytes that are an OLE container rather than a ZIP: refuse an
 * encrypted package (ENCRYPTED), convert a legacy file published under a modern extension.
 */
export async function readOleInsteadOfZip(bytes: Uint8Array, options: ReadOptions = {}): Promise<LayoutDocument> {
  if (isEncryptedOoxml(bytes)) throw new SelfevalError('ENCRYPTED', { file: options.fileName ?? null, detail: '受密码保护的 Office 文件' });
  // The extension lies (.docx on a Word 97 file): legacyTarget lets the stream names choose.
  return readLegacyOffice(bytes, options);
}

/** The LibreOffice executable on PATH (`soffice`, `libreoffice`), or null when none is installed. */
export function findSoffice(): string | null {
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter((d) => d !== '');
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

type Target = 'docx' | 'xlsx';

/** Which modern format a legacy file converts to: by extension, else by the OLE stream names. */
export function legacyTarget(bytes: Uint8Array, fileName = ''): Target {
  const ext = fileName.toLowerCase().match(/\.[a-z]+$/u)?.[0] ?? '';
  if (ext === '.xls' || ext === '.et') return 'xlsx';
  if (ext === '.doc' || ext === '.wps') return 'docx';
  // A Word binary file has a "WordDocument" stream; an Excel one "Workbook" (or "Book").
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (head.includes(Buffer.from('Workbook', 'utf16le')) || head.includes(Buffer.from('Book', 'utf16le'))) {
    if (!head.includes(Buffer.from('WordDocument', 'utf16le'))) return 'xlsx';
  }
  return 'docx';
}

/** Run soffice in its own process group so that a timeout can end it and the children it starts. */
function runSoffice(soffice: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut });
    });
  });
}

async function readModern(bytes: Uint8Array, target: Target, options: ReadOptions): Promise<LayoutDocument> {
  if (target === 'xlsx') return (await import('./xlsx/index.js')).xlsxReader.read(bytes, options);
  return (await import('./docx/index.js')).docxReader.read(bytes, options);
}

export async function readLegacyOffice(bytes: Uint8Array, options: LegacyReadOptions = {}): Promise<LayoutDocument> {
  const fileName = options.fileName ?? null;
  const readOptions: ReadOptions = fileName === null ? {} : { fileName };
  // Misnamed modern files are common on government sites: read them as what they are.
  if (isZip(bytes)) {
    if (zipHasEntry(bytes, 'word/document.xml')) return readModern(bytes, 'docx', readOptions);
    if (zipHasEntry(bytes, 'xl/workbook.xml')) return readModern(bytes, 'xlsx', readOptions);
  }
  const soffice = options.soffice === undefined ? findSoffice() : options.soffice;
  if (!soffice) {
    throw new SelfevalError('LEGACY_FORMAT', { file: fileName, detail: '请安装 LibreOffice（如 apt-get install libreoffice），使 soffice 在 PATH 中' });
  }
  const target = legacyTarget(bytes, fileName ?? '');
  const ext = (fileName ?? '').toLowerCase().match(/\.(doc|xls|wps|et)$/u)?.[0] ?? (target === 'xlsx' ? '.xls' : '.doc');
  const dir = await mkdtemp(join(tmpdir(), 'selfeval-legacy-'));
  try {
    const input = join(dir, `input${ext}`);
    const outDir = join(dir, 'out');
    await writeFile(input, bytes);
    const args = [
      '--headless', '--norestore', '--nolockcheck', '--nodefault', '--nologo',
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--convert-to', target, '--outdir', outDir, input,
    ];
    const result = await runSoffice(soffice, args, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    if (result.timedOut) {
      throw new SelfevalError('READ_FAILED', { file: fileName, detail: `LibreOffice 转换超时（${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} 秒）` });
    }
    const produced = (await readdir(outDir).catch(() => [] as string[])).find((f) => f.toLowerCase().endsWith(`.${target}`));
    if (!produced) {
      throw new SelfevalError('CORRUPT', { file: fileName, detail: `LibreOffice 无法转换为 ${target}${result.stderr ? `：${result.stderr.trim().slice(0, 200)}` : ''}` });
    }
    const converted = new Uint8Array(await readFile(join(outDir, produced)));
    const layout = await readModern(converted, target, readOptions);
    layout.warnings.push({ code: 'LEGACY_CONVERTED', message: `旧版格式已用 LibreOffice 转换为 ${target} 后读取`, anchor: null });
    return layout;
  } catch (error) {
    if (isSelfevalError(error)) throw error;
    throw new SelfevalError('READ_FAILED', { file: fileName, detail: 'LibreOffice 转换失败', cause: error });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
