import { rubricQueryOf, selectRubric, type Rubric, type RubricEntry } from '../../src/rubrics/index.js';
import type { Indicator } from '../../src/schema/indicator.js';
import { NO_FORM_VALUES } from '../shared/document.js';
import { parseNumber } from '../shared/quantity.js';
import type { TextStream } from '../shared/text-stream.js';
import type { ExtractedDocument } from '../types.js';

const compact = (s: string): string => s.replace(/[\s“”"]/gu, '');

/** A numbered heading that names a 三级指标: `（1）结转结余率。`, `(3) 部门预算资金支出率。`, `新增预算项目事前绩效评估。`. */
function headingsOf(text: string, rubric: Rubric): Array<{ entry: RubricEntry; start: number; end: number }> {
  const out: Array<{ entry: RubricEntry; start: number; end: number }> = [];
  for (const entry of rubric.entries) {
    for (const name of [entry.name, ...entry.aliases]) {
      // The name as printed may use straight or curly quotes (“三公”经费).
      const pattern = new RegExp(compact(name).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/三公/u, '[“"]?三公[”"]?'), 'gu');
      for (const m of text.matchAll(pattern)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        // A heading: a marker or a sentence end before it, a full stop right after it.
        const before = text.slice(Math.max(0, start - 6), start);
        const after = text.slice(end, end + 2);
        if (!/^[。.]/u.test(after)) continue;
        const afterSection = rubric.level2.some((n) => text.slice(Math.max(0, start - n.name.length - 1), start).trim().endsWith(n.name));
        if (!afterSection && !/(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]\s*|[0-9]+\s*[.．、]\s*|[。：:]\s*|^)$/u.test(before)) continue;
        if (!out.some((o) => o.start === start)) out.push({ entry, start, end });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * What a report says under one indicator's heading: up to the next numbered heading, or up to the
 * list of targets of a completion-rate indicator (具体情况如下：① …).
 */
function ownText(body: string): string {
  const text = body.replace(/^[。.]\s*/u, '');
  const next = text.search(/具体情况如下|[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|(?<![0-9.])[0-9]+\s*[.．](?![0-9])\s*[\u4e00-\u9fff]|[一二三四五六七八九十]、/u);
  return (next >= 0 ? text.slice(0, next) : text).replace(/[：:]\s*$/u, '').trim();
}

/**
 * 三级指标 a report scores one by one in its prose: a heading naming the indicator, then 指标分值 W 分 (or 总分
 * W 分) and 评价得分 S 分 (or 自评得分 S 分) before the next heading. The report's own rows, so the scorer can
 * check them against the rubric and against the report's figures, as it does for a table.
 */
export function readReportIndicators(doc: ExtractedDocument, stream: TextStream): Indicator[] {
  const text = stream.text;
  const { rubric } = selectRubric(rubricQueryOf(doc, /专项资金绩效完成情况|专项效能/u.test(text)));
  // Headings are the rubric's indicator names: without a rubric for the document there are none to find.
  if (rubric === null) return [];
  const headings = headingsOf(text, rubric);
  const indicators: Indicator[] = [];
  headings.forEach((h, k) => {
    const next = headings[k + 1]?.start ?? Math.min(text.length, h.end + 1500);
    const body = text.slice(h.end, next);
    const weight = body.match(/(?:指标分值|总分)\s*([0-9]+(?:\.[0-9]+)?)\s*分/u);
    const score = body.match(/(?:评价得分|自评得分)\s*([0-9]+(?:\.[0-9]+)?)\s*分/u);
    if (!weight?.[1] || !score?.[1] || indicators.some((i) => i.rubricId === h.entry.id)) return;
    const scoreEnd = h.end + (score.index ?? 0) + score[0].length;
    const own = ownText(body);
    indicators.push({
      level1: h.entry.level1,
      level1Weight: rubric.level1.find((n) => n.name === h.entry.level1)?.weight ?? null,
      level2: h.entry.level2,
      level2Weight: rubric.level2.find((n) => n.name === h.entry.level2)?.weight ?? null,
      name: text.slice(h.start, h.end),
      rubricId: h.entry.id,
      rubricName: h.entry.name,
      part: null,
      weight: parseNumber(weight[1]),
      declaredScore: parseNumber(score[1]),
      scoreInferred: false,
      ...NO_FORM_VALUES,
      explanation: own.match(/该指标主要考核[^。]*。/u)?.[0] ?? null,
      criteria: null,
      basis: own || null,
      shortfallReason: own.match(/存在的主要问题(?:是)?[:：]\s*([\s\S]+?)(?=下一步改进措施|$)/u)?.[1]?.trim() ?? null,
      improvement: own.match(/下一步改进措施[:：]\s*([^。]+。?)/u)?.[1]?.trim() ?? null,
      note: null,
      provenance: stream.provenance(h.start, scoreEnd),
    });
  });
  // Rubric order, so the rows read like a table's.
  const order = new Map(rubric.entries.map((e, i) => [e.id, i]));
  return indicators.sort((a, b) => (order.get(a.rubricId ?? '') ?? 0) - (order.get(b.rubricId ?? '') ?? 0));
}
