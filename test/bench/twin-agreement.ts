/**
 * How close the unruled PDFs' tables come to their HTML twins (same content, ruled tables with
 * rowspan/colspan): share of the HTML's non-empty cells found as a PDF cell with the same text,
 * and share of HTML rows reproduced exactly (their non-empty cells, in order).
 * Usage: node --import tsx test/bench/twin-agreement.ts [corpus dir]   (default /work/shared/corpus)
 */
import { join } from 'node:path';
import { tablesForFile } from '../../src/cli/commands/tables.js';
import { tableToRows } from '../../src/output/tables.js';

const corpus = process.argv[2] ?? '/work/shared/corpus';
const norm = (t: string): string => t.replace(/[\s\u3000]+/gu, '');

for (const name of ['liwan-2023-table', 'zengcheng-2022-table']) {
  const pdf = await tablesForFile(join(corpus, 'pdf', `${name}.unruled.pdf`));
  const html = await tablesForFile(join(corpus, 'html', `${name}.html`));
  const pdfRows = pdf.tables.flatMap((t) => tableToRows(t).map((r) => r.map(norm).filter((c) => c !== '')));
  const htmlRows = html.tables.flatMap((t) => tableToRows(t).map((r) => r.map(norm).filter((c) => c !== '')));
  const pool = new Map<string, number>();
  for (const c of pdfRows.flat()) pool.set(c, (pool.get(c) ?? 0) + 1);
  let found = 0;
  const cells = htmlRows.flat();
  for (const c of cells) {
    const n = pool.get(c) ?? 0;
    if (n > 0) {
      found++;
      pool.set(c, n - 1);
    }
  }
  const pdfRowKeys = new Set(pdfRows.map((r) => JSON.stringify(r)));
  const rowsFound = htmlRows.filter((r) => r.length > 0 && pdfRowKeys.has(JSON.stringify(r))).length;
  const rowsTotal = htmlRows.filter((r) => r.length > 0).length;
  process.stdout.write(
    `${name}.unruled.pdf: ${pdf.tables.length} tables; cells matching the HTML twin ${found}/${cells.length} (${((100 * found) / cells.length).toFixed(0)}%), rows reproduced exactly ${rowsFound}/${rowsTotal}\n`,
  );
}
