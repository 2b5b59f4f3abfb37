import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Document } from '../../src/schema/document.js';
import type { ResultLine } from '../../src/schema/results.js';

const COUNTIES = ['增城区', '白云区', '荔湾区', '番禺区', '天河区', '越秀区', '海珠区', '黄埔区', '花都区', '南沙区', '从化区'];

/**
 * An output folder of `count` documents made from the Documents of a real extract run by copying
 * them under other file names, departments, districts and years (no input is read again). Sources
 * are left as they are, so evidence images of the same box are shared.
 */
export function writeSyntheticOutputs(fromDir: string, toDir: string, count: number): void {
  mkdirSync(toDir, { recursive: true });
  const lines = readFileSync(join(fromDir, 'results.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ResultLine);
  const ok = lines.filter((l) => l.ok && l.output !== null);
  const documents = ok.map((l) => JSON.parse(readFileSync(join(fromDir, l.output as string), 'utf8')) as Document);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const k = i % ok.length;
    const line = ok[k] as ResultLine;
    const document = structuredClone(documents[k] as Document);
    const copy = Math.floor(i / ok.length);
    const county = COUNTIES[copy % COUNTIES.length] as string;
    const year = 2020 + (copy % 5);
    const department = `${document.department.name ?? '部门'}（第 ${copy} 组）`;
    document.department = { ...document.department, name: department, key: department };
    document.region = { province: '广东省', city: '广州市', county, code: null, provenance: null };
    document.fiscalYear = year;
    const file = `synthetic/${copy}/${basename(line.file)}`;
    const output = `synthetic-${i}-${basename(line.output as string)}`;
    writeFileSync(join(toDir, output), JSON.stringify(document));
    out.push(
      JSON.stringify({
        ...line,
        file,
        output,
        department,
        departmentKey: department,
        region: { province: '广东省', city: '广州市', county, code: null },
        fiscalYear: year,
      } satisfies ResultLine),
    );
  }
  writeFileSync(join(toDir, 'results.jsonl'), `${out.join('\n')}\n`);
}
