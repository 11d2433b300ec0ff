import { round1 } from '../core/aggregate.js';
import type { CompiledRules } from './compiled-rules.js';
import type { IndicatorTotals } from './indicator-code.js';
import type { RowState } from './row-state.js';

/** A row's scores by position (`Engine.indicators`, `Engine.pillars`), NaN for none, in typed arrays reused from row to row. */
export interface RowScores extends IndicatorTotals {
  global: number;
  pillars: Float64Array;
}

export function emptyScores(rules: CompiledRules): RowScores {
  const indicators = rules.indicators.length;
  return { global: Number.NaN, pillars: new Float64Array(rules.pillars.length), indicators: new Float64Array(indicators), criteria: new Float64Array(rules.criteria), points: new Float64Array(indicators), available: new Float64Array(indicators) };
}

/** A score as results give it: null where there is none. */
export const scoreOrNull = (score: number): number | null => (score === score ? score : null);

/** Scores a row already checked, into `into`. */
export function scoreInto(rules: CompiledRules, row: RowState, into: RowScores): RowScores {
  for (const indicator of rules.indicators) indicator.score(row.scored, row.status, row.codes, into);
  pillarScoresInto(rules, into.indicators, into.pillars);
  into.global = globalOf(rules, into.pillars);
  return into;
}

/** Each pillar's score into `out` (NaN: none): the weighted mean of its indicators that have one, as core aggregates them. */
function pillarScoresInto(rules: CompiledRules, scores: Float64Array, out: Float64Array): void {
  for (let pn = 0; pn < rules.pillars.length; pn++) {
    const p = rules.pillars[pn]!;
    let total = 0;
    let weights = 0;
    for (const n of p.indicators) {
      const score = scores[n]!;
      if (score !== score) continue;
      const { weight } = rules.indicators[n]!;
      total += score * weight;
      weights += weight;
    }
    out[pn] = weights > 0 ? round1(total / weights) : Number.NaN;
  }
}

/** The global score (NaN: none): the weighted mean of the pillars that have one. */
function globalOf(rules: CompiledRules, pillarScores: Float64Array): number {
  let total = 0;
  let weights = 0;
  for (let n = 0; n < rules.pillars.length; n++) {
    const score = pillarScores[n]!;
    if (score !== score) continue;
    total += score * rules.pillars[n]!.weight;
    weights += rules.pillars[n]!.weight;
  }
  return weights > 0 ? round1(total / weights) : Number.NaN;
}
