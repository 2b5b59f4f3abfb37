/**
 * Writing outputs so that a kill at any moment leaves either the old file or the new one, never half
 * of one: write a temporary file beside the target, then rename it over (rename is atomic on POSIX).
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TMP_MARK = '.selfeval-tmp-';

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}${TMP_MARK}${randomBytes(6).toString('hex')}`);
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
}

/** Temporary files a killed run left behind in a folder (only ours: they carry the mark). */
export async function removeStaleTemporaries(folder: string): Promise<void> {
  const entries = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(entries.filter((e) => e.includes(TMP_MARK)).map((e) => rm(join(folder, e), { force: true })));
}

export function removeStaleTemporariesSync(folder: string): void {
  let entries: string[] = [];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  for (const e of entries) if (e.includes(TMP_MARK)) rmSync(join(folder, e), { force: true });
}

export async function removeIfPresent(path: string): Promise<void> {
  await rm(path, { force: true });
}
