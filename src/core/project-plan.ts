import { applyChanges } from './apply-changes.js';
import type { AnswersDocument } from './content-model.js';
import type { Outcome } from './issue.js';
import { score, type Scorer } from './score.js';
import type { ScoreResult } from './score-result.js';

export interface Projection {
  current: ScoreResult;
  /** The scores once every item that is not dropped is done. */
  projected: ScoreResult;
  gains: { global: number; pillars: Record<string, number> };
}

/**
 * A plan's projection: the baseline answers with the changes of all its actions applied at once
 * (so overlapping actions are not counted twice), re-scored.
 */
export async function projectPlan(scorer: Scorer, baseline: AnswersDocument, items: readonly { actionId: string | null; status: string }[]): Promise<Outcome<Projection>> {
  const current = await score(scorer, baseline);
  if (!current.ok) return current;
  const actions = new Map(scorer.index.content.actions.map((a) => [a.id, a]));
  const changes = items
    .filter((i) => i.status !== 'dropped' && i.actionId !== null)
    .map((i) => actions.get(i.actionId!)?.changes)
    .filter((c) => c !== undefined);
  const projected = await score(scorer, applyChanges(scorer.index, baseline, changes));
  if (!projected.ok) return projected;
  const delta = (a: number | null, b: number | null) => Math.round(((a ?? 0) - (b ?? 0)) * 10) / 10;
  return {
    ok: true,
    value: {
      current: current.value,
      projected: projected.value,
      gains: {
        global: delta(projected.value.global, current.value.global),
        pillars: Object.fromEntries(projected.value.pillars.map((p, i) => [p.id, delta(p.score, current.value.pillars[i]!.score)])),
      },
    },
  };
}

/** What one item would bring on its own: its indicator before and after, and the global points. */
export interface ItemGain {
  indicator: { before: number | null; after: number | null };
  global: number;
}

/**
 * Each item's own gain, from the baseline with only its action's changes applied. An action of
 * one's own (no actionId) changes no answer the engine knows: it has no computed gain (absent).
 */
export async function itemGains<T extends { id: number; actionId: string | null; indicator: string }>(scorer: Scorer, baseline: AnswersDocument, current: ScoreResult, items: readonly T[]): Promise<Map<number, ItemGain>> {
  const actions = new Map(scorer.index.content.actions.map((a) => [a.id, a]));
  const indicatorScore = (r: ScoreResult, id: string) => r.pillars.flatMap((p) => p.indicators).find((i) => i.id === id)?.score ?? null;
  const gains = new Map<number, ItemGain>();
  for (const item of items) {
    const action = item.actionId ? actions.get(item.actionId) : undefined;
    if (!action) continue;
    const projected = await score(scorer, applyChanges(scorer.index, baseline, [action.changes]));
    if (!projected.ok) continue;
    gains.set(item.id, {
      indicator: { before: indicatorScore(current, item.indicator), after: indicatorScore(projected.value, item.indicator) },
      global: Math.round(((projected.value.global ?? 0) - (current.global ?? 0)) * 10) / 10,
    });
  }
  return gains;
}
