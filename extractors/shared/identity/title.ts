import type { LayoutDocument, Line } from '../../../src/layout/model.js';
import { TextStream, layoutLines } from '../text-stream.js';

/**
 * A document's title as printed: one to three short lines (a title wraps) that name what the
 * document is (…绩效自评报告, …自评表, …部门决算). Cover pages and reports may print more than one
 * (a cover title, then the report's own); each is a candidate.
 */
export interface TitleCandidate {
  /** The title's lines joined the way Chinese joins them. */
  text: string;
  /** The stream over those lines, for provenance of any part of the title. */
  stream: TextStream;
  lines: Line[];
}

/** What a title says the document is: the last words of a title. */
export const TITLE_WORDS =
  /(?:自评|评价|自我评价)(?:报告|表说明|表|情况说明|情况)|决算|预算(?:公开)?|申报表|监控表|监控情况|评估报告|评估表|绩效报告|绩效目标表|通知$/u;

const MAX_TITLE_LINE = 70;
const SEARCH_LINES = 80;

function isTitleLine(line: Line): boolean {
  const t = line.text.trim();
  // Not a sentence, a numbered heading or item (一、 （二） 2.), nor a file name in a list of attachments.
  return (
    t.length > 0 &&
    t.length <= MAX_TITLE_LINE &&
    !/[。；;]$/u.test(t) &&
    !/^[（(]?[一二三四五六七八九十]+[、)）]/u.test(t) &&
    !/^[0-9]+\s*[.．、](?![0-9])/u.test(t) &&
    !/\.(?:xlsx?|docx?|pdf|wps|et|ofd)\s*$/iu.test(t)
  );
}

/** Title candidates among the first lines outside tables, and the format's own title last. */
export function titleCandidates(layout: LayoutDocument): TitleCandidate[] {
  const lines = layoutLines(layout, false).slice(0, SEARCH_LINES);
  const out: TitleCandidate[] = [];
  let k = 0;
  while (k < lines.length) {
    const line = lines[k] as Line;
    // A title run never starts at an attachment mark (附件2) above the title.
    if (!isTitleLine(line) || /^\s*附件\s*[0-9一二三四五六七八九十]*\s*$/u.test(line.text)) {
      k++;
      continue;
    }
    // The shortest run of up to three title lines from here that ends in title words.
    let taken = 0;
    for (let span = 1; span <= 3 && k + span <= lines.length; span++) {
      const run = lines.slice(k, k + span);
      if (!run.every(isTitleLine)) break;
      const stream = TextStream.fromLines(run);
      if (TITLE_WORDS.test(stream.text) && !/《[^》]*$/u.test(stream.text.slice(0, stream.text.search(TITLE_WORDS)))) {
        out.push({ text: stream.text, stream, lines: run });
        taken = span;
        break;
      }
    }
    k += Math.max(taken, 1);
  }
  if (layout.title && TITLE_WORDS.test(layout.title) && !out.some((c) => c.text.replace(/\s/gu, '') === layout.title?.replace(/\s/gu, ''))) {
    const line: Line = { text: layout.title, page: null, bbox: null, ref: 'title' };
    out.push({ text: layout.title, stream: TextStream.fromLines([line]), lines: [line] });
  }
  return out;
}
