import { round1 } from './aggregate.js';
import type { RowScores } from './compiled-scorer.js';
import type { RowState } from './row-state.js';
import type { SuggestionLayout } from './suggestion-layout.js';

/**
 * One row's scores as batch suggestions weigh them, in typed arrays reused from row to row (NaN
 * stands for "no score"): the row's own scores, the sums bounds add a bounded score to, and the
 * scores of the indicators the action being weighed moves.
 */
export interface RowFigures {
  /** The row's own scores and indicators' points: its `RowScores` arrays themselves, which a batch then writes out, so typed read only. */
  score: ReadonlyNumbers;
  pillarScore: ReadonlyNumbers;
  global: number;
  points: ReadonlyNumbers;
  available: ReadonlyNumbers;
  /** By indicator: the weighted sum and weights of the other scored indicators of its pillar. */
  restTotal: Float64Array;
  restWeights: Float64Array;
  /** By pillar: the weighted sum and weights of the other scored pillars. */
  restGlobal: Float64Array;
  restGlobalWeights: Float64Array;
  /** By indicator: its score once the action is done (read where `isMoved` is 1). */
  moved: Float64Array;
  isMoved: Uint8Array;
  /** Scores once the action is done: global, its pillar, its indicator (see `project`), and what each gains. */
  projected: Float64Array;
  gains: Float64Array;
}

/** Numbers to read by index, not to write. */
export type ReadonlyNumbers = { readonly [index: number]: number; readonly length: number };

const NONE: ReadonlyNumbers = new Float64Array(0);

export const GLOBAL = 0;
export const PILLAR = 1;
export const INDICATOR = 2;

export function rowFigures(layout: SuggestionLayout): RowFigures {
  const { indicators, pillars } = layout;
  return {
    // The row's own arrays replace these (see `loadRow`).
    score: NONE,
    pillarScore: NONE,
    global: Number.NaN,
    points: NONE,
    available: NONE,
    restTotal: new Float64Array(indicators),
    restWeights: new Float64Array(indicators),
    restGlobal: new Float64Array(pillars),
    restGlobalWeights: new Float64Array(pillars),
    moved: new Float64Array(indicators),
    isMoved: new Uint8Array(indicators),
    projected: new Float64Array(3),
    gains: new Float64Array(3),
  };
}

export const MAX_SCORE = 100;
const SLACK = 1e-9;

/** Takes in a row's scores: every entry of `f` but `moved` is rewritten or replaced. */
export function loadRow(layout: SuggestionLayout, base: RowScores, f: RowFigures): void {
  const { indicatorWeight, pillarStart, pillarIndicators, pillarWeight } = layout;
  // The row's own figures are read where they are (not copied): nothing here writes them.
  f.points = base.points;
  f.available = base.available;
  f.score = base.indicators;
  f.pillarScore = base.pillars;
  for (let n = 0; n < layout.indicators; n++) f.isMoved[n] = 0;
  for (let pn = 0; pn < layout.pillars; pn++) {
    let total = 0;
    let weights = 0;
    let scored = 0;
    for (let k = pillarStart[pn]!; k < pillarStart[pn + 1]!; k++) {
      const n = pillarIndicators[k]!;
      const own = f.score[n]!;
      if (own !== own) continue;
      total += own * indicatorWeight[n]!;
      weights += indicatorWeight[n]!;
      scored++;
    }
    // The rest of the pillar as the whole less the indicator: a few ulps from summing the rest in
    // the pillar's order, which SLACK covers many times over; none left is exactly none.
    for (let k = pillarStart[pn]!; k < pillarStart[pn + 1]!; k++) {
      const n = pillarIndicators[k]!;
      const own = f.score[n]!;
      const has = own === own;
      const alone = scored - (has ? 1 : 0) === 0;
      f.restTotal[n] = alone ? 0 : has ? total - own * indicatorWeight[n]! : total;
      f.restWeights[n] = alone ? 0 : has ? weights - indicatorWeight[n]! : weights;
    }
  }
  for (let pn = 0; pn < layout.pillars; pn++) {
    let total = 0;
    let weights = 0;
    for (let other = 0; other < layout.pillars; other++) {
      const score = f.pillarScore[other]!;
      if (other === pn || score !== score) continue;
      total += score * pillarWeight[other]!;
      weights += pillarWeight[other]!;
    }
    f.restGlobal[pn] = total;
    f.restGlobalWeights[pn] = weights;
  }
  f.global = base.global;
}

/** Points of global score gained, as suggestions round them (no score counts as 0). */
export function gain(after: number, before: number): number {
  return round1((after === after ? after : 0) - (before === before ? before : 0));
}

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
  const { moveStart, moveIndicator, touchStart, touchPosition, touchMax, touchReach } = layout;
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
        points += (reach === undefined ? max : reach.at(row)) - now;
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

/**
 * Scores once the action is done, into `f.projected`, and what it gains over the row's, into
 * `f.gains`, from the moved indicators' scores in `f.moved` (where `f.isMoved`): only the pillars
 * holding a moved indicator change, summed in the same order as a full scoring does (so the same
 * figures); the global follows from the pillars.
 */
export function project(layout: SuggestionLayout, action: number, f: RowFigures): void {
  const { pillars, pillarStart, pillarIndicators, indicatorWeight, pillarWeight, movesPillar } = layout;
  const ownPillar = layout.ownPillar[action]!;
  const own = layout.ownIndicator[action]!;
  let global = 0;
  let globalWeight = 0;
  let ownPillarScore = Number.NaN;
  for (let pn = 0; pn < pillars; pn++) {
    let score = f.pillarScore[pn]!;
    if (movesPillar[action * pillars + pn] === 1) {
      let total = 0;
      let weights = 0;
      for (let k = pillarStart[pn]!; k < pillarStart[pn + 1]!; k++) {
        const n = pillarIndicators[k]!;
        const v = f.isMoved[n] === 1 ? f.moved[n]! : f.score[n]!;
        if (v !== v) continue;
        total += v * indicatorWeight[n]!;
        weights += indicatorWeight[n]!;
      }
      score = weights > 0 ? round1(total / weights) : Number.NaN;
    }
    if (pn === ownPillar) ownPillarScore = score;
    if (score !== score) continue;
    global += score * pillarWeight[pn]!;
    globalWeight += pillarWeight[pn]!;
  }
  const { projected, gains } = f;
  projected[GLOBAL] = globalWeight > 0 ? round1(global / globalWeight) : Number.NaN;
  projected[PILLAR] = ownPillarScore;
  projected[INDICATOR] = f.isMoved[own] === 1 ? f.moved[own]! : f.score[own]!;
  gains[GLOBAL] = gain(projected[GLOBAL]!, f.global);
  gains[PILLAR] = gain(projected[PILLAR]!, f.pillarScore[ownPillar]!);
  gains[INDICATOR] = gain(projected[INDICATOR]!, f.score[own]!);
}
