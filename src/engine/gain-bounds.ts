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
 * The most an action can be worth (its rank value), into `out[action]`: why it is never below its worth is in
 * docs/decisions/004-suggestion-bounds.md; numbers are written, not returned, since V8 boxes a returned number.
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

/** The most any action moving only indicator n can gain, before its effort: its bound with n at 100 (004), into `out[n]`. */
export function indicatorCap(layout: SuggestionLayout, n: number, f: RowFigures, out: Float64Array): void {
  singleBound(layout, n, f, MAX_SCORE, 1, out, n);
}

/** The global gain with indicator n at `score` (NaN: none), divided by `effort`, into `out[at]`. */
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

