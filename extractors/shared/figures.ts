import type { Budget, BudgetField, BudgetLine, Fact } from '../../src/schema/document.js';
import { scanQuantities, toFraction, toWan } from './quantity.js';
import type { TextStream } from './text-stream.js';

/**
 * Labelled figures in prose: a label (年度预算执行率, 实际在用固定资产总额 …) followed within a few
 * characters by a quantity of the right kind. One table of patterns serves the report, the
 * explanation and the 评分依据 text of tables.
 */
interface FigurePattern<K extends string> {
  key: K;
  label: RegExp;
  kind: 'rate' | 'money';
  /** How far after the label the figure may start (characters). */
  window?: number;
}

const FACT_PATTERNS: FigurePattern<string>[] = [
  // The rubric's execution rate is the annual average of monthly rates: prefer it where stated.
  { key: 'budgetExecutionRate', label: /年度平均执行率/gu, kind: 'rate', window: 12 },
  { key: 'budgetExecutionRate', label: /年度预算执行率|预算执行率|预算资金支出率/gu, kind: 'rate', window: 12 },
  { key: 'specialFundsExecutionRate', label: /专项资金支出率|专项资金执行率/gu, kind: 'rate', window: 12 },
  { key: 'carryoverRate', label: /结转结余率|结余结转率|结转率/gu, kind: 'rate', window: 8 },
  { key: 'carryoverYearEnd', label: /年末财政拨款结转和结余决算数/gu, kind: 'money' },
  { key: 'carryoverYearStart', label: /年初财政拨款结转和结余收入决算数/gu, kind: 'money' },
  { key: 'generalBudgetAppropriation', label: /一般公共预算财政拨款决算数/gu, kind: 'money' },
  { key: 'governmentFundAppropriation', label: /政府性基金预算财政拨款决算数/gu, kind: 'money' },
  { key: 'fixedAssetUtilization', label: /固定资产利用率/gu, kind: 'rate', window: 8 },
  { key: 'fixedAssetsInUse', label: /实际在用固定资产总额/gu, kind: 'money' },
  { key: 'fixedAssetsTotal', label: /(?<!在用)固定资产总额/gu, kind: 'money' },
  { key: 'publicFundsControlRate', label: /公用经费控制率/gu, kind: 'rate', window: 8 },
  { key: 'publicFundsActual', label: /实际支出公用经费总额/gu, kind: 'money' },
  { key: 'publicFundsBudget', label: /预算安排公用经费总额/gu, kind: 'money' },
  { key: 'threePublicActual', label: /[“"]?三公[”"]?经费实际支出数/gu, kind: 'money' },
  { key: 'threePublicBudget', label: /预算安排[“"]?三公[”"]?经费数/gu, kind: 'money' },
  { key: 'contractTimelyRate', label: /合同签订及时率/gu, kind: 'rate', window: 8 },
  { key: 'otherIncome', label: /其他收入/gu, kind: 'money', window: 4 },
  { key: 'procurementPolicyRatio', label: /面向中小企业采购(?:金额)?(?:占比|比例)/gu, kind: 'rate', window: 8 },
];

/** Budget figures; a null key is a labelled figure with no field of its own (kept in `lines`). */
const BUDGET_PATTERNS: FigurePattern<BudgetField | 'line'>[] = [
  { key: 'initial', label: /年初预算(?:数)?/gu, kind: 'money' },
  { key: 'total', label: /全年预算数|总预算|年度预算数|调整后预算/gu, kind: 'money' },
  { key: 'actualSpending', label: /全年实际执行数|实际执行数|实际支出(?!公用)/gu, kind: 'money', window: 6 },
  { key: 'executionRate', label: /年度预算执行率|预算执行率/gu, kind: 'rate', window: 6 },
  { key: 'carryover', label: /年末结转和结余|年底结转结余|结转结余资金|年末结转结余/gu, kind: 'money', window: 6 },
  { key: 'basic', label: /基本支出/gu, kind: 'money', window: 4 },
  { key: 'project', label: /项目支出/gu, kind: 'money', window: 4 },
  { key: 'fiscalAppropriation', label: /一般公共预算财政拨款收入/gu, kind: 'money', window: 4 },
  { key: 'line', label: /一般公共预算财政拨款支出|政府性基金(?:预算财政拨款)?支出|本年收入|上年结转|公用经费|[“"]三公[”"]经费(?:支出)?/gu, kind: 'money', window: 4 },
];

export interface FoundFigure<K extends string> {
  key: K;
  label: string;
  value: number;
  /** The text from the label to the end of the figure. */
  text: string;
  start: number;
  end: number;
}

function findFigures<K extends string>(text: string, patterns: readonly FigurePattern<K>[]): FoundFigure<K>[] {
  const found: FoundFigure<K>[] = [];
  for (const pattern of patterns) {
    pattern.label.lastIndex = 0;
    for (const m of text.matchAll(pattern.label)) {
      const labelEnd = (m.index ?? 0) + m[0].length;
      const window = text.slice(labelEnd, labelEnd + (pattern.window ?? 10) + 16);
      const first = scanQuantities(window).find((q) => {
        if (q.start > (pattern.window ?? 10)) return false;
        // Only what sits between the label and the figure: a verb or 为/是/达, not another clause.
        if (/[，。；;,]/u.test(window.slice(0, q.start))) return false;
        return pattern.kind === 'rate' ? q.quantity.unit === '%' || q.quantity.unit === '‰' : toWan(q.quantity.value, q.quantity.unit) !== null;
      });
      if (!first || first.quantity.value === null) continue;
      const value = pattern.kind === 'rate' ? toFraction(first.quantity) : toWan(first.quantity.value, first.quantity.unit);
      if (value === null) continue;
      found.push({
        key: pattern.key,
        label: m[0],
        value,
        text: text.slice(m.index ?? 0, labelEnd + first.end),
        start: m.index ?? 0,
        end: labelEnd + first.end,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Facts (inputs of formula rules) stated in the text; the first statement of each wins. */
export function findFacts(stream: TextStream): Record<string, Fact> {
  const facts: Record<string, Fact> = {};
  // Patterns are in priority order; within one pattern the first statement wins.
  for (const pattern of FACT_PATTERNS) {
    if (facts[pattern.key]) continue;
    const f = findFigures(stream.text, [pattern])[0];
    if (f) facts[f.key] = { value: f.value, unit: pattern.kind === 'rate' ? 'ratio' : '万元', text: f.text, provenance: stream.provenance(f.start, f.end) };
  }
  return facts;
}

/** Budget figures stated in prose (reports): every labelled line, and the first of each field. */
export function findBudgetFigures(stream: TextStream, budget: Budget, range: [number, number] = [0, stream.text.length]): void {
  const [from, to] = range;
  for (const f of findFigures(stream.text, BUDGET_PATTERNS)) {
    if (f.start < from || f.end > to) continue;
    if (f.key !== 'line' && budget[f.key] === null) budget[f.key] = f.value;
    if (f.key === 'executionRate') continue;
    const line: BudgetLine = { label: f.label, amount: f.value, unit: '万元', text: f.text, provenance: stream.provenance(f.start, f.end) };
    budget.lines.push(line);
  }
}
