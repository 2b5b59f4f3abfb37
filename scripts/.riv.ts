import { readPdfPageContents } from '../test/tables/page-words.js';
import { wordsToSegmentLines } from '../src/layout/table/stream-lines.js';
import { splitByGaps } from '../src/layout/table/stream-columns.js';
import { findRiver, splitAtRivers } from '../src/layout/table/stream-rivers.js';
const [file, p] = process.argv.slice(2);
const page = (await readPdfPageContents(file!))[Number(p) - 1]!;
for (const run of splitByGaps(wordsToSegmentLines(page.words), [])) {
  const r = findRiver(run);
  console.log('RUN', run.length, 'lines y', Math.round(run[0]!.bbox[1]), '-', Math.round(run[run.length - 1]!.bbox[3]), 'river', JSON.stringify(r), 'blocks', splitAtRivers(run).map((b) => `${b.length}@${Math.round(b[0]!.bbox[0])},${Math.round(b[0]!.bbox[1])}`).join(' '));
}
const runs = splitByGaps(wordsToSegmentLines(page.words), []);
runs[0]!.slice(0, 8).forEach((l, i) => console.log(i, l.segments.map((s) => `[${Math.round(s.bbox[0])}-${Math.round(s.bbox[2])}] ${s.runs.map((r) => r.text).join(' ').slice(0, 30)}`).join(' || ')));
