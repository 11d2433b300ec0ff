import { round1 } from '../core/aggregate.js';
import { gain, project } from './projection.js';
import { GLOBAL, MAX_SCORE, type RowFigures } from './row-figures.js';
import type { RowState } from './row-state.js';
import type { SuggestionLayout } from './suggestion-layout.js';

const SLACK = 1e-9;

/** Whether every indicator the action can move is already at the top (it can then gain nothing). */
export function allAtTop(layout: SuggestionLayout, action: number, f: RowFigures): boolean {
  for (let m = layout.moveStart[action]!; m < layout.moveStart[action + 1]!; m++) if (f.score[layout.moveIndicator[m]!] !== MAX_SCORE) return false;
  return true;
}

/**
 * The most an action can be worth (its rank value), from the row's criteria points.
 *
 * A criterion the action does not touch keeps its points and whether it applies. The touched
 * ones, with their points p ≤ m of m available, turn the indicator's share P/M of the untouched
 * into (P + p) / (M + m), at most (P + S) / (M + S) with S all the touched points available, since
 * adding the same to both sides of a share of at most 100 % never lowers it. A touched criterion
 * that applies now still applies once the action is done (see `CriterionReach`), so where its
 * reach r ≤ m is known, it adds r rather than m to the points only: that is what keeps most
 * actions from being done at all (their bound was twice their worth on average). That is the bound on
 * each moved indicator, projected as a real outcome would be (every step keeps the order of its
 * inputs). An indicator can also end without a score, but only when none of its untouched
 * criteria applies, and its bound is then 100: a weighted mean with a 100 added is never below
 * the same mean without it, so that ending never gains more. The fast path, one moved indicator
 * (most actions), adds its bound to sums of the rest taken in another order, hence SLACK before
 * each rounding.
 *
 * Written into `out[action]` rather than returned, as `indicatorCap` does: a number returned from
 * a call V8 does not inline is boxed, and a batch bounds tens of actions per row.
 */
export function gainBound(layout: SuggestionLayout, action: number, row: RowState, criteria: Float64Array, f: RowFigures, out: Float64Array): void {
  const { moveStart, moveIndicator, touchStart, touchPosition, touchMax, touchReach, touchSlot } = layout;
  const first = moveStart[action]!;
  const last = moveStart[action + 1]!;
  for (let m = first; m < last; m++) {
    const n = moveIndicator[m]!;
    let points = f.points[n]!;
    let available = f.available[n]!;
    for (let t = touchStart[m]!; t < touchStart[m + 1]!; t++) {
      const now = criteria[touchPosition[t]!]!;
      const max = touchMax[t]!;
      if (now >= 0) {
        const reach = touchReach[t];
        points += (reach === undefined ? max : reach.at(row.values, row.codes, touchSlot[t]!)) - now;
      } else {
        points += max;
        available += max;
      }
    }
    const score = available > 0 ? Math.min(MAX_SCORE, round1((100 * points) / available + SLACK)) : Number.NaN;
    if (last - first === 1) {
      singleBound(layout, n, f, score, layout.effort[action]!, out, action);
      return;
    }
    f.moved[n] = score;
    f.isMoved[n] = 1;
  }
  project(layout, action, f);
  for (let m = first; m < last; m++) f.isMoved[moveIndicator[m]!] = 0;
  out[action] = f.gains[GLOBAL]! / layout.effort[action]!;
}

/**
 * The most any action moving only indicator n can gain (not divided by its effort): its bound
 * with n at 100, since a bounded score is at most 100, and a score of 100 gains at least as much
 * as none (see `gainBound`). One figure per indicator, where bounding each action costs more;
 * written into `out[n]`.
 */
export function indicatorCap(layout: SuggestionLayout, n: number, f: RowFigures, out: Float64Array): void {
  singleBound(layout, n, f, MAX_SCORE, 1, out, n);
}

/**
 * The global gain with indicator n at `score` (NaN: none), added to the sums of the rest of its
 * pillar and of the other pillars, divided by `effort`, into `out[at]` (not returned: see `gainBound`).
 */
function singleBound(layout: SuggestionLayout, n: number, f: RowFigures, score: number, effort: number, out: Float64Array, at: number): void {
  const pn = layout.indicatorPillar[n]!;
  const weight = layout.indicatorWeight[n]!;
  const scored = score === score;
  const weights = f.restWeights[n]! + (scored ? weight : 0);
  const pillarScore = weights > 0 ? round1((f.restTotal[n]! + (scored ? score * weight : 0)) / weights + SLACK) : Number.NaN;
  let total = f.restGlobal[pn]!;
  let totalWeight = f.restGlobalWeights[pn]!;
  if (pillarScore === pillarScore) {
    total += pillarScore * layout.pillarWeight[pn]!;
    totalWeight += layout.pillarWeight[pn]!;
  }
  out[at] = gain(totalWeight > 0 ? round1(total / totalWeight + SLACK) : Number.NaN, f.global) / effort;
}

