import type { Document, Fact, Provenance } from '../schema/index.js';
import type { FactSource, ResolvedFact } from './types.js';

/** A rate the rubric defines as a formula over other facts, so it can be recomputed when not stated. */
interface Derivation {
  inputs: readonly string[];
  /** Inputs that count as 0 when absent (a department without 政府性基金 does not print it). */
  optional: readonly string[];
  label: string;
  compute(v: Readonly<Record<string, number>>): number | null;
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);
const value = (v: Readonly<Record<string, number>>, key: string): number => v[key] ?? 0;

export const DERIVATIONS: Readonly<Record<string, Derivation>> = {
  carryoverRate: {
    label: '结转结余率',
    inputs: ['carryoverYearEnd', 'carryoverYearStart', 'generalBudgetAppropriation'],
    optional: ['governmentFundAppropriation'],
    compute: (v) =>
      ratio(
        value(v, 'carryoverYearEnd'),
        value(v, 'carryoverYearStart') + value(v, 'generalBudgetAppropriation') + value(v, 'governmentFundAppropriation'),
      ),
  },
  fixedAssetUtilization: {
    label: '固定资产利用率',
    inputs: ['fixedAssetsInUse', 'fixedAssetsTotal'],
    optional: [],
    compute: (v) => ratio(value(v, 'fixedAssetsInUse'), value(v, 'fixedAssetsTotal')),
  },
  publicFundsControlRate: {
    label: '公用经费控制率',
    inputs: ['publicFundsActual', 'publicFundsBudget'],
    optional: [],
    compute: (v) => ratio(value(v, 'publicFundsActual') - value(v, 'publicFundsBudget'), value(v, 'publicFundsBudget')),
  },
};

/** What each fact key is called in the documents, for messages. */
export const FACT_LABELS: Readonly<Record<string, string>> = {
  budgetExecutionRate: '年度预算执行率',
  specialFundsExecutionRate: '专项资金支出率',
  carryoverRate: '结转结余率',
  carryoverYearEnd: '年末财政拨款结转和结余',
  carryoverYearStart: '年初财政拨款结转和结余',
  generalBudgetAppropriation: '一般公共预算财政拨款',
  governmentFundAppropriation: '政府性基金预算财政拨款',
  fixedAssetUtilization: '固定资产利用率',
  fixedAssetsTotal: '固定资产总额',
  fixedAssetsInUse: '实际在用固定资产总额',
  publicFundsControlRate: '公用经费控制率',
  publicFundsActual: '实际支出公用经费',
  publicFundsBudget: '预算安排公用经费',
  threePublicActual: '“三公”经费实际支出数',
  threePublicBudget: '“三公”经费预算数',
  contractTimelyRate: '合同签订及时率',
  procurementPolicyRatio: '中小企业采购金额占预留份额比例',
};

/** Keys whose values are fractions (compared to 4 decimals); everything else is money in 万元. */
export function isRateKey(key: string): boolean {
  return /(Rate|Ratio|Utilization)$/u.test(key);
}

/** The gap two statements of the same fact may show from rounding alone. */
export function factTolerance(key: string): number {
  return isRateKey(key) ? 0.00006 : 0.01;
}

function statedFact(key: string, documents: readonly Document[]): Fact | null {
  for (const document of documents) {
    const fact = document.facts[key];
    if (fact) return fact;
  }
  return null;
}

/** A derived rate from the stated inputs, or null when a required input is missing. */
export function deriveFact(key: string, documents: readonly Document[]): ResolvedFact | null {
  const derivation = DERIVATIONS[key];
  if (!derivation) return null;
  const values: Record<string, number> = {};
  const provenance: Provenance[] = [];
  const texts: string[] = [];
  for (const input of [...derivation.inputs, ...derivation.optional]) {
    const fact = statedFact(input, documents);
    if (!fact) {
      if (derivation.inputs.includes(input)) return null;
      continue;
    }
    values[input] = fact.value;
    provenance.push(fact.provenance);
    texts.push(fact.text);
  }
  const computed = derivation.compute(values);
  if (computed === null || !Number.isFinite(computed)) return null;
  return { key, value: computed, derived: true, text: texts.join('；'), provenance };
}

/** Facts of a document first, then of its companions in order, then derived from their inputs. */
export function factSource(documents: readonly Document[]): FactSource {
  const cache = new Map<string, ResolvedFact | null>();
  return {
    get(key) {
      if (cache.has(key)) return cache.get(key) ?? null;
      const stated = statedFact(key, documents);
      const resolved: ResolvedFact | null = stated
        ? { key, value: stated.value, derived: false, text: stated.text, provenance: [stated.provenance] }
        : deriveFact(key, documents);
      cache.set(key, resolved);
      return resolved;
    },
  };
}
