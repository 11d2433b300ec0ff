/** Rounds to one decimal, the precision scores are shown and stored with. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/**
 * Weighted mean of the parts that have a score, unrounded; parts without one (not applicable)
 * are left out rather than counted as zero. Null when no part has a score.
 */
export function weightedAverage(parts: readonly { score: number | null; weight: number }[]): number | null {
  let total = 0;
  let weights = 0;
  for (const { score, weight } of parts) {
    if (score === null) continue;
    total += score * weight;
    weights += weight;
  }
  return weights > 0 ? total / weights : null;
}

/** `weightedAverage` rounded to one decimal: how a pillar and the global are scored. */
export function weightedMean(parts: readonly { score: number | null; weight: number }[]): number | null {
  const mean = weightedAverage(parts);
  return mean === null ? null : round1(mean);
}

/** Share of the available points earned, out of 100; null when no point was available. */
export function pointsScore(points: number, maxPoints: number): number | null {
  return maxPoints > 0 ? round1((100 * points) / maxPoints) : null;
}
