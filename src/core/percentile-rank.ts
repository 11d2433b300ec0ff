/**
 * Where a score stands in a distribution known by its quantiles: the share of the group scoring
 * below it, in percent, read off the quantiles by linear interpolation. Outside the first and last
 * quantile only a bound is known ("in the lowest 5 %"), so the rank says which side it is on.
 */
export type PercentileRank =
  | { kind: 'within'; percent: number }
  | { kind: 'below'; percent: number }
  | { kind: 'above'; percent: number };

/** `levels` increasing percents, `values` the quantile at each, never decreasing. */
export function percentileRank(levels: readonly number[], values: readonly number[], score: number): PercentileRank {
  const last = values.length - 1;
  if (score < values[0]!) return { kind: 'below', percent: levels[0]! };
  if (score > values[last]!) return { kind: 'above', percent: 100 - levels[last]! };
  // Several quantiles equal to the score (many organisations at 100, say): the middle of their levels.
  const first = values.findIndex((v) => v >= score);
  if (values[first] === score) {
    let end = first;
    while (end < last && values[end + 1] === score) end += 1;
    return { kind: 'within', percent: (levels[first]! + levels[end]!) / 2 };
  }
  const [lo, hi] = [values[first - 1]!, values[first]!];
  const [from, to] = [levels[first - 1]!, levels[first]!];
  return { kind: 'within', percent: from + ((score - lo) / (hi - lo)) * (to - from) };
}

/** The quantile at a level the group gives (25, 50, 75 for the quartiles); undefined when it does not. */
export function quantileAt(levels: readonly number[], values: readonly number[], level: number): number | undefined {
  const i = levels.indexOf(level);
  return i < 0 ? undefined : values[i];
}
