import type { Applicability } from './applicability.js';
import { changed } from './apply-changes.js';
import { round1 } from './aggregate.js';
import { indicatorScore, type CompiledScorer, type QuickResult, type RowScores } from './compiled-scorer.js';
import type { SlotTest } from './condition.js';
import { compileSlots } from './generated-code.js';
import type { Action, AnswerChange, AnswersDocument, AnswerValue, Question } from './content-model.js';
import { compareSuggestions, type Gains } from './ranking.js';
import { ANSWERED_STATUS, ASKED, EXCLUDED, gatedVisibility, rowStateFrom, statusOf, type RowState } from './row-state.js';

interface CompiledAction {
  action: Action;
  fits?: SlotTest;
  requires?: SlotTest;
  /** The answers it changes, known questions only, in the action's order, each with what it made of answers already seen. */
  changes: { slot: number; question: Question; change: AnswerChange; seen: Map<unknown, AnswerValue | typeof UNCHANGED> }[];
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
        return question ? [{ slot: slots.get(id)!, question, change, seen: new Map<unknown, AnswerValue | typeof UNCHANGED>() }] : [];
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

/** Space reused by every action of every row (per compiled content; a row is scored in one go). */
interface Scratch {
  /** The answers an action changes, by slot (undefined elsewhere, and between actions). */
  proposed: (AnswerValue | undefined)[];
  /** Scores of the indicators an action moves (undefined for the others, and between actions). */
  moved: (number | null | undefined)[];
  /** What an action's re-examination overwrote. */
  saved: Saved;
  /** The candidate being weighed: copied only if it makes the top. */
  candidate: Candidate;
  /** In use: a call that never finished (it threw) left it so, and it is then made anew. */
  busy: boolean;
}

type Candidate = QuickSuggestion & Pick<Action, 'effort' | 'cost' | 'durationMonths'>;

const scratches = new WeakMap<CompiledScorer, Scratch>();

function scratchOf(compiled: CompiledScorer): Scratch {
  let scratch = scratches.get(compiled);
  if (!scratch || scratch.busy) {
    const candidate: Candidate = { actionId: '', indicator: '', gains: { global: 0, pillar: 0, indicator: 0 }, projected: { global: null, pillar: null, indicator: null }, effort: 'low', cost: 'none', durationMonths: 0 };
    scratch = { proposed: new Array<AnswerValue | undefined>(compiled.slots.size), moved: new Array<number | null | undefined>(compiled.indicators.length), saved: { status: [], shown: [], scored: [] }, candidate, busy: false };
    scratches.set(compiled, scratch);
  }
  return scratch;
}

/**
 * The same ranked suggestions as `suggest` (proven by tests), for batches: instead of re-scoring the
 * whole assessment per action, only the questions an action touches are re-examined and only the
 * indicators they feed are re-scored, in the row's own arrays, put back after each action.
 */
export function suggestForRow(compiled: CompiledScorer, actions: readonly CompiledAction[], row: RowState, base: RowScores, top: number): QuickSuggestion[] {
  const profile = row.values.slice(0, compiled.profileSlots);
  const scratch = scratchOf(compiled);
  const { moved, candidate } = scratch;
  const kept: Candidate[] = [];
  scratch.busy = true;
  for (const c of actions) {
    // Every score it can move is already at the top: moved indicators can only stay or fall (or
    // leave their pillar, which removes a top score from the mean), so it can gain nothing.
    if (allAtTop(c.indicators, base.indicators)) continue;
    if (c.fits && !c.fits(profile)) continue;
    if (c.requires && !c.requires(row.values)) continue;
    if (!rescore(compiled, c, row, profile, scratch)) continue; // Already achieved: nothing would change.
    // No indicator moves: every score stays as it is (the same sums in the same order), so no gain.
    if (movesAny(c.indicators, moved, base.indicators)) {
      project(compiled, c, base, moved, candidate.projected);
      candidate.gains.global = gain(candidate.projected.global, base.global);
      candidate.gains.pillar = gain(candidate.projected.pillar, base.pillars[c.pillar]);
      candidate.gains.indicator = gain(candidate.projected.indicator, base.indicators[c.indicator]);
      if (candidate.gains.indicator > 0 || candidate.gains.global > 0) {
        candidate.actionId = c.action.id;
        candidate.indicator = c.action.indicator;
        candidate.effort = c.action.effort;
        candidate.cost = c.action.cost;
        candidate.durationMonths = c.action.durationMonths;
        keepTop(kept, candidate, top);
      }
    }
    for (const n of c.indicators) moved[n] = undefined;
  }
  scratch.busy = false;
  return kept.map(({ actionId, indicator, gains, projected }) => ({ actionId, indicator, gains, projected }));
}

/**
 * The action done on the row's arrays, the scores of its indicators put in `scratch.moved`, and
 * the row put back as it was; false (and nothing done) when it would change no answer.
 */
function rescore(compiled: CompiledScorer, c: CompiledAction, row: RowState, profile: readonly unknown[], scratch: Scratch): boolean {
  if (!proposeChanges(row.values, c, scratch.proposed)) return false;
  reexamine(compiled, profile, row, scratch.proposed, c.affected, scratch.saved);
  for (const n of c.indicators) scratch.moved[n] = indicatorScore(compiled.indicators[n]!, row.scored, row.status);
  restore(compiled, row, c.affected, scratch.saved);
  for (const { slot } of c.changes) scratch.proposed[slot] = undefined;
  return true;
}

function movesAny(indicators: readonly number[], moved: readonly (number | null | undefined)[], scores: readonly (number | null)[]): boolean {
  for (const n of indicators) if (moved[n] !== scores[n]) return true;
  return false;
}

const gain = (a: number | null | undefined, b: number | null | undefined) => round1((a ?? 0) - (b ?? 0));

function allAtTop(indicators: readonly number[], scores: readonly (number | null)[]): boolean {
  for (const n of indicators) if (scores[n] !== MAX_SCORE) return false;
  return true;
}

/**
 * Inserts a copy of the candidate in a list kept sorted and no longer than `top`: the ranking
 * order is total (the action id breaks ties), so this is the head of the fully sorted list,
 * without sorting it all.
 */
function keepTop(sorted: Candidate[], candidate: Candidate, top: number): void {
  let at = sorted.length;
  while (at > 0 && compareSuggestions(candidate, sorted[at - 1]!) < 0) at--;
  if (at >= top) return;
  sorted.splice(at, 0, { ...candidate, gains: { ...candidate.gains }, projected: { ...candidate.projected } });
  if (sorted.length > top) sorted.pop();
}

/** Scores once the action is done, into `into`: only the pillars holding a moved indicator change; the global follows from the pillars. */
function project(compiled: CompiledScorer, c: CompiledAction, base: RowScores, moved: readonly (number | null | undefined)[], into: QuickSuggestion['projected']): void {
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
  into.global = globalWeight > 0 ? round1(global / globalWeight) : null;
  into.pillar = ownPillar;
  into.indicator = (own !== undefined ? own : base.indicators[c.indicator]) ?? null;
}

/**
 * Puts in `proposed` (by slot) the answers an action changes, only those that really change, and
 * tells whether there is one.
 */
function proposeChanges(values: readonly unknown[], c: CompiledAction, proposed: (AnswerValue | undefined)[]): boolean {
  let any = false;
  for (const { slot, question, change, seen } of c.changes) {
    const current = values[slot] as AnswerValue | undefined;
    // Rows repeat the same few answers: what a change makes of one is worked out once. A list is
    // remembered by itself when frozen (shared by the rows read from the same cell text).
    const cacheable = typeof current !== 'object' || Object.isFrozen(current);
    let value = cacheable ? seen.get(current) : undefined;
    if (value === undefined) {
      const next = changed(question, current, change);
      const fresh = next === undefined || sameAnswer(next, current) ? UNCHANGED : Array.isArray(next) ? (Object.freeze(next) as string[]) : next;
      if (cacheable && seen.size < MAX_SEEN) seen.set(current, fresh);
      value = fresh;
    }
    if (value === UNCHANGED) continue;
    proposed[slot] = value;
    any = true;
  }
  return any;
}

// What `seen` holds for an answer the change leaves as it is.
const UNCHANGED = Symbol('unchanged');

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
