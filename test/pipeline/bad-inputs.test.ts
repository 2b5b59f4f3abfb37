import { readdirSync, lstatSync, mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLargeFixtures } from '../../scripts/make-bad-fixtures.js';
import { ResultLine } from '../../src/schema/results.js';
import { hasPandas, pandasRowCounts, pythonCsvRows, readText, runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/samples.js';

const CSV = ['documents.csv', 'indicators.csv', 'targets.csv', 'findings.csv', 'errors.csv', 'skipped.csv'];

/** Every path under a folder, not following symbolic links (what a person sees in it). */
function allEntries(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const info = lstatSync(path);
    return info.isDirectory() ? allEntries(path) : [path];
  });
}

describe('extract over hostile inputs (test/fixtures/bad + generated large ones)', () => {
  it('accounts for every input in documents.csv or skipped.csv, names each problem, and writes loadable CSVs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-bad-'));
    const input = join(dir, 'in');
    cpSync(join(ROOT, 'test/fixtures/bad'), input, { recursive: true, verbatimSymlinks: true });
    writeLargeFixtures(join(input, 'large'));
    const out = join(dir, 'out');
    const { code, out: printed } = await runCli(['extract', input, '--out', out, '--timeout', '60', '--no-progress', '--db', join(dir, 'a.sqlite')]);
    expect(code).toBe(1);
    // One line per file, printed as it finishes.
    expect(printed).toMatch(/^\[1\/\d+\] /mu);

    const lines = readText(join(out, 'results.jsonl')).trim().split('\n').map((l) => ResultLine.parse(JSON.parse(l)));
    const byName = new Map(lines.map((l) => [l.file.slice(input.length + 1), l]));
    const codeOf = (name: string): string => byName.get(name)?.error?.code ?? (byName.get(name)?.ok ? 'ok' : 'absent');
    expect(codeOf('zip-bomb.docx')).toBe('TOO_LARGE');
    expect(codeOf('entity-bomb.docx')).toBe('UNSAFE_XML');
    expect(codeOf('encrypted.pdf')).toBe('ENCRYPTED');
    expect(codeOf('truncated.pdf')).toBe('TRUNCATED');
    // pdf.js rebuilds a broken cross-reference table by scanning the objects: the file is read.
    expect(byName.get('broken-xref.pdf')?.declaredTotal).toBe(100);
    expect(codeOf('not-self-evaluation.pdf')).toBe('NOT_SELF_EVALUATION');
    expect(codeOf('pages-300.pdf')).toBe('NOT_SELF_EVALUATION');
    expect(codeOf('large/nested-100k.html')).toBe('CORRUPT');
    expect(codeOf('nested-10k.html')).toBe('CORRUPT');
    expect(codeOf('zero-byte.pdf')).toBe('CORRUPT');
    expect(codeOf('random.docx')).toBe('CORRUPT');
    expect(codeOf('deep.docx')).toBe('NOT_SELF_EVALUATION');
    expect(byName.get('gbk.txt')?.declaredTotal).toBe(91.41);
    expect(byName.get('utf16.txt')?.department).toBe('广州市荔湾区协作办公室');
    expect(byName.get('invalid-utf8.txt')?.department).toBe('广州市荔湾区协作办公室');
    expect(byName.get('explanation.text')?.kind).toBe('table-explanation');
    expect(byName.get(`名称 含 空格 "引号" 's.html`)?.kind).toBe('self-evaluation-report');
    expect(byName.get('loop/liwan-2023-table.txt')?.ok).toBe(true);
    // No file ran into the time limit or the memory guard.
    expect(lines.filter((l) => ['TIMEOUT', 'OUT_OF_MEMORY'].includes(l.error?.code ?? ''))).toEqual([]);

    // Every entry of the folder is in documents.csv or skipped.csv (symbolic links to folders as loops).
    const documents = pythonCsvRows(join(out, 'documents.csv'));
    const skipped = pythonCsvRows(join(out, 'skipped.csv'));
    const accounted = new Set([...documents.slice(1).map((r) => r[0]), ...skipped.slice(1).map((r) => r[0])]);
    expect(allEntries(input).filter((p) => !accounted.has(p))).toEqual([]);
    expect(skipped.slice(1).map((r) => [r[0]?.slice(input.length + 1), r[1]])).toEqual(
      expect.arrayContaining([['~$lock.docx', 'office-lock-file'], ['.hidden.html', 'hidden'], ['random.bin', 'unknown-content'], ['loop/self', 'symlink-loop']]),
    );
    const errors = pythonCsvRows(join(out, 'errors.csv'));
    expect(errors[0]).toEqual(['file', 'stage', 'code', 'message', 'detail']);
    expect(errors.slice(1).find((r) => r[0]?.endsWith('zip-bomb.docx'))).toEqual([expect.any(String), 'read', 'TOO_LARGE', expect.stringContaining('超过'), expect.stringContaining('size limit')]);
    // Rectangular: every row has as many fields as the header.
    for (const name of CSV) {
      const rows = pythonCsvRows(join(out, name));
      expect(rows.every((r) => r.length === rows[0]?.length), name).toBe(true);
    }
    if (hasPandas()) expect(pandasRowCounts(CSV.map((n) => join(out, n)))[0]).toBe(documents.length - 1);
    else console.warn('skipped the pandas check: /usr/bin/python3 has no pandas (apt-get install python3-pandas)');
  }, 300_000);
});
