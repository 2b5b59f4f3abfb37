import type { LayoutDocument, Line } from '../../../src/layout/model.js';
import type { Provenance } from '../../../src/schema/provenance.js';
import { TextStream, layoutLines } from '../text-stream.js';
import { ORGANISATION_SUFFIX, SEAL_NOTE, cleanOrganisationName, isFinanceBureau, isOrganisation } from './organisation.js';
import { regionFromName } from './region.js';
import type { TitleCandidate } from './title.js';
import { TITLE_WORDS } from './title.js';
import { yearMentions } from './fiscal-year.js';
import { VOCABULARY, alternation } from './vocabulary.js';

/** A name the document gives its own unit, and where: the department is chosen among these. */
export interface NameCandidate {
  /** The name, tidied (seal notes, 简称 notes and spaces dropped). */
  name: string;
  provenance: Provenance | null;
  source: 'title' | 'opening' | 'seal' | 'short' | 'book-title';
}

/** Text before the year in a title, or after it: 桂源县教育局2022年度…, 2022年度广州市…局部门整体…. */
export function titleOrganisation(title: TitleCandidate): { name: string; start: number; end: number } | null {
  const text = title.stream.text;
  const cut = text.search(TITLE_WORDS);
  const head = cut >= 0 ? text.slice(0, cut) : text;
  const year = yearMentions(head).find((m) => /^\s*年/u.test(head.slice(m.end)));
  const parts: Array<[number, number]> = [];
  const lead = head.match(/^\s*(?:附件\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*)?/u)?.[0].length ?? 0;
  if (year) {
    const afterYear = year.end + (head.slice(year.end).match(/^\s*年\s*度?/u)?.[0].length ?? 0);
    parts.push([lead, year.start], [afterYear, head.length]);
  } else parts.push([lead, head.length]);
  for (const [s, e] of parts) {
    const piece = text.slice(s, e);
    // Words that follow a name in a title (…局部门整体支出绩效, …局关于…), not part of it.
    const trimmed = piece
      .replace(/关于[\s\S]*$/u, '')
      .replace(/(?:部门整体支出|整体支出|部门整体|部门|项目支出|支出)?(?:绩效)?(?:评价)?[\s（(]*$/u, '')
      .replace(/^\s+/u, '');
    const start = s + piece.indexOf(trimmed);
    if (trimmed && isOrganisation(trimmed)) return { name: trimmed, start, end: start + trimmed.length };
  }
  return null;
}

const VERBS = alternation(VOCABULARY.bodyOpeningVerbs);
const OPENING = new RegExp(`^\\s*([\\u4e00-\\u9fff][\\u4e00-\\u9fff（）()]{2,48}?)(?:[（(]\\s*简称[^)）]{1,20}[)）])?\\s*(?=${VERBS})`, 'u');
const SIMPLE_DATE = /^\s*(?:[12][0-9]{3}|[一二][〇零○一二三四五六七八九]{3})\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月(?:\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日)?\s*$/u;

/** Lines and their next line as one stream: a name may wrap onto the next line of a PDF paragraph. */
function withNext(lines: readonly Line[], k: number): TextStream {
  return TextStream.fromLines(lines.slice(k, k + 2));
}

/** A sentence that opens with the unit's full name: 广州市白云区…局（简称…）是区政府工作部门. */
function openings(lines: readonly Line[]): NameCandidate[] {
  const out: NameCandidate[] = [];
  lines.slice(0, 120).forEach((_line, k) => {
    const stream = withNext(lines, k);
    const m = OPENING.exec(stream.text);
    if (!m?.[1]) return;
    const printedEnd = (m.index ?? 0) + m[0].replace(/\s+$/u, '').length;
    const start = stream.text.indexOf(m[1]);
    const name = cleanOrganisationName(m[1]);
    if (!isOrganisation(name) || isFinanceBureau(name)) return;
    out.push({ name, provenance: stream.provenance(start, printedEnd), source: regionFromName(name, null) ? 'opening' : 'short' });
  });
  return out;
}

/** The closing seal or signature: …局（盖章）, …局 2023年3月, or a name line above a date line. */
function seals(lines: readonly Line[]): NameCandidate[] {
  const out: NameCandidate[] = [];
  const tail = lines.slice(-12);
  tail.forEach((line, k) => {
    let text = line.text.replace(/\s*[|｜]\s*$/u, '').trim();
    const sealed = new RegExp(SEAL_NOTE.source, 'u').test(text);
    const date = text.match(/\s*(?:[12][0-9]{3}|[一二][〇零○一二三四五六七八九]{3})\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月(?:\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日)?\s*$/u);
    if (date) text = text.slice(0, date.index).trim();
    const next = tail[k + 1];
    const dated = date !== null || (next !== undefined && SIMPLE_DATE.test(next.text));
    if (text.length < 3 || /[：:，,。]/u.test(text)) return;
    const name = cleanOrganisationName(text);
    if (!isOrganisation(name) || (!sealed && !dated)) return;
    out.push({ name, provenance: TextStream.fromLines([line]).provenance(0, line.text.length, text), source: 'seal' });
  });
  return out.reverse();
}

/** A unit named inside a 《…》 title in the text (《广州市荔湾区协作办公室内部预算绩效管理制度》): a last resort. */
function bookTitles(layout: LayoutDocument): NameCandidate[] {
  const all = TextStream.fromLayout(layout);
  const re = new RegExp(`《([\\u4e00-\\u9fff]{2,8}?(?:省|市|县|区|州|盟|旗)[\\u4e00-\\u9fff]{2,24}?(?:${ORGANISATION_SUFFIX}))(?!法)`, 'gu');
  const out: NameCandidate[] = [];
  const found = [...all.text.matchAll(re)].filter((m) => !isFinanceBureau(m[1] as string) && regionFromName(m[1] as string, null));
  // A county-level unit before a city-level one: a city's rules are often cited by name.
  found.sort((a, b) => Number(regionFromName(b[1] as string, null)?.county != null) - Number(regionFromName(a[1] as string, null)?.county != null));
  for (const m of found) {
    const name = m[1] as string;
    const at = (m.index ?? 0) + 1;
    const close = all.text.indexOf('》', at);
    const passage = all.text.slice(at - 1, close > 0 ? close + 1 : at + name.length);
    out.push({ name, provenance: all.provenance(at, at + name.length, passage), source: 'book-title' });
    break;
  }
  return out;
}

/** Every name candidate of a layout, best source first within each kind of source. */
export function nameCandidates(layout: LayoutDocument, titles: readonly TitleCandidate[]): NameCandidate[] {
  const lines = layoutLines(layout, false);
  const out: NameCandidate[] = [];
  for (const title of titles) {
    const found = titleOrganisation(title);
    if (found) out.push({ name: cleanOrganisationName(found.name), provenance: title.stream.provenance(found.start, found.end), source: 'title' });
  }
  out.push(...openings(lines), ...seals(lines), ...bookTitles(layout));
  return out;
}
