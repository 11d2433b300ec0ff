import { round1 } from './aggregate.js';

/**
 * The quantile at `p` (0–1) of some values, by linear interpolation between order statistics
 * (R's type 7, numpy's default): the same rule for the published figures and the peer groups.
 */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface Quartiles {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Minimum, quartiles and maximum by the same rule, rounded as scores are; null for no value. */
export function quartiles(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null;
  return {
    count: values.length,
    min: Math.min(...values),
    q1: round1(quantile(values, 0.25)),
    median: round1(quantile(values, 0.5)),
    q3: round1(quantile(values, 0.75)),
    max: Math.max(...values),
  };
}
