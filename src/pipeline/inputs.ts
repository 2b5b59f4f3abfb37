/**
 * The inputs of a batch: files named on the command line, folders walked recursively in a sorted,
 * deterministic order, symbolic links followed without loops (each real folder is entered once).
 *
 * Name rules skip what is never a document (office lock files `~$x.docx`, hidden files); content
 * rules (unknown formats) are applied later, when the file is read for its hash. Every skipped path
 * is kept with its reason for skipped.csv.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { hasReader, type Sniffed } from '../readers/index.js';
import { extensionOf } from '../readers/sniff.js';

export type SkipReason = 'office-lock-file' | 'hidden' | 'unknown-content' | 'no-reader' | 'other-text' | 'symlink-loop' | 'not-found' | 'unreadable';

export interface SkippedInput {
  file: string;
  reason: SkipReason;
  detail: string;
}

export const SKIP_MESSAGES: Record<SkipReason, string> = {
  'office-lock-file': 'Office 临时锁文件（~$ 开头），不是文档',
  hidden: '隐藏文件或文件夹',
  'unknown-content': '内容无法识别为 PDF、HTML、DOCX、XLSX、旧版 Office 或文本',
  'no-reader': '没有可用的读取器（图像需要 OCR）',
  'other-text': '文本文件，但扩展名不是 .txt/.text（如 README.md、数据文件）',
  'symlink-loop': '符号链接指向已经遍历过的文件夹（循环）',
  'not-found': '文件或文件夹不存在',
  unreadable: '无法读取',
};

/**
 * Why a file found in a folder is not read, as one sentence for skipped.csv: content no format
 * names, a format without a reader, or plain text under an extension that is not a document's
 * (README.md, data.csv, notes.json). Null when it is read.
 */
export function folderSkip(sniffed: Sniffed, path: string): { reason: SkipReason; detail: string } | null {
  if (sniffed.legacy) return null;
  const ext = extensionOf(path);
  if (sniffed.format === null && sniffed.encoding !== null && ext !== '') {
    return { reason: 'other-text', detail: `扩展名为 ${ext} 的文本文件，不是文档（文件夹中的纯文本只读取 .txt 和 .text）` };
  }
  if (sniffed.format === null) return { reason: 'unknown-content', detail: `${SKIP_MESSAGES['unknown-content']}：${sniffed.evidence}` };
  if (!hasReader(sniffed.format)) return { reason: 'no-reader', detail: `${sniffed.evidence}，${SKIP_MESSAGES['no-reader']}` };
  return null;
}

export interface InputFile {
  /** As given or found (`-` stands for standard input). */
  path: string;
  /** Named on the command line (read whatever it holds), rather than found in a folder. */
  explicit: boolean;
}

export interface CollectedInputs {
  /** Files to read, in batch order. */
  files: InputFile[];
  skipped: SkippedInput[];
}

/** Office writes `~$name.docx` beside an open document: a lock file of a few hundred bytes. */
export function isOfficeLockFile(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.~lock.');
}

export function isHidden(name: string): boolean {
  return name.startsWith('.') && name !== '.' && name !== '..';
}

export async function collectInputs(paths: readonly string[]): Promise<CollectedInputs> {
  const files: InputFile[] = [];
  const skipped: SkippedInput[] = [];
  const seenFolders = new Set<string>();

  const walkFolder = async (folder: string): Promise<void> => {
    const real = await realpath(folder).catch(() => folder);
    if (seenFolders.has(real)) {
      skipped.push({ file: folder, reason: 'symlink-loop', detail: `${SKIP_MESSAGES['symlink-loop']}：${real}` });
      return;
    }
    seenFolders.add(real);
    let entries: string[];
    try {
      entries = (await readdir(folder)).sort();
    } catch (error) {
      skipped.push({ file: folder, reason: 'unreadable', detail: `无法列出文件夹内容（${(error as Error).message}）` });
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry);
      if (isHidden(entry)) {
        skipped.push({ file: path, reason: 'hidden', detail: SKIP_MESSAGES.hidden });
        continue;
      }
      const info = await stat(path).catch(() => null);
      if (info === null) {
        skipped.push({ file: path, reason: 'unreadable', detail: '无法访问（符号链接失效？）' });
      } else if (info.isDirectory()) {
        await walkFolder(path);
      } else if (info.isFile()) {
        if (isOfficeLockFile(entry)) skipped.push({ file: path, reason: 'office-lock-file', detail: SKIP_MESSAGES['office-lock-file'] });
        else files.push({ path, explicit: false });
      }
    }
  };

  for (const path of paths) {
    if (path === '-') {
      files.push({ path: '-', explicit: true });
      continue;
    }
    const info = await stat(path).catch(() => null);
    if (info === null) skipped.push({ file: path, reason: 'not-found', detail: SKIP_MESSAGES['not-found'] });
    else if (info.isDirectory()) await walkFolder(path);
    else if (isOfficeLockFile(basename(path))) skipped.push({ file: path, reason: 'office-lock-file', detail: SKIP_MESSAGES['office-lock-file'] });
    else files.push({ path, explicit: true });
  }
  return { files, skipped };
}

/**
 * `<input file name>.json` per input; a name used by an earlier input gets -2, -3 … (in batch order,
 * so the same inputs always get the same names). Standard input is `stdin.json`.
 */
export function outputNames(files: readonly string[]): string[] {
  const used = new Map<string, number>();
  return files.map((f) => {
    const name = `${f === '-' ? 'stdin' : basename(f)}.json`;
    const n = (used.get(name) ?? 0) + 1;
    used.set(name, n);
    return n === 1 ? name : name.replace(/\.json$/u, `-${n}.json`);
  });
}
