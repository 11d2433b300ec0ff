import type { ScoreResult } from './score-result.js';

export interface Change {
  before: number | null;
  after: number | null;
  /** null when either side is not applicable. */
  delta: number | null;
}

export interface ItemOutcome {
  itemId: number;
  actionId: string | null;
  indicator: string;
  before: number | null;
  after: number | null;
  /** For an item marked done: did its indicator actually improve? null if not applicable. */
  improved: boolean | null;
}

export interface Comparison {
  global: Change;
  pillars: (Change & { id: string })[];
  indicators: (Change & { id: string; pillar: string })[];
  /** Plan items marked done, intended vs achieved. */
  done: ItemOutcome[];
}

export const change = (before: number | null, after: number | null): Change => ({
  before,
  after,
  delta: before === null || after === null ? null : Math.round((after - before) * 10) / 10,
});

/** Compares two results (an assessment and the next one), and checks the plan items marked done. */
export function compareResults(before: ScoreResult, after: ScoreResult, items: readonly { id: number; actionId: string | null; indicator: string; status: string }[] = []): Comparison {
  const indicatorScores = (r: ScoreResult) => new Map(r.pillars.flatMap((p) => p.indicators.map((i) => [i.id, { score: i.score, pillar: p.id }] as const)));
  const a = indicatorScores(before);
  const b = indicatorScores(after);
  const pillarsBefore = new Map(before.pillars.map((p) => [p.id, p.score]));
  return {
    global: change(before.global, after.global),
    pillars: after.pillars.map((p) => ({ id: p.id, ...change(pillarsBefore.get(p.id) ?? null, p.score) })),
    indicators: [...b].map(([id, x]) => ({ id, pillar: x.pillar, ...change(a.get(id)?.score ?? null, x.score) })),
    done: items
      .filter((i) => i.status === 'done')
      .map((i) => {
        const c = change(a.get(i.indicator)?.score ?? null, b.get(i.indicator)?.score ?? null);
        return { itemId: i.id, actionId: i.actionId, indicator: i.indicator, before: c.before, after: c.after, improved: c.delta === null ? null : c.delta > 0 };
      }),
  };
}
