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
