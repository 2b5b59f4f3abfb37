import type { LayoutDocument, Table } from '../src/layout/model.js';
import type { DocumentKind } from '../src/schema/document.js';
import data from './kinds.json' with { type: 'json' };
import { shadowOf, titleCandidates } from './shared/identity/index.js';
import { TextStream, layoutLines } from './shared/text-stream.js';

/**
 * Classification by content: title words, header words and the blocks a document holds are scored
 * against the kinds vocabulary (`kinds.json`), and look-alikes that are not self-evaluations (部门决算,
 * 绩效目标申报表 …) are recognised and named. Never the file name.
 */

type Kind = Exclude<DocumentKind, 'unknown'>;
type Block = 'grid' | 'prose' | 'table' | 'noTable' | 'projectHead' | 'actuals' | 'scores' | 'targetsOnly';

interface Features {
  /** The document's main title (its first title), or the head of its text when it prints none. */
  title: string;
  lines: string[];
  cells: string[];
  text: string;
  blocks: Set<Block>;
}

export interface KindScore {
  kind: Kind;
  score: number;
  evidence: string[];
}

export interface LookAlike {
  id: string;
  /** What the document is instead, a plain noun phrase (no parentheses: it goes into one sentence). */
  what: string;
  evidence: string;
  /** What the user should know about it, when the evidence does not say it. */
  note?: string;
}

const squeeze = (s: string): string => s.normalize('NFKC').replace(/[\s\u3000]+/gu, '').replace(/\(/gu, '（').replace(/\)/gu, '）').replace(/[|｜]+$/u, '');

const GRID_NAME = /^(?:三级指标|指标名称|绩效指标|具体指标)$/u;
const GRID_SCORE = /^(?:得分|自评得分|分值|权重|指标分值|执行率得分)/u;
const GRID_TARGET = /^(?:年度指标值|指标值|年度目标值|目标值|年初目标值|调整后目标值)/u;
const ACTUAL = /^(?:实际完成值|全年实际值|完成值|实际值|年度实际值|实际完成情况)/u;

function tableCells(table: Table): string[] {
  return table.cells.map((c) => squeeze(c.text)).filter((t) => t !== '');
}

function readFeatures(printed: LayoutDocument): Features {
  // Traditional characters are read with the simplified vocabulary.
  const layout = shadowOf(printed).layout;
  const loose = layoutLines(layout, false).map((l) => l.text);
  const tables = layout.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : [])));
  const cells = tables.flatMap(tableCells);
  // Flattened text exports print one cell per line (`三级指标 |`): their lines are cells too.
  const lineCells = loose.filter((l) => /[|｜]\s*$/u.test(l)).map(squeeze);
  const allCells = [...cells, ...lineCells];
  const text = TextStream.fromLayout(layout).text;
  const titles = titleCandidates(layout);
  const title = squeeze(titles[0]?.text ?? layout.title ?? text.slice(0, 120));
  const blocks = new Set<Block>();
  blocks.add(tables.length > 0 ? 'table' : 'noTable');
  const has = (re: RegExp): boolean => allCells.some((c) => re.test(c));
  // An indicator grid: levels with a score column, or with an actuals column (a form published without
  // 分值/得分 columns is still a self-evaluation once it reports what was achieved).
  if (has(GRID_NAME) && (has(GRID_SCORE) || has(ACTUAL))) blocks.add('grid');
  if (has(ACTUAL) || /年度实际值|实际完成/u.test(text)) blocks.add('actuals');
  if (has(/^(?:得分|自评得分)/u) || /自评得分/u.test(text)) blocks.add('scores');
  if (has(/^项目名称/u) && has(/^(?:主管部门|实施单位)/u)) blocks.add('projectHead');
  const prose = loose.filter((l) => !/[|｜]\s*$/u.test(l) && l.replace(/\s/gu, '').length >= 30);
  if (prose.reduce((n, l) => n + l.length, 0) >= 300 || prose.length >= 5) blocks.add('prose');
  if (has(GRID_TARGET) && !has(ACTUAL) && !has(/^(?:得分|自评得分)/u)) blocks.add('targetsOnly');
  return { title, lines: loose.map(squeeze), cells: allCells, text, blocks };
}

interface Rule {
  pattern: string;
  weight: number;
  evidence: string;
  where?: string;
  unlessBlock?: string;
}

function ruleHits(rule: Rule, f: Features, where: 'title' | string): boolean {
  const re = new RegExp(rule.pattern, 'u');
  if (rule.unlessBlock && f.blocks.has(rule.unlessBlock as Block)) return false;
  if (where === 'title') return re.test(f.title);
  if (where === 'cells') return f.cells.some((c) => re.test(c));
  if (where === 'lines') return f.lines.some((l) => re.test(l));
  return re.test(f.text);
}

/** Every kind's score and the evidence behind it, best first. */
export function scoreKinds(layout: LayoutDocument): { scores: KindScore[]; lookAlike: LookAlike | null } {
  const f = readFeatures(layout);
  const scores: KindScore[] = data.kinds.map((k) => {
    let score = 0;
    const evidence: string[] = [];
    for (const rule of k.title as Rule[]) {
      if (ruleHits(rule, f, 'title')) {
        score += rule.weight;
        evidence.push(`${rule.evidence}：${f.title.slice(0, 60)}`);
        break;
      }
    }
    for (const rule of k.header as Rule[]) {
      if (ruleHits(rule, f, rule.where ?? 'text')) {
        score += rule.weight;
        evidence.push(rule.evidence);
      }
    }
    for (const b of k.blocks) {
      if (f.blocks.has(b.block as Block)) {
        score += b.weight;
        evidence.push(b.evidence);
      }
    }
    if (k.requires.some((need) => !need.split('|').some((b) => f.blocks.has(b as Block)))) score *= 0.3;
    return { kind: k.kind as Kind, score: Math.round(Math.min(score, 1) * 1000) / 1000, evidence };
  });
  scores.sort((a, b) => b.score - a.score);
  return { scores, lookAlike: findLookAlike(f) };
}

const ATTACHMENT = /^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?.{0,60}自评(?:表|报告).{0,20}\.(?:xlsx?|docx?|pdf|wps|et|ofd|zip|rar)$/iu;

function findLookAlike(f: Features): LookAlike | null {
  for (const l of data.lookAlikes) {
    const found = (evidence: string): LookAlike => ({ id: l.id, what: l.what, evidence, ...('note' in l && l.note ? { note: l.note } : {}) });
    if ('titleLacks' in l && l.titleLacks && new RegExp(l.titleLacks, 'u').test(f.title)) continue;
    if ('title' in l && l.title && new RegExp(l.title, 'u').test(f.title)) return found(`标题“${f.title.slice(0, 60)}”`);
    if ('structure' in l && l.structure === 'targets-only' && f.blocks.has('targetsOnly') && !f.blocks.has('actuals') && !f.blocks.has('scores')) {
      return found('指标表只有指标值，没有实际完成值和得分列');
    }
    if ('structure' in l && l.structure === 'attachment-list' && !f.blocks.has('grid') && !f.blocks.has('prose')) {
      const listed = f.lines.filter((x) => ATTACHMENT.test(x));
      if (listed.length > 0) return found(`列出的附件：${listed.slice(0, 3).join('；')}`);
    }
  }
  return null;
}

/** How strongly a layout looks like one kind (0 … 1), for an extractor's `match`. */
export function kindScore(layout: LayoutDocument, kind: Kind): number {
  return scoreKinds(layout).scores.find((s) => s.kind === kind)?.score ?? 0;
}
