import type { Quantity, Target } from '../schema/index.js';

export interface CompletionThresholds {
  /** Below this rate (0.6): 0 points. */
  pass: number;
  /** From this rate (1.0): full points. */
  full: number;
  /** Above this rate (1.5): half points. */
  half: number;
}

export type ItemBand = 'under60' | 'partial' | 'full' | 'over150';

export type ItemOutcome =
  | { kind: 'quantitative'; target: Target; rate: number; score: number; band: ItemBand }
  | { kind: 'qualitative'; target: Target; range: [number, number]; reason: string };

/** Money units convert to 万元 so that 1.2 亿元 and 12,000 万元 compare; other units must be equal. */
const MONEY_IN_WAN: Readonly<Record<string, number>> = { 亿元: 10000, 万元: 1, 元: 0.0001, 亿: 10000, 万: 1 };

/** Rate units, whose values the contract stores as fractions. */
const RATE_DIVISORS: Readonly<Record<string, number>> = { '%': 100, '‰': 1000 };

export function comparableValues(target: Quantity, actual: Quantity): [number, number] | null {
  if (target.value === null || actual.value === null) return null;
  const tu = target.unit?.trim() || null;
  const au = actual.unit?.trim() || null;
  // A bare number beside a rate (≥5% against 12.7) is in the rate's printed unit: scale it alike.
  const tr = tu === null ? undefined : RATE_DIVISORS[tu];
  const ar = au === null ? undefined : RATE_DIVISORS[au];
  if (tr !== undefined && au === null) return [target.value, actual.value / tr];
  if (ar !== undefined && tu === null) return [target.value / ar, actual.value];
  if (tu === null || au === null || tu === au) return [target.value, actual.value];
  const tf = MONEY_IN_WAN[tu];
  const af = MONEY_IN_WAN[au];
  if (tf !== undefined && af !== undefined) return [target.value * tf, actual.value * af];
  return null;
}

export function satisfies(actual: number, comparator: Quantity['comparator'], target: number): boolean {
  switch (comparator) {
    case '<=':
      return actual <= target;
    case '<':
      return actual < target;
    case '>':
      return actual > target;
    case '=':
      return actual === target;
    default:
      return actual >= target;
  }
}

export function bandOf(rate: number, t: CompletionThresholds): ItemBand {
  if (rate < t.pass - 1e-9) return 'under60';
  if (rate < t.full - 1e-9) return 'partial';
  if (rate <= t.half + 1e-9) return 'full';
  return 'over150';
}

export function scoreForBand(band: ItemBand, rate: number, weight: number): number {
  switch (band) {
    case 'under60':
      return 0;
    case 'partial':
      return rate * weight;
    case 'full':
      return weight;
    case 'over150':
      return weight / 2;
  }
}

/**
 * One target/actual pair scored by the completion-rate rule: rate = actual / target (target / actual when
 * lower is better). A target of 0 or below (<0%), or a non-positive actual on a lower-is-better target,
 * cannot be divided: it is full when the actual satisfies the comparator and 0 when it does not. A
 * qualitative pair, or units that cannot be compared, gives the 'achieved' range [0.8w, w] when an actual is
 * described and [0, w] when it is not.
 */
export function scoreTarget(target: Target, weight: number, thresholds: CompletionThresholds): ItemOutcome {
  const goalQuantity = target.target;
  const values = goalQuantity === null || goalQuantity.qualitative || target.actual.qualitative ? null : comparableValues(goalQuantity, target.actual);
  if (!values) {
    const described = target.actual.text.trim().length > 0;
    const reason = goalQuantity === null ? '未给出目标值' : goalQuantity.qualitative || target.actual.qualitative ? '定性指标' : '目标值与实际值无法比较';
    return { kind: 'qualitative', target, range: described ? [0.8 * weight, weight] : [0, weight], reason };
  }
  const [goal, actual] = values;
  const comparator = goalQuantity?.comparator ?? null;
  const lowerIsBetter = comparator === '<=' || comparator === '<';
  if (goal <= 0 || (lowerIsBetter && actual <= 0)) {
    const met = satisfies(actual, comparator, goal);
    return { kind: 'quantitative', target, rate: met ? 1 : 0, score: met ? weight : 0, band: met ? 'full' : 'under60' };
  }
  const rate = lowerIsBetter ? goal / actual : actual / goal;
  const band = bandOf(rate, thresholds);
  return { kind: 'quantitative', target, rate, score: scoreForBand(band, rate, weight), band };
}
