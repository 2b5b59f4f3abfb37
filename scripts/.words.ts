import { readPdfPageContents } from '../test/tables/page-words.js';
const [file, pageArg, y0, y1] = process.argv.slice(2);
const pages = await readPdfPageContents(file!);
const page = pages[Number(pageArg ?? 1) - 1]!;
console.log(`page ${page.width}x${page.height} words ${page.words.length} edges ${page.edges.length}`);
for (const w of page.words) {
  if (y0 && (w.bbox[1] < Number(y0) || w.bbox[1] > Number(y1))) continue;
  console.log(w.bbox.map((v) => v.toFixed(1)).join(' '), w.fontSize.toFixed(1), JSON.stringify(w.text));
}
