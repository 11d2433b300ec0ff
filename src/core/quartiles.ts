import { round1 } from './aggregate.js';

export interface Quartiles {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** The value below which a share `p` (0–1) of sorted values falls, interpolated between neighbours. */
export function quantile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/** Minimum, quartiles and maximum, rounded as scores are; null for no value. */
export function quartiles(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    min: sorted[0]!,
    q1: round1(quantile(sorted, 0.25)),
    median: round1(quantile(sorted, 0.5)),
    q3: round1(quantile(sorted, 0.75)),
    max: sorted.at(-1)!,
  };
}
