import type { Applicability, QuestionStatus, Visibility } from './applicability.js';
import { changed } from './apply-changes.js';
import { round1 } from './aggregate.js';
import { indicatorScore, type CompiledIndicator, type CompiledScorer, type QuickResult } from './compiled-scorer.js';
import { compile, type Test } from './condition.js';
import type { Action, AnswersDocument, AnswerValue } from './content-model.js';
import { NOT_APPLICABLE } from './content-model.js';
import { compareSuggestions, type Gains } from './ranking.js';

interface CompiledAction {
  action: Action;
  fits?: Test;
  requires?: Test;
  /** Questions the action changes, then those whose showIf depends on them (transitively), in questionnaire order. */
  affected: string[];
  /** Indicators whose score can move, and their pillars. */
  compiledIndicators: CompiledIndicator[];
  pillars: Set<string>;
  /** The pillar of the action's own indicator, and how to read its score in a result. */
  pillar: string;
  basePillar: (result: QuickResult) => number | null;
}

export interface QuickSuggestion {
  actionId: string;
  indicator: string;
  gains: Gains;
  /** Scores once the action is done. */
  projected: { global: number | null; pillar: number | null; indicator: number | null };
}

/** The actions prepared once per content version for batch suggestions. */
export function compileActions(compiled: CompiledScorer): CompiledAction[] {
  const { index } = compiled;
  const order = [...index.questions.keys()];
  return index.content.actions.map((action) => {
    const affected = new Set(Object.keys(action.changes).filter((q) => index.questions.has(q)));
    for (const id of order) {
      if (index.questions.get(id)!.gates.some((g) => affected.has(g))) affected.add(id);
    }
    const list = order.filter((q) => affected.has(q));
    return {
      action,
      ...(action.fits && { fits: compile(action.fits) }),
      ...(action.requires && { requires: compile(action.requires) }),
      affected: list,
      compiledIndicators: compiled.indicators.filter((i) => list.some((q) => index.questions.get(q)!.indicator === i.id)),
      pillars: new Set(list.map((q) => index.questions.get(q)!.pillar)),
      pillar: index.indicators.get(action.indicator)!.pillar,
      basePillar: (result: QuickResult) => result.pillars.find((p) => p.id === index.indicators.get(action.indicator)!.pillar)?.score ?? null,
    };
  });
}

/**
 * The same ranked suggestions as `suggest` (proven by tests), for batches: instead of re-scoring the
 * whole assessment per action, only the questions an action touches are re-examined and only the
 * indicators they feed are re-scored.
 */
export function quickSuggest(compiled: CompiledScorer, actions: readonly CompiledAction[], doc: AnswersDocument, base: Applicability, result: QuickResult, top: number): QuickSuggestion[] {
  const { index } = compiled;
  const profile = new Map<string, unknown>(Object.entries(doc.profile));
  const all = new Map<string, unknown>([...profile, ...Object.entries(doc.answers)]);
  // What conditions read before any change: answers of asked questions (showIf), answered ones (rules).
  const shown = new Map<string, unknown>(profile);
  const scored = new Map<string, unknown>(profile);
  for (const [id, v] of base.visibility) {
    const answer = doc.answers[id];
    if (v !== 'asked' || answer === undefined) continue;
    shown.set(id, answer);
    if (base.status.get(id) === 'answered') scored.set(id, answer);
  }
  const baseScores = new Map(result.indicators.map((i) => [i.id, i.score]));
  const pillars = index.pillars.map((p) => ({
    id: p.id,
    weight: index.pillarWeights.get(p.id) ?? 0,
    score: result.pillars.find((x) => x.id === p.id)?.score ?? null,
    indicators: compiled.indicators.filter((i) => i.pillar === p.id),
  }));
  const candidates: (QuickSuggestion & Pick<Action, 'effort' | 'cost' | 'durationMonths'>)[] = [];
  for (const c of actions) {
    if (c.fits && !c.fits(profile)) continue;
    if (c.requires && !c.requires(all)) continue;
    const changes = changedAnswers(index, doc.answers, c.action);
    if (!changes) continue; // Already achieved: nothing would change.
    const after = reexamine(index, profile, doc.answers, changes, base, c.affected, shown, scored);
    const moved = new Map<string, number | null>();
    for (const indicator of c.compiledIndicators) moved.set(indicator.id, indicatorScore(indicator, after.scored, after.status));
    // Only the pillars holding a moved indicator change; the global follows from the pillars.
    let global = 0;
    let globalWeight = 0;
    let ownPillar: number | null = null;
    for (const p of pillars) {
      let score = p.score;
      if (c.pillars.has(p.id)) {
        let total = 0;
        let weights = 0;
        for (const i of p.indicators) {
          const v = moved.has(i.id) ? moved.get(i.id)! : (baseScores.get(i.id) ?? null);
          if (v === null) continue;
          total += v * i.weight;
          weights += i.weight;
        }
        score = weights > 0 ? round1(total / weights) : null;
      }
      if (p.id === c.pillar) ownPillar = score;
      if (score === null) continue;
      global += score * p.weight;
      globalWeight += p.weight;
    }
    const gain = (a: number | null | undefined, b: number | null | undefined) => round1((a ?? 0) - (b ?? 0));
    const before = baseScores.get(c.action.indicator);
    const projected = {
      global: globalWeight > 0 ? round1(global / globalWeight) : null,
      pillar: ownPillar,
      indicator: (moved.has(c.action.indicator) ? moved.get(c.action.indicator) : before) ?? null,
    };
    const gains = {
      global: gain(projected.global, result.global),
      pillar: gain(projected.pillar, c.basePillar(result)),
      indicator: gain(projected.indicator, before),
    };
    if (gains.indicator > 0 || gains.global > 0) {
      candidates.push({ actionId: c.action.id, indicator: c.action.indicator, gains, projected, effort: c.action.effort, cost: c.action.cost, durationMonths: c.action.durationMonths });
    }
  }
  candidates.sort(compareSuggestions);
  return candidates.slice(0, top).map(({ actionId, indicator, gains, projected }) => ({ actionId, indicator, gains, projected }));
}

/** A map that reads its own entries first, then the base's: a change costs what it changes. */
class Overlay<V> {
  private readonly own = new Map<string, V | undefined>();
  constructor(private readonly base: { get(key: string): V | undefined }) {}
  get(key: string): V | undefined {
    return this.own.has(key) ? this.own.get(key) : this.base.get(key);
  }
  set(key: string, value: V | undefined): void {
    this.own.set(key, value);
  }
}

/** The answers an action changes (only those that really change), or undefined when none does. */
function changedAnswers(index: CompiledScorer['index'], answers: Readonly<Record<string, AnswerValue>>, action: Action): Map<string, AnswerValue> | undefined {
  let next: Map<string, AnswerValue> | undefined;
  for (const [id, change] of Object.entries(action.changes)) {
    const question = index.questions.get(id)?.question;
    if (!question) continue;
    const value = changed(question, answers[id], change);
    if (value === undefined || sameAnswer(value, answers[id])) continue;
    (next ??= new Map()).set(id, value);
  }
  return next;
}

function sameAnswer(a: AnswerValue, b: AnswerValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * Visibility and status again for the affected questions only (the others cannot move: their gates
 * are untouched); answers that stop applying stop counting, as a save would drop them.
 */
function reexamine(
  index: CompiledScorer['index'],
  profile: ReadonlyMap<string, unknown>,
  before: Readonly<Record<string, AnswerValue>>,
  changes: ReadonlyMap<string, AnswerValue>,
  base: Applicability,
  affected: readonly string[],
  shownBefore: ReadonlyMap<string, unknown>,
  scoredBefore: ReadonlyMap<string, unknown>,
) {
  const status = new Overlay<QuestionStatus>(base.status);
  const shown = new Overlay<unknown>(shownBefore);
  const scored = new Overlay<unknown>(scoredBefore);
  for (const id of affected) {
    const entry = index.questions.get(id)!;
    let v: Visibility;
    if (entry.appliesTo && !entry.appliesTo(profile)) v = 'excluded';
    else if (!entry.showIf || entry.showIf(shown)) v = 'asked';
    else {
      const gates = entry.gates.filter((g) => status.get(g) !== undefined);
      v = gates.length > 0 && gates.every((g) => status.get(g) === 'not-applicable') ? 'excluded' : 'hidden';
    }
    const answer = changes.has(id) ? changes.get(id) : before[id];
    const s: QuestionStatus = v === 'excluded' ? 'not-applicable' : v === 'hidden' ? 'hidden' : answer === undefined ? 'unanswered' : answer === NOT_APPLICABLE ? 'not-applicable' : 'answered';
    status.set(id, s);
    shown.set(id, v === 'asked' ? answer : undefined);
    scored.set(id, s === 'answered' ? answer : undefined);
  }
  return { status, scored };
}
