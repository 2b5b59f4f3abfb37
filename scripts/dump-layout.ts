/** Debug aid: print a file's layout model (lines and table rows) as text. Usage: tsx scripts/dump-layout.ts FILE */
import { readFileSync } from 'node:fs';
import { tableToTextRows } from '../src/layout/grid.js';
import { readLayout } from '../src/readers/index.js';

const file = process.argv[2];
if (!file) throw new Error('usage: dump-layout FILE');
const layout = await readLayout(new Uint8Array(readFileSync(file)), { fileName: file });
for (const page of layout.pages) {
  console.log(`=== page ${page.number} (${page.width}x${page.height})`);
  for (const block of page.blocks) {
    if (block.type === 'line') console.log(`L ${block.line.text}`);
    else {
      const t = block.table;
      console.log(`T ${t.rowCount}x${t.colCount} ${t.ref ?? ''} pages=${t.pages?.join(',') ?? t.page}`);
      tableToTextRows(t).forEach((row, i) => console.log(`  ${i}: ${row.map((c) => c.slice(0, 18)).join(' | ')}`));
      const spans = t.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => `${c.text.slice(0, 6)}@${c.row},${c.col} ${c.rowSpan}x${c.colSpan}`);
      if (spans.length) console.log(`  spans: ${spans.join('; ')}`);
    }
  }
}
