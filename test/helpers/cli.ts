import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../src/cli/index.js';

/** Run the CLI in-process and capture what it prints. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = undefined;
  }
}

/** Copy the given files (flat) into a folder. */
export function copyInto(dir: string, files: readonly string[]): void {
  mkdirSync(dir, { recursive: true });
  for (const f of files) copyFileSync(f, join(dir, f.split('/').pop() as string));
}

/** Every file under a folder (relative paths, sorted), the state folder left out. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      if (name === '.selfeval') return [];
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path, `${prefix}${name}/`) : [`${prefix}${name}`];
    });
}

/** Rows of a CSV file parsed by Python's csv module: [header, ...rows] (RFC 4180 check from outside). */
export function pythonCsvRows(path: string): string[][] {
  const script = 'import csv,json,sys\nwith open(sys.argv[1], newline="", encoding="utf-8-sig") as f: print(json.dumps(list(csv.reader(f))))';
  const result = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as string[][];
}

/** True when Debian's python has pandas (CI installs python3-pandas). */
export function hasPandas(): boolean {
  return spawnSync('/usr/bin/python3', ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
}

/** pandas.read_csv of each file; returns row counts, throws when pandas cannot load one. */
export function pandasRowCounts(paths: readonly string[]): number[] {
  const script = 'import pandas,sys,json\nprint(json.dumps([len(pandas.read_csv(p, encoding="utf-8-sig", keep_default_na=False)) for p in sys.argv[1:]]))';
  const result = spawnSync('/usr/bin/python3', ['-c', script, ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as number[];
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
