import type { Target } from '../../src/schema/target.js';
import { parsePair } from '../shared/pairs.js';
import type { TextStream } from '../shared/text-stream.js';
import { readNumberedTargets } from './prose-targets.js';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟';

function circledIndex(ch: string): number | null {
  const i = CIRCLED.indexOf(ch);
  return i >= 0 ? i + 1 : null;
}

const ITEM = new RegExp(
  `([${CIRCLED}])\\s*([^${CIRCLED}]{1,80}?)\\s*年度目标值\\s*[:：]\\s*([\\s\\S]+?)\\s*年度实际值\\s*[:：]\\s*([\\s\\S]+?)` +
    `(?=(?:未达标原因|完成率在\\s*150%\\s*以上的原因|完成率超过\\s*150%的原因)\\s*[:：]|[${CIRCLED}]|[（(]\\s*[0-9一二三四五六七八九十]+\\s*[)）]|[一二三四五六七八九十]、|$)`,
  'gu',
);
const REASON = /^\s*(未达标原因|完成率在\s*150%\s*以上的原因|完成率超过\s*150%的原因)\s*[:：]\s*([\s\S]+?)(?=[①-⑳㉑-㉟]|[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]、|$)/u;

/** Where the output and benefit sections begin, to give each item its category. */
function categoryStarts(text: string): Array<{ at: number; category: 'output' | 'benefit' }> {
  const out: Array<{ at: number; category: 'output' | 'benefit' }> = [];
  for (const m of text.matchAll(/产出指标完成情况|个产出指标/gu)) out.push({ at: m.index ?? 0, category: 'output' });
  for (const m of text.matchAll(/效益指标完成情况|个效益指标/gu)) out.push({ at: m.index ?? 0, category: 'benefit' });
  return out.sort((a, b) => a.at - b.at);
}

const clean = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** Every ①… 年度目标值：… 年度实际值：… pair, with its reason when the report gives one. */
export function readReportTargets(stream: TextStream): Target[] {
  const text = stream.text;
  const starts = categoryStarts(text);
  const targets: Target[] = [];
  for (const m of text.matchAll(ITEM)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    const valuesAt = at + m[0].search(/年度目标值/u);
    const targetText = clean(m[3] ?? '');
    const actualText = clean(m[4] ?? '');
    const reason = REASON.exec(text.slice(end));
    const { target, actual } = parsePair(targetText, actualText);
    const category = [...starts].reverse().find((s) => s.at < at)?.category ?? null;
    targets.push({
      category,
      index: circledIndex(m[1] ?? ''),
      name: clean(m[2] ?? '') || null,
      target,
      actual,
      unmetReason: reason && reason[1]?.startsWith('未达标') ? clean(reason[2] ?? '') : null,
      overCompletionReason: reason && !reason[1]?.startsWith('未达标') ? clean(reason[2] ?? '') : null,
      // The figures, not the heading: a heading at the foot of a page must not pull the box away.
      provenance: stream.provenance(valuesAt, end, clean(text.slice(valuesAt, end))),
    });
  }
  // Reports that number their items (1.… 年度目标值：… / 目标：…；实际…) instead of circling them.
  return targets.length > 0 ? targets : readNumberedTargets(stream);
}
