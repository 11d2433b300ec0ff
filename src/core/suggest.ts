import { evaluate } from './condition.js';
import type { Action, AnswersDocument, Testimony } from './content-model.js';
import { applyChanges } from './apply-changes.js';
import { score, type Scorer } from './score.js';
import type { ScoreResult } from './score-result.js';
import type { Outcome } from './issue.js';

/** What an action would gain: points of the global score, of its pillar and of its indicator. */
export interface Gains {
  global: number;
  pillar: number;
  indicator: number;
}

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

// Gain per unit of effort ranks the suggestions: a quick win before a long project of equal gain.
const EFFORT_WEIGHT = { low: 1, medium: 2, high: 4 } as const;
const COST_ORDER = { none: 0, low: 1, medium: 2, high: 3 } as const;

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Ranks the actions that fit this organisation and would raise its score, each gain computed by
 * re-scoring the assessment with the answers the action changes (never typed by hand).
 */
export async function suggest(scorer: Scorer, doc: AnswersDocument): Promise<Outcome<{ result: ScoreResult; suggestions: Suggestion[] }>> {
  const base = await score(scorer, doc);
  if (!base.ok) return base;
  const { content } = scorer.index;
  const testimonies = new Map(content.testimonies.map((t) => [t.id, t]));
  const candidates: Omit<Suggestion, 'rank'>[] = [];
  for (const action of content.actions) {
    if (action.fits && !evaluate(action.fits, doc.profile)) continue;
    if (action.requires && !evaluate(action.requires, { ...doc.profile, ...doc.answers })) continue;
    const projectedDoc = applyChanges(scorer.index, doc, [action.changes]);
    const projected = await score(scorer, projectedDoc);
    if (!projected.ok) continue; // Content checks make this unreachable; never suggest what cannot be scored.
    const suggestion = describe(scorer, action, doc, projectedDoc, base.value, projected.value, testimonies);
    // Already achieved, or nothing to gain for this organisation: not a suggestion.
    if (suggestion.gains.indicator > 0 || suggestion.gains.global > 0) candidates.push(suggestion);
  }
  candidates.sort(compareSuggestions);
  return { ok: true, value: { result: base.value, suggestions: candidates.map((s, i) => ({ rank: i + 1, ...s })) } };
}

function describe(
  scorer: Scorer,
  action: Action,
  doc: AnswersDocument,
  projectedDoc: AnswersDocument,
  before: ScoreResult,
  after: ScoreResult,
  testimonies: ReadonlyMap<string, Testimony>,
): Omit<Suggestion, 'rank'> {
  const pillar = scorer.index.indicators.get(action.indicator)!.pillar;
  const current = scoresOf(before, pillar, action.indicator);
  const projected = scoresOf(after, pillar, action.indicator);
  const gain = (a: number | null, b: number | null) => round1((a ?? 0) - (b ?? 0));
  return {
    actionId: action.id,
    indicator: action.indicator,
    pillar,
    effort: action.effort,
    cost: action.cost,
    durationMonths: action.durationMonths,
    gains: { global: gain(projected.global, current.global), pillar: gain(projected.pillar, current.pillar), indicator: gain(projected.indicator, current.indicator) },
    projected,
    current,
    changes: Object.keys(action.changes)
      .filter((q) => JSON.stringify(doc.answers[q]) !== JSON.stringify(projectedDoc.answers[q]))
      .map((q) => ({ question: q, from: doc.answers[q] ?? null, to: projectedDoc.answers[q] ?? null })),
    testimonies: byLikeness(action.testimonies.map((id) => testimonies.get(id)!).filter(Boolean), doc.profile),
  };
}

function scoresOf(result: ScoreResult, pillarId: string, indicatorId: string) {
  const pillar = result.pillars.find((p) => p.id === pillarId);
  return { global: result.global, pillar: pillar?.score ?? null, indicator: pillar?.indicators.find((i) => i.id === indicatorId)?.score ?? null };
}

/** The ranking order: gain per effort, then global and indicator gain, cost, duration, id. */
export function compareSuggestions(a: Pick<Suggestion, 'gains' | 'effort' | 'cost' | 'durationMonths' | 'actionId'>, b: Pick<Suggestion, 'gains' | 'effort' | 'cost' | 'durationMonths' | 'actionId'>): number {
  const value = (s: Pick<Suggestion, 'gains' | 'effort'>) => s.gains.global / EFFORT_WEIGHT[s.effort];
  return (
    value(b) - value(a) ||
    b.gains.global - a.gains.global ||
    b.gains.indicator - a.gains.indicator ||
    COST_ORDER[a.cost] - COST_ORDER[b.cost] ||
    a.durationMonths - b.durationMonths ||
    (a.actionId < b.actionId ? -1 : a.actionId > b.actionId ? 1 : 0)
  );
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
