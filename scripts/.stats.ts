import { tablesForFile } from '../src/cli/commands/tables.js';
for (const file of process.argv.slice(2)) {
  const { tables } = await tablesForFile(file);
  for (const t of tables) {
    const filled = t.cells.filter((c) => c.text !== '');
    const perRow = new Map<number, number>();
    for (const c of filled) perRow.set(c.row, (perRow.get(c.row) ?? 0) + 1);
    const full = [...perRow.values()].filter((n) => n >= 2).length;
    const numeric = filled.filter((c) => /^[-+(]?[\d,.\s]+%?\)?$/u.test(c.text)).length;
    const words = filled.reduce((n, c) => n + c.text.split(/\s+/u).length, 0) / Math.max(1, filled.length);
    const first = t.cells.find((c) => c.text !== '')?.text.slice(0, 20);
    console.log(`${file.split('/').pop()?.slice(0, 28).padEnd(28)} ${t.rowCount}x${t.colCount} full ${(full / t.rowCount).toFixed(2)} num ${(numeric / Math.max(1, filled.length)).toFixed(2)} words ${words.toFixed(1)} ruled ${t.cells.some((c) => c.lines === undefined) ? '?' : ''} ${first}`);
  }
}
