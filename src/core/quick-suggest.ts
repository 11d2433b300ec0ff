import type { Applicability } from './applicability.js';
import { changed } from './apply-changes.js';
import { round1 } from './aggregate.js';
import { indicatorScore, type CompiledScorer, type QuickResult, type RowScores } from './compiled-scorer.js';
import { compileSlots, type SlotTest } from './condition.js';
import type { Action, AnswerChange, AnswersDocument, AnswerValue, Question } from './content-model.js';
import { compareSuggestions, type Gains } from './ranking.js';
import { ANSWERED_STATUS, ASKED, EXCLUDED, gatedVisibility, rowStateFrom, statusOf, type RowState } from './row-state.js';

interface CompiledAction {
  action: Action;
  fits?: SlotTest;
  requires?: SlotTest;
  /** The answers it changes, known questions only, in the action's order, each with what it made of answers already seen. */
  changes: { slot: number; question: Question; change: AnswerChange; seen: Map<unknown, AnswerValue | undefined> }[];
  /** Question numbers it changes, then those whose showIf depends on them (transitively), in questionnaire order. */
  affected: number[];
  /** Indicators whose score can move (positions in `compiled.indicators`), and their pillars (in `compiled.pillars`). */
  indicators: number[];
  /** By pillar position: whether the action can move it. */
  pillars: boolean[];
  /** Its own indicator and pillar, by position. */
  indicator: number;
  pillar: number;
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
  const { index, slots, profileSlots } = compiled;
  const order = [...index.questions.keys()];
  const indicatorIds = compiled.indicators.map((i) => i.id);
  const pillarIds = compiled.pillars.map((p) => p.id);
  return index.content.actions.map((action) => {
    const affected = new Set(Object.keys(action.changes).filter((q) => index.questions.has(q)));
    for (const id of order) {
      if (index.questions.get(id)!.gates.some((g) => affected.has(g))) affected.add(id);
    }
    const list = order.filter((q) => affected.has(q));
    const touched = new Set(list.map((q) => index.questions.get(q)!.indicator));
    return {
      action,
      ...(action.fits && { fits: compileSlots(action.fits, slots) }),
      ...(action.requires && { requires: compileSlots(action.requires, slots) }),
      changes: Object.entries(action.changes).flatMap(([id, change]) => {
        const question = index.questions.get(id)?.question;
        return question ? [{ slot: slots.get(id)!, question, change, seen: new Map<unknown, AnswerValue | undefined>() }] : [];
      }),
      affected: list.map((q) => slots.get(q)! - profileSlots),
      indicators: indicatorIds.flatMap((id, n) => (touched.has(id) ? [n] : [])),
      pillars: pillarIds.map((id) => list.some((q) => index.questions.get(q)!.pillar === id)),
      indicator: indicatorIds.indexOf(action.indicator),
      pillar: pillarIds.indexOf(index.indicators.get(action.indicator)!.pillar),
    };
  });
}

/** `suggestForRow` for a document and its applicability, as `validateAnswers` gives them. */
export function quickSuggest(compiled: CompiledScorer, actions: readonly CompiledAction[], doc: AnswersDocument, base: Applicability, result: QuickResult, top: number): QuickSuggestion[] {
  const indicators = new Map(result.indicators.map((i) => [i.id, i.score]));
  const pillars = new Map(result.pillars.map((p) => [p.id, p.score]));
  const scores: RowScores = {
    global: result.global,
    pillars: compiled.pillars.map((p) => pillars.get(p.id) ?? null),
    indicators: compiled.indicators.map((i) => indicators.get(i.id) ?? null),
  };
  return suggestForRow(compiled, actions, rowStateFrom(compiled, doc, base), scores, top);
}

const MAX_SCORE = 100;

/**
 * The same ranked suggestions as `suggest` (proven by tests), for batches: instead of re-scoring the
 * whole assessment per action, only the questions an action touches are re-examined and only the
 * indicators they feed are re-scored, in the row's own arrays, put back after each action.
 */
export function suggestForRow(compiled: CompiledScorer, actions: readonly CompiledAction[], row: RowState, base: RowScores, top: number): QuickSuggestion[] {
  const profile = row.values.slice(0, compiled.profileSlots);
  // Scratch space reused by every action: scores of the indicators it moves (undefined for the
  // others), the answers it changes by slot, and what its re-examination overwrote.
  const moved = new Array<number | null | undefined>(compiled.indicators.length);
  const proposed = new Array<AnswerValue | undefined>(row.values.length);
  const keys = new Array<unknown>(row.values.length);
  const saved = { status: [] as number[], shown: [] as unknown[], scored: [] as unknown[] };
  const candidates: (QuickSuggestion & Pick<Action, 'effort' | 'cost' | 'durationMonths'>)[] = [];
  for (const c of actions) {
    // Every score it can move is already at the top: moved indicators can only stay or fall (or
    // leave their pillar, which removes a top score from the mean), so it can gain nothing.
    if (allAtTop(c.indicators, base.indicators)) continue;
    if (c.fits && !c.fits(profile)) continue;
    if (c.requires && !c.requires(row.values)) continue;
    if (!proposeChanges(row.values, c, keys, proposed)) continue; // Already achieved: nothing would change.
    reexamine(compiled, profile, row, proposed, c.affected, saved);
    for (const n of c.indicators) moved[n] = indicatorScore(compiled.indicators[n]!, row.scored, row.status);
    restore(compiled, row, c.affected, saved);
    for (const { slot } of c.changes) proposed[slot] = undefined;
    const projected = project(compiled, c, base, moved);
    for (const n of c.indicators) moved[n] = undefined;
    const gains = {
      global: gain(projected.global, base.global),
      pillar: gain(projected.pillar, base.pillars[c.pillar]),
      indicator: gain(projected.indicator, base.indicators[c.indicator]),
    };
    if (gains.indicator > 0 || gains.global > 0) {
      keepTop(candidates, { actionId: c.action.id, indicator: c.action.indicator, gains, projected, effort: c.action.effort, cost: c.action.cost, durationMonths: c.action.durationMonths }, top);
    }
  }
  return candidates.map(({ actionId, indicator, gains, projected }) => ({ actionId, indicator, gains, projected }));
}

const gain = (a: number | null | undefined, b: number | null | undefined) => round1((a ?? 0) - (b ?? 0));

function allAtTop(indicators: readonly number[], scores: readonly (number | null)[]): boolean {
  for (const n of indicators) if (scores[n] !== MAX_SCORE) return false;
  return true;
}

/**
 * Inserts a candidate in a list kept sorted and no longer than `top`: the ranking order is total
 * (the action id breaks ties), so this is the head of the fully sorted list, without sorting it all.
 */
function keepTop<T extends Parameters<typeof compareSuggestions>[0]>(sorted: T[], candidate: T, top: number): void {
  let at = sorted.length;
  while (at > 0 && compareSuggestions(candidate, sorted[at - 1]!) < 0) at--;
  if (at >= top) return;
  sorted.splice(at, 0, candidate);
  if (sorted.length > top) sorted.pop();
}

/** Scores once the action is done: only the pillars holding a moved indicator change; the global follows from the pillars. */
function project(compiled: CompiledScorer, c: CompiledAction, base: RowScores, moved: readonly (number | null | undefined)[]): QuickSuggestion['projected'] {
  let global = 0;
  let globalWeight = 0;
  let ownPillar: number | null = null;
  for (let pn = 0; pn < compiled.pillars.length; pn++) {
    const p = compiled.pillars[pn]!;
    let score: number | null = base.pillars[pn]!;
    if (c.pillars[pn]) {
      let total = 0;
      let weights = 0;
      for (const n of p.indicators) {
        const v = moved[n] !== undefined ? moved[n]! : base.indicators[n]!;
        if (v === null) continue;
        const { weight } = compiled.indicators[n]!;
        total += v * weight;
        weights += weight;
      }
      score = weights > 0 ? round1(total / weights) : null;
    }
    if (pn === c.pillar) ownPillar = score;
    if (score === null) continue;
    global += score * p.weight;
    globalWeight += p.weight;
  }
  const own = moved[c.indicator];
  return {
    global: globalWeight > 0 ? round1(global / globalWeight) : null,
    pillar: ownPillar,
    indicator: (own !== undefined ? own : base.indicators[c.indicator]) ?? null,
  };
}

/**
 * Puts in `proposed` (by slot) the answers an action changes, only those that really change, and
 * tells whether there is one. `keys` holds, per slot, the row's answer as a key for `seen` (made once per row).
 */
function proposeChanges(values: readonly unknown[], c: CompiledAction, keys: unknown[], proposed: (AnswerValue | undefined)[]): boolean {
  let any = false;
  for (const { slot, question, change, seen } of c.changes) {
    const current = values[slot] as AnswerValue | undefined;
    // Rows repeat the same few answers: what a change makes of one is worked out once.
    let key = keys[slot];
    if (key === undefined && Array.isArray(current)) key = keys[slot] = `\u0000${current.join('\u0000')}`;
    else if (key === undefined) key = current;
    let value = seen.get(key);
    if (value === undefined && !seen.has(key)) {
      value = changed(question, current, change);
      if (value !== undefined && sameAnswer(value, current)) value = undefined;
      if (seen.size < MAX_SEEN) seen.set(key, value);
    }
    if (value === undefined) continue;
    proposed[slot] = value;
    any = true;
  }
  return any;
}

// Enough for every combination of options a real portfolio uses; numbers beyond it are worked out each time.
const MAX_SEEN = 1000;

function sameAnswer(a: AnswerValue, b: AnswerValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * Visibility and status again for the affected questions only (the others cannot move: their gates
 * are untouched), written into the row's arrays; answers that stop applying stop counting, as a
 * save would drop them. What it overwrites goes to `saved`, for `restore`.
 */
function reexamine(compiled: CompiledScorer, profile: readonly unknown[], row: RowState, proposed: readonly (AnswerValue | undefined)[], affected: readonly number[], saved: Saved): void {
  for (let k = 0; k < affected.length; k++) {
    const n = affected[k]!;
    const q = compiled.questions[n]!;
    const v = q.appliesTo && !q.appliesTo(profile) ? EXCLUDED : !q.showIf || q.showIf(row.shown) ? ASKED : gatedVisibility(q.gates, row.status, Infinity);
    const answer = proposed[q.slot] !== undefined ? proposed[q.slot] : row.values[q.slot];
    const s = statusOf(v, answer);
    saved.status[k] = row.status[n]!;
    saved.shown[k] = row.shown[q.slot];
    saved.scored[k] = row.scored[q.slot];
    row.status[n] = s;
    row.shown[q.slot] = v === ASKED ? answer : undefined;
    row.scored[q.slot] = s === ANSWERED_STATUS ? answer : undefined;
  }
}

interface Saved {
  status: number[];
  shown: unknown[];
  scored: unknown[];
}

/** Puts the row back as it was before `reexamine`. */
function restore(compiled: CompiledScorer, row: RowState, affected: readonly number[], saved: Saved): void {
  for (let k = affected.length - 1; k >= 0; k--) {
    const n = affected[k]!;
    const { slot } = compiled.questions[n]!;
    row.status[n] = saved.status[k]!;
    row.shown[slot] = saved.shown[k];
    row.scored[slot] = saved.scored[k];
  }
}
