import type { RowScores } from './row-scores.js';
import type { SuggestionLayout } from './suggestion-layout.js';

/** A row's scores as suggestions weigh them, in typed arrays reused from row to row (NaN: no score). */
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

