import type { LayoutDocument } from '../../src/layout/model.js';
import type { Target } from '../../src/schema/target.js';
import { emptyDocument } from '../shared/document.js';
import { findFacts } from '../shared/figures.js';
import { applyIdentity, readIdentity } from '../shared/identity/index.js';
import { readTotalAndGrade } from '../shared/prose.js';
import { parsePair } from '../shared/pairs.js';
import { parseNumber, scanQuantities } from '../shared/quantity.js';
import { TextStream } from '../shared/text-stream.js';
import { readCategoryScores } from '../report/scores.js';
import { kindScore } from '../kinds.js';
import type { ExtractedDocument, Extractor, SourceInfo } from '../types.js';

/** Cover fields of a 自评表说明 (所属下级预算单位数量: 6个, 填报人 …); the department is the identity's. */
const COVER = /(部门名称|单位名称|所属下级预算单位数量|填报人|联系电话|填报日期)\s*[:：]\s*/gu;

function readCover(stream: TextStream): Map<string, { value: string; start: number; end: number }> {
  const text = stream.text;
  const marks = [...text.slice(0, 1500).matchAll(COVER)];
  const out = new Map<string, { value: string; start: number; end: number }>();
  marks.forEach((m, k) => {
    const start = (m.index ?? 0) + m[0].length;
    const next = marks[k + 1]?.index ?? text.indexOf('一、', start);
    const end = next > start ? next : Math.min(text.length, start + 60);
    out.set(m[1] ?? '', { value: text.slice(start, end).trim(), start, end });
  });
  return out;
}

/**
 * Inline target/actual pairs: `(1) …不少于 20 亿元,实际…完成工业投资 23.39 亿元;`. The target is the
 * measure before 实际, the actual the measure after it; items without 实际 state no pair.
 */
const PAIR =
  /[(（]\s*([0-9]+)\s*[)）]\s*([^;；。]*?)(?:[，,；;]\s*实际([^;；。]*?))?(?=[;；。]|\s+[-–]\s+(?:[(（]\s*[0-9]+\s*[)）]|[0-9]+\s*[.．、])|\s*[(（]\s*[0-9]+\s*[)）]|\s*[0-9]+\s*[.．、](?![0-9])\s*[\u4e00-\u9fff]|$)/gu;

/** Where the target's figure (or its comparator word) begins: what precedes it is the indicator's name. */
function nameEnd(text: string): number {
  const first = scanQuantities(text)[0];
  const cut = first ? first.start : text.search(/不少于|不低于|不超过|超过|达到|控制在|[≥≤<>＞＜]/u);
  return cut;
}

function readPairs(stream: TextStream): Target[] {
  const out: Target[] = [];
  for (const m of stream.text.matchAll(PAIR)) {
    const before = (m[2] ?? '').trim();
    const after = m[3]?.trim();
    const at = m.index ?? 0;
    if (before === '') continue;
    let name: string | null;
    let target: Target['target'];
    let actual: Target['actual'];
    if (after === undefined) {
      // No 实际: a qualitative indicator stated with its effect (`对…的作用,…起到了积极的作用`).
      const comma = before.search(/[，,]/u);
      if (comma <= 0 || scanQuantities(before).length > 0) continue;
      name = before.slice(0, comma).trim();
      target = { text: name, value: null, unit: null, comparator: null, qualitative: true, date: null };
      actual = { text: before.slice(comma + 1).trim(), value: null, unit: null, comparator: null, qualitative: true, date: null };
    } else {
      ({ target, actual } = parsePair(before, after));
      const cut = nameEnd(before);
      name = (cut > 0 ? before.slice(0, cut) : before).replace(/[，,：:、]$/u, '').trim() || null;
    }
    out.push({
      category: null,
      index: out.length + 1,
      name,
      target,
      actual,
      unmetReason: null,
      overCompletionReason: null,
      provenance: stream.provenance(at, at + m[0].length),
    });
  }
  return out;
}

function extractExplanation(layout: LayoutDocument, source: SourceInfo): ExtractedDocument {
  const doc = emptyDocument('table-explanation', layout, source);
  const stream = TextStream.fromLayout(layout);
  const cover = readCover(stream);
  applyIdentity(doc, readIdentity(layout, doc.kind));
  const units = cover.get('所属下级预算单位数量');
  const unitCount = units ? parseNumber(units.value.replace(/个.*$/u, '')) : null;
  if (units && unitCount !== null) {
    doc.facts['subordinateUnitCount'] = { value: unitCount, unit: 'count', text: units.value, provenance: stream.provenance(units.start, units.end, units.value) };
  }
  readTotalAndGrade(doc, stream);
  readCategoryScores(doc, stream);
  doc.facts = { ...findFacts(stream), ...doc.facts };
  const goals = stream.text.match(/部门整体支出绩效目标\s*(.+?)(?=[（(]\s*二\s*[)）])/u);
  if (goals?.[1]) {
    doc.goals.overall = goals[1].trim();
    const items = [...goals[1].matchAll(/(?:^|\s|-)\s*([0-9]+)\s*[.．、]\s*([^；;]+?)(?=[；;]|\s*-?\s*[0-9]+\s*[.．、]|$)/gu)];
    doc.goals.tasks = items.map((m) => ({ index: Number(m[1]), goal: (m[2] ?? '').trim().replace(/[。；;]$/u, ''), completion: null, unmetReason: null }));
  }
  doc.targets = readPairs(stream);
  return doc;
}

function matchExplanation(layout: LayoutDocument): number {
  return kindScore(layout, 'table-explanation');
}

export const explanationExtractor: Extractor = {
  kind: 'table-explanation',
  match: matchExplanation,
  extract: extractExplanation,
};
