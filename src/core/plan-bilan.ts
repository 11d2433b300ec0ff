import { change, type Change } from './compare.js';
import type { ItemGain } from './project-plan.js';
import type { ScoreResult } from './score-result.js';

/** One item of a plan, what it was meant to bring and what its indicator did. */
export interface BilanItem<I> {
  item: I;
  /** Its own projected gain from the earlier answers; null for an action of one's own. */
  projected: { indicator: Change; global: number } | null;
  /** Its indicator, earlier assessment → later one. */
  achieved: Change;
}

/** One score row: global or a pillar, earlier, projected by the plan, and achieved. */
export interface BilanScore {
  id: string;
  before: number | null;
  projected: number | null;
  achieved: number | null;
  /** achieved − before, and projected − before: what happened beside what was intended. */
  achievedDelta: number | null;
  projectedDelta: number | null;
}

export interface PlanBilan<I> {
  items: BilanItem<I>[];
  /** The global score first, then each pillar. */
  scores: BilanScore[];
}

const indicatorScores = (r: ScoreResult) => new Map(r.pillars.flatMap((p) => p.indicators.map((i) => [i.id, i.score] as const)));

/**
 * Intended vs achieved for one plan drawn from the earlier assessment: each item beside its own
 * projected gain and its indicator's actual change, then the plan's projected scores (every item
 * not dropped, applied at once) against the scores the later assessment achieved.
 */
export function planBilan<I extends { id: number; indicator: string }>(before: ScoreResult, after: ScoreResult, projected: ScoreResult, gains: ReadonlyMap<number, ItemGain>, items: readonly I[]): PlanBilan<I> {
  const a = indicatorScores(before);
  const b = indicatorScores(after);
  const row = (id: string, x: number | null, p: number | null, y: number | null): BilanScore => ({
    id, before: x, projected: p, achieved: y, achievedDelta: change(x, y).delta, projectedDelta: change(x, p).delta,
  });
  const pillar = (r: ScoreResult, id: string) => r.pillars.find((p) => p.id === id)?.score ?? null;
  return {
    items: items.map((item) => {
      const gain = gains.get(item.id);
      return {
        item,
        projected: gain ? { indicator: change(gain.indicator.before, gain.indicator.after), global: gain.global } : null,
        achieved: change(a.get(item.indicator) ?? null, b.get(item.indicator) ?? null),
      };
    }),
    scores: [
      row('global', before.global, projected.global, after.global),
      ...after.pillars.map((p) => row(p.id, pillar(before, p.id), pillar(projected, p.id), p.score)),
    ],
  };
}
