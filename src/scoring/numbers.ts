/** Number helpers shared by the rules: rounding, tolerance and the values a rule can produce. */

export function round2(value: number): number {
  return Math.round((value + Math.sign(value) * Number.EPSILON) * 100) / 100;
}

/** Digits after the decimal point as the number is written (4.65 → 2, 20 → 0). */
export function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : text.length - dot - 1;
}

/** 0.01 + half a unit of the finest precision the document prints its scores in (2 decimals → 0.015). */
export function toleranceFor(scores: ReadonlyArray<number | null>): number {
  const decimals = Math.min(4, Math.max(0, ...scores.map((s) => (s === null ? 0 : decimalsOf(s)))));
  return 0.01 + 0.5 * 10 ** -decimals;
}

export function near(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance + 1e-9;
}

/** Every sum of a subset of the components (1 + 1 → 0, 1, 2), ascending, deduplicated to cents. */
export function subsetSums(components: readonly number[]): number[] {
  let sums = [0];
  for (const c of components) sums = [...sums, ...sums.map((s) => round2(s + c))];
  return [...new Set(sums)].sort((a, b) => a - b);
}

/** The weight minus whole steps, down to 0 (2 with step 0.5 → 2, 1.5, 1, 0.5, 0). */
export function deductionValues(weight: number, step: number): number[] {
  const values: number[] = [];
  for (let v = weight; v > -1e-9; v = round2(v - step)) values.push(round2(Math.max(0, v)));
  if (!values.includes(0)) values.push(0);
  return values;
}

export function isOneOf(value: number, allowed: readonly number[]): boolean {
  return allowed.some((a) => Math.abs(a - value) < 1e-6);
}

/** A score as printed in messages: up to 2 decimals, no trailing zeros. */
export function formatScore(value: number): string {
  return String(round2(value));
}

/** A fraction as a percentage: 0.9297 → "92.97%". */
export function formatRate(value: number): string {
  return `${String(round2(value * 100))}%`;
}

export function formatValues(values: readonly number[]): string {
  return values.map(formatScore).join('、');
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
