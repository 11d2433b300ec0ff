import { evaluate } from './condition.js';
import type { Action, AnswersDocument, Testimony } from './content-model.js';
import { applyChanges } from './apply-changes.js';
import { score, type Scorer } from './score.js';
import type { ScoreResult } from './score-result.js';
import type { Outcome } from './issue.js';
import { compareSuggestions, type Gains } from './ranking.js';
import { compiledFor } from './compiled-cache.js';
import { suggestForRow } from './quick-suggest.js';
import { rowScores } from './compiled-scorer.js';
import { rowStateFrom } from './row-state.js';
import { validateAnswers } from './validate-answers.js';

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
 * Ranks the actions that fit this organisation and would raise its score, each gain computed by
 * re-scoring the assessment with the answers the action changes (never typed by hand). The
 * re-scoring runs on the compiled rules and works out only what each action touches; tests prove
 * the list equal to `suggestByRescoring`, which re-runs json-rules-engine on the whole assessment.
 */
export async function suggest(scorer: Scorer, doc: AnswersDocument): Promise<Outcome<{ result: ScoreResult; suggestions: Suggestion[] }>> {
  const base = await score(scorer, doc);
  if (!base.ok) return base;
  const { compiled, actions } = compiledFor(scorer.index);
  const { applicability } = validateAnswers(scorer.index, doc);
  const row = rowStateFrom(compiled, doc, applicability);
  const quick = suggestForRow(compiled, actions, row, rowScores(compiled, row), Number.MAX_SAFE_INTEGER);
  const byId = new Map(scorer.index.content.actions.map((a) => [a.id, a]));
  const testimonies = new Map(scorer.index.content.testimonies.map((t) => [t.id, t]));
  const suggestions = quick.map((q, i): Suggestion => {
    const action = byId.get(q.actionId)!;
    const projectedDoc = applyChanges(scorer.index, doc, [action.changes]);
    const pillar = scorer.index.indicators.get(action.indicator)!.pillar;
    return {
      rank: i + 1,
      ...describeAction(action, pillar, doc, projectedDoc, testimonies),
      gains: q.gains,
      current: scoresOf(base.value, pillar, action.indicator),
      projected: q.projected,
    };
  });
  return { ok: true, value: { result: base.value, suggestions } };
}

/** The reference: every fitting action applied and the whole assessment re-scored by json-rules-engine. */
export async function suggestByRescoring(scorer: Scorer, doc: AnswersDocument): Promise<Outcome<{ result: ScoreResult; suggestions: Suggestion[] }>> {
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
    ...describeAction(action, pillar, doc, projectedDoc, testimonies),
    gains: { global: gain(projected.global, current.global), pillar: gain(projected.pillar, current.pillar), indicator: gain(projected.indicator, current.indicator) },
    projected,
    current,
  };
}

/** What a suggestion says of its action, whatever computed its gains. */
function describeAction(action: Action, pillar: string, doc: AnswersDocument, projectedDoc: AnswersDocument, testimonies: ReadonlyMap<string, Testimony>) {
  return {
    actionId: action.id,
    indicator: action.indicator,
    pillar,
    effort: action.effort,
    cost: action.cost,
    durationMonths: action.durationMonths,
    changes: Object.keys(action.changes)
      .filter((q) => JSON.stringify(doc.answers[q]) !== JSON.stringify(projectedDoc.answers[q]))
      .map((q) => ({ question: q, from: doc.answers[q] ?? null, to: projectedDoc.answers[q] ?? null })),
    testimonies: byLikeness(action.testimonies.map((id) => testimonies.get(id)!).filter(Boolean), doc.profile),
  };
}

/** The global, pillar and indicator scores of a result, as a suggestion reports them. */
export function scoresOf(result: ScoreResult, pillarId: string, indicatorId: string) {
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
