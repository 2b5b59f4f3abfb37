/**
 * How close the unruled PDFs' tables come to their HTML twins: share of the HTML's non-empty cells
 * found as a PDF cell with the same text, and share of HTML rows reproduced exactly.
 * Usage: node --import tsx test/bench/twin-agreement.ts [dir with <name>.unruled.pdf and <name>.html]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tablesForFile } from '../../src/cli/commands/tables.js';
import { twinAgreement } from '../tables/twin.js';

const dir = process.argv[2] ?? join(import.meta.dirname, '../../samples');
for (const name of ['liwan-2023-table', 'zengcheng-2022-table']) {
  const pdfPath = join(dir, `${name}.unruled.pdf`);
  const htmlPath = join(dir, `${name}.html`);
  if (!existsSync(pdfPath) || !existsSync(htmlPath)) continue;
  const pdf = await tablesForFile(pdfPath);
  const html = await tablesForFile(htmlPath);
  const a = twinAgreement(pdf.tables, html.tables);
  const pct = (n: number, d: number): string => `${n}/${d} (${((100 * n) / d).toFixed(0)}%)`;
  process.stdout.write(`${name}.unruled.pdf: ${pdf.tables.length} tables; HTML cells found ${pct(a.cellsFound, a.cells)}, rows reproduced ${pct(a.rowsFound, a.rows)}\n`);
}
