import type { Quantity } from '../../src/schema/quantity.js';
import { parseQuantity } from './quantity.js';

/**
 * A target and its actual, read together: the actual's measure is the one in the target's unit; a
 * target written with several measures is read in the actual's unit when that is the one they share;
 * an actual "达到 X" states what was reached (no comparator); and the actual of a qualitative target is
 * judged qualitatively too (a narrative's first figure is not the indicator's value).
 */
export function parsePair(targetText: string, actualText: string): { target: Quantity; actual: Quantity } {
  let target = parseQuantity(targetText);
  let actual = parseQuantity(actualText, { preferUnit: target.unit });
  if (!target.qualitative && !actual.qualitative && target.unit !== actual.unit) {
    const retry = parseQuantity(targetText, { preferUnit: actual.unit });
    if (retry.unit === actual.unit) target = retry;
  }
  if (actual.comparator === '>=' && /达到/u.test(actual.text) && !/以上|不少于|不低于|至少|≥/u.test(actual.text)) {
    actual = { ...actual, comparator: null };
  }
  if (target.qualitative) actual = { text: actual.text, value: null, unit: null, comparator: null, qualitative: true, date: null };
  return { target, actual };
}
