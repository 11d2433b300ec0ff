import { applyChanges } from './apply-changes.js';
import { evaluate } from './condition.js';
import type { AnswersDocument } from './content-model.js';
import { score, type Scorer } from './score.js';
import { byLikeness, scoresOf, type Suggestion } from './suggest.js';

/**
 * An action that builds on a suggested one: its `requires` does not hold on today's answers, but
 * does once that suggested action is done (having impact results verified needs them published
 * first). It is shown after the action it builds on, with what it adds once that one is done.
 */
export interface FollowUp extends Omit<Suggestion, 'rank'> {
  /** The suggested action it builds on; `gains` are what it adds once that one is done, from `current` (that one done) to `projected` (both done). */
  after: string;
}

export type WithFollowUps<S extends Suggestion> = S & { followUps: FollowUp[] };

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Attaches to each suggestion the actions that build on it. Each such action goes with the
 * best-ranked suggestion that opens it, and only if it then gains something.
 */
export async function withFollowUps<S extends Suggestion>(scorer: Scorer, doc: AnswersDocument, suggestions: readonly S[]): Promise<WithFollowUps<S>[]> {
  const actions = new Map(scorer.index.content.actions.map((a) => [a.id, a]));
  const testimonies = new Map(scorer.index.content.testimonies.map((t) => [t.id, t]));
  const found = new Map<string, FollowUp[]>();
  const waiting = scorer.index.content.actions.filter((a) =>
    a.requires && (!a.fits || evaluate(a.fits, doc.profile)) && !evaluate(a.requires, { ...doc.profile, ...doc.answers }));
  for (const action of waiting) {
    for (const s of suggestions) {
      const first = applyChanges(scorer.index, doc, [actions.get(s.actionId)!.changes]);
      if (!evaluate(action.requires!, { ...first.profile, ...first.answers })) continue;
      const both = applyChanges(scorer.index, first, [action.changes]);
      const [before, after] = await Promise.all([score(scorer, first), score(scorer, both)]);
      if (!before.ok || !after.ok) break;
      const pillar = scorer.index.indicators.get(action.indicator)!.pillar;
      const current = scoresOf(before.value, pillar, action.indicator);
      const projected = scoresOf(after.value, pillar, action.indicator);
      const gain = (a: number | null, b: number | null) => round1((a ?? 0) - (b ?? 0));
      const gains = { global: gain(projected.global, current.global), pillar: gain(projected.pillar, current.pillar), indicator: gain(projected.indicator, current.indicator) };
      if (gains.global > 0 || gains.indicator > 0) {
        const list = found.get(s.actionId) ?? [];
        list.push({
          actionId: action.id, indicator: action.indicator, pillar, effort: action.effort, cost: action.cost, durationMonths: action.durationMonths,
          after: s.actionId, gains, current, projected,
          changes: Object.keys(action.changes)
            .filter((q) => JSON.stringify(first.answers[q]) !== JSON.stringify(both.answers[q]))
            .map((q) => ({ question: q, from: first.answers[q] ?? null, to: both.answers[q] ?? null })),
          testimonies: byLikeness(action.testimonies.map((id) => testimonies.get(id)!).filter(Boolean), doc.profile),
        });
        found.set(s.actionId, list);
      }
      break;
    }
  }
  return suggestions.map((s) => ({ ...s, followUps: found.get(s.actionId) ?? [] }));
}
