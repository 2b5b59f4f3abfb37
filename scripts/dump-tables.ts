/** Debug aid: print the tables `selfeval tables` finds in PDFs, compactly. Usage: tsx scripts/dump-tables.ts FILE… */
import { tablesForFile } from '../src/cli/commands/tables.js';
import { tableToTextRows } from '../src/layout/grid.js';

for (const file of process.argv.slice(2)) {
  const { tables } = await tablesForFile(file);
  console.log(`=== ${file}: ${tables.length} table(s)`);
  tables.forEach((t, i) => {
    console.log(`T${i + 1} ${t.rowCount}x${t.colCount} page ${t.pages?.join(',') ?? t.page} bbox ${JSON.stringify(t.bbox)}`);
    tableToTextRows(t).forEach((row, r) => console.log(`  ${r}: ${row.map((c) => c.slice(0, 24)).join(' | ')}`));
    const spans = t.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => `${c.text.slice(0, 8)}@${c.row},${c.col} ${c.rowSpan}x${c.colSpan}`);
    if (spans.length) console.log(`  spans: ${spans.join('; ')}`);
  });
}
