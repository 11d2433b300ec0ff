import { evaluate } from './condition.js';
import type { ContentIndex } from './content-index.js';
import type { Action, AnswersDocument, Testimony } from './content-model.js';
import { applyChanges } from './apply-changes.js';
import { score, type Scorer } from './score.js';
import type { ScoreResult } from './score-result.js';
import type { Outcome } from './issue.js';
import { compareSuggestions, type Gains } from './ranking.js';

export type { Gains } from './ranking.js';

export interface Suggestion {
  rank: number;
  actionId: string;
  indicator: string;
  pillar: string;
  effort: Action['effort'];
  cost: Action['cost'];
  durationMonths: number;
  gains: Gains;
  /** Scores once the action is done. */
  projected: { global: number | null; pillar: number | null; indicator: number | null };
  /** Current scores, for the reason shown with the suggestion. */
  current: { global: number | null; pillar: number | null; indicator: number | null };
  /** The answers the action changes: from what to what. */
  changes: { question: string; from: unknown; to: unknown }[];
  /** Linked testimonies, the organisations most like this one first. */
  testimonies: string[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The specification of suggestions: every action that fits the organisation, its answers changed
 * and the whole assessment scored again by json-rules-engine; those that would raise a score,
 * ranked by gain per effort. Gains are never typed by hand. The app serves the compiled engine's
 * ranking (src/app/suggest-actions.ts), which tests hold equal to this.
 */
export async function suggestByRescoring(scorer: Scorer, doc: AnswersDocument): Promise<Outcome<{ result: ScoreResult; suggestions: Suggestion[] }>> {
  const base = await score(scorer, doc);
  if (!base.ok) return base;
  const candidates: Omit<Suggestion, 'rank'>[] = [];
  for (const action of scorer.index.content.actions) {
    if (action.fits && !evaluate(action.fits, doc.profile)) continue;
    if (action.requires && !evaluate(action.requires, { ...doc.profile, ...doc.answers })) continue;
    const projected = await score(scorer, applyChanges(scorer.index, doc, [action.changes]));
    if (!projected.ok) continue; // Content checks make this unreachable; never suggest what cannot be scored.
    const pillar = scorer.index.indicators.get(action.indicator)!.pillar;
    const current = scoresOf(base.value, pillar, action.indicator);
    const after = scoresOf(projected.value, pillar, action.indicator);
    const gain = (a: number | null, b: number | null) => round1((a ?? 0) - (b ?? 0));
    const gains = { global: gain(after.global, current.global), pillar: gain(after.pillar, current.pillar), indicator: gain(after.indicator, current.indicator) };
    // Already achieved, or nothing to gain for this organisation: not a suggestion.
    if (gains.indicator > 0 || gains.global > 0) candidates.push({ ...describeAction(scorer.index, action, doc), gains, projected: after, current });
  }
  candidates.sort(compareSuggestions);
  return { ok: true, value: { result: base.value, suggestions: candidates.map((s, i) => ({ rank: i + 1, ...s })) } };
}

/** What a suggestion says of its action, whatever computed its gains: its facts, the answers it changes, its testimonies. */
export function describeAction(index: ContentIndex, action: Action, doc: AnswersDocument): Omit<Suggestion, 'rank' | 'gains' | 'projected' | 'current'> {
  const projectedDoc = applyChanges(index, doc, [action.changes]);
  const testimonies = action.testimonies.map((id) => index.content.testimonies.find((t) => t.id === id)!).filter(Boolean);
  return {
    actionId: action.id,
    indicator: action.indicator,
    pillar: index.indicators.get(action.indicator)!.pillar,
    effort: action.effort,
    cost: action.cost,
    durationMonths: action.durationMonths,
    changes: Object.keys(action.changes)
      .filter((q) => JSON.stringify(doc.answers[q]) !== JSON.stringify(projectedDoc.answers[q]))
      .map((q) => ({ question: q, from: doc.answers[q] ?? null, to: projectedDoc.answers[q] ?? null })),
    testimonies: byLikeness(testimonies, doc.profile),
  };
}

/** The global, pillar and indicator scores of a result, as a suggestion reports them. */
export function scoresOf(result: ScoreResult, pillarId: string, indicatorId: string): Suggestion['current'] {
  const pillar = result.pillars.find((p) => p.id === pillarId);
  return { global: result.global, pillar: pillar?.score ?? null, indicator: pillar?.indicators.find((i) => i.id === indicatorId)?.score ?? null };
}

const SIZES = ['0', '1-9', '10-49', '50-249', '250-999', '1000+'];

/** Testimonies of organisations most like this one first: same sector, similar size, same region. */
export function byLikeness(items: readonly Testimony[], profile: AnswersDocument['profile']): string[] {
  const likeness = (t: Testimony) => {
    let points = 0;
    if (t.organisation.sector === profile.sector) points += 3;
    const a = SIZES.indexOf(String(t.organisation.headcount));
    const b = SIZES.indexOf(String(profile.headcount));
    if (a >= 0 && b >= 0) points += a === b ? 2 : Math.abs(a - b) === 1 ? 1 : 0;
    if (t.organisation.region && t.organisation.region === profile.region) points += 1;
    if (t.organisation.legalForm && t.organisation.legalForm === profile['legal-form']) points += 1;
    return points;
  };
  return [...items].sort((x, y) => likeness(y) - likeness(x) || (x.id < y.id ? -1 : 1)).map((t) => t.id);
}
