import type { Quantity } from '../../src/schema/quantity.js';
import type { Target } from '../../src/schema/target.js';
import { parseQuantity, scanQuantities } from '../shared/quantity.js';
import type { TextStream } from '../shared/text-stream.js';

/**
 * Target/actual pairs a report writes in numbered items, in either of two ways:
 *   1.学前教育普及。年度目标值：学前三年毛入园率≥90%；年度实际值：92.6%，完成目标。
 *   4.统计数据质量。目标：统计数据差错率≤0.8%；实际差错率0.21%，数据审核质量稳步提高。
 * and a satisfaction item that states only its result (3.服务对象满意度。…满意率97.9%。).
 */

const ITEM_START = /(?:^|[。；\s]|(?<=[\u4e00-\u9fff]))((?:[0-9]{1,2}\s*[.．、](?![0-9]))|(?:[（(]\s*[0-9]{1,2}\s*[)）]))\s*([^。：:；;，,\s]{2,20})[。.：:]/gu;
const TARGET = /(?:年度)?目标(?:值)?\s*[:：]\s*/u;
const ACTUAL_FIELD = /(?:年度|全年)?实际(?:值|完成值|完成情况)\s*[:：]\s*/u;
const ACTUAL_SENTENCE = /[；;，,]\s*实际/u;
const REASON = /未(?:达标|完成)原因\s*[:：]\s*([^。]+)/u;
// Words that open a target without naming it: 完成全区…, 开展…, 实现….
const LEADING_VERBS = /^(?:完成|开展|实现|组织|推进|确保|力争)?(?:全区|全县|全市|全镇|全乡|全年|全系统)?/u;
const OUTCOME = /[，,]\s*(?:完成|达到|未完成|未达到|超额完成)(?:年度)?目标.*$/u;

const clean = (s: string): string => s.replace(/\s+/gu, ' ').trim();

function withEquality(q: Quantity): Quantity {
  return !q.qualitative && q.comparator === null && q.value !== null ? { ...q, comparator: '=' } : q;
}

/** A target clause: its name (what precedes a final measure, or follows a leading one) and its value. */
function readTarget(clause: string): { name: string | null; target: Quantity } {
  const text = clean(clause);
  const found = scanQuantities(text);
  const last = found[found.length - 1];
  if (last && text.slice(last.end).trim() === '') {
    const name = text.slice(0, last.start).replace(LEADING_VERBS, '').trim();
    return { name: name || null, target: withEquality(parseQuantity(last.quantity.text)) };
  }
  const first = found[0];
  if (first) {
    const name = text.slice(first.end).trim();
    const q = parseQuantity(text);
    return { name: name || null, target: withEquality({ ...q, value: first.quantity.value, unit: first.quantity.unit, comparator: first.quantity.comparator }) };
  }
  return { name: null, target: parseQuantity(text) };
}

/**
 * A qualitative target that restates its subject (4.学生资助。年度目标值：家庭经济困难学生应助尽助): the
 * subject, completed by the heading, is the name (家庭经济困难学生资助); the rest is the level (应助尽助).
 */
function splitQualitative(heading: string, target: Quantity): { name: string | null; target: Quantity } {
  for (let k = heading.length - 1; k >= 2; k--) {
    const at = target.text.indexOf(heading.slice(0, k));
    if (at < 0 || at + k >= target.text.length) continue;
    const level = target.text.slice(at + k).trim();
    return { name: target.text.slice(0, at + k) + heading.slice(k), target: { ...target, text: level } };
  }
  return { name: heading, target };
}

/** The actual's text: a field's first clause (年度实际值：完成17所), or a sentence's measure (实际检查34家 → 34家). */
function readActual(text: string, fromField: boolean, target: Quantity): Quantity {
  const sentence = clean(text.split(/[。]/u)[0] ?? '').replace(OUTCOME, '');
  const clauses = sentence.split(/[，,；;]/u).map((c) => c.trim()).filter(Boolean);
  if (target.qualitative) {
    // The clause that states the target's own words (…，实现应助尽助).
    const words = target.text.slice(-2);
    const own = clauses.find((c) => c.includes(words)) ?? clauses[clauses.length - 1] ?? sentence;
    return { text: own, value: null, unit: null, comparator: null, qualitative: true, date: null };
  }
  const first = clauses[0] ?? sentence;
  if (fromField) return parseQuantity(first, { preferUnit: target.unit });
  const measure = scanQuantities(first).find((q) => q.quantity.unit === target.unit) ?? scanQuantities(first)[0];
  return measure ? { ...measure.quantity, comparator: null } : parseQuantity(first);
}

export function readNumberedTargets(stream: TextStream): Target[] {
  const text = stream.text;
  const items = [...text.matchAll(ITEM_START)].map((m) => ({
    at: (m.index ?? 0) + m[0].indexOf(m[1] ?? ''),
    body: (m.index ?? 0) + m[0].length,
    heading: m[2] ?? '',
  }));
  const targets: Target[] = [];
  items.forEach((item, k) => {
    const end = items[k + 1]?.at ?? Math.min(text.length, item.body + 400);
    const body = text.slice(item.body, end);
    const t = TARGET.exec(body);
    if (t) {
      const afterTarget = body.slice((t.index ?? 0) + t[0].length);
      const field = ACTUAL_FIELD.exec(afterTarget);
      const sentence = field ? null : ACTUAL_SENTENCE.exec(afterTarget);
      const cut = field ?? sentence;
      if (!cut) return;
      const targetClause = afterTarget.slice(0, cut.index).replace(/[；;，,。]\s*$/u, '');
      const actualText = afterTarget.slice((cut.index ?? 0) + cut[0].length);
      let { name, target } = readTarget(targetClause);
      if (target.qualitative) ({ name, target } = splitQualitative(item.heading, target));
      const actual = readActual(actualText, field !== null, target);
      const reason = REASON.exec(body)?.[1] ?? null;
      const start = item.body + (t.index ?? 0);
      targets.push({
        category: null,
        index: targets.length + 1,
        name: name ?? item.heading,
        target,
        actual,
        unmetReason: reason ? clean(reason) : null,
        overCompletionReason: null,
        provenance: stream.provenance(start, Math.min(end, start + t[0].length + targetClause.length + cut[0].length + actualText.split('。')[0]!.length)),
      });
      return;
    }
    // A satisfaction item that states its result only: 服务对象满意度。…满意率97.9%.
    if (/满意度?$/u.test(item.heading)) {
      const m = /(满意率|满意度)\s*(?:为|达到?)?\s*([0-9]+(?:\.[0-9]+)?\s*%)/u.exec(body);
      if (!m) return;
      const start = item.body + (m.index ?? 0);
      targets.push({
        category: 'satisfaction',
        index: targets.length + 1,
        name: item.heading.replace(/满意度?$/u, m[1] ?? '满意度'),
        target: null,
        actual: parseQuantity(m[2] ?? ''),
        unmetReason: null,
        overCompletionReason: null,
        provenance: stream.provenance(start, start + m[0].length),
      });
    }
  });
  return targets;
}
