import { readPdfPageContents } from './page-words.js';
import { findTables } from '../../src/layout/table/index.js';
const [path, only] = process.argv.slice(2);
const pages = await readPdfPageContents(path!);
pages.forEach((p, i) => {
  if (only && Number(only) !== i + 1) return;
  const tables = findTables({ ...p, page: i + 1 });
  for (const t of tables) {
    console.log(`page ${i + 1} table ${t.rowCount}x${t.colCount} bbox ${t.bbox}`);
    const rows = Array.from({ length: t.rowCount }, () => Array.from({ length: t.colCount }, () => ''));
    for (const c of t.cells) rows[c.row]![c.col] = c.text + (c.rowSpan > 1 || c.colSpan > 1 ? `{${c.rowSpan}x${c.colSpan}}` : '');
    for (const r of rows) console.log('  ' + JSON.stringify(r));
  }
});
