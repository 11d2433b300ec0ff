import { round1 } from '../core/aggregate.js';
import { GLOBAL, INDICATOR, PILLAR, type RowFigures } from './row-figures.js';
import type { SuggestionLayout } from './suggestion-layout.js';

/** Points of global score gained, as suggestions round them (no score counts as 0). */
export function gain(after: number, before: number): number {
  return round1((after === after ? after : 0) - (before === before ? before : 0));
}

/**
 * Scores once the action is done, into `f.projected`, and its gains, into `f.gains`: only the pillars it moves are
 * summed again, in a full scoring's order, so the figures are the same.
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
