import { readPdfPageContents } from '/work/main/test/tables/page-words.js';
const [path, pageArg] = process.argv.slice(2);
const pages = await readPdfPageContents(path!);
const p = pages[Number(pageArg ?? 1) - 1]!;
console.log('size', p.width, p.height, 'edges', p.edges.length);
for (const w of [...p.words].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0])) console.log(w.bbox.map((v) => v.toFixed(1)).join(' '), w.fontSize.toFixed(1), JSON.stringify(w.text));
