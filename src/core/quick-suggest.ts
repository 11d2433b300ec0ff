import type { Applicability } from './applicability.js';
import { changed } from './apply-changes.js';
import { round1 } from './aggregate.js';
import { rowScores, type CompiledScorer, type RowScores } from './compiled-scorer.js';
import type { Condition, SlotTest } from './condition.js';
import { compileSlots } from './generated-code.js';
import type { Action, AnswerChange, AnswersDocument, AnswerValue, Question } from './content-model.js';
import { compareSuggestions, effortUnits, gainPerEffort, type Gains } from './ranking.js';
import { ANSWERED_STATUS, ASKED, EXCLUDED, gatedVisibility, rowStateFrom, statusOf, type RowState } from './row-state.js';

interface CompiledAction {
  action: Action;
  /** Its fits condition's position in the actions' distinct ones (`fitsTests`; -1: fits everyone): actions share a few (42 actions, 16 conditions), so a row tests each once. */
  fits: number;
  fitsTest: SlotTest | undefined;
  /** The units of effort its gain is divided by to rank it (see `gainPerEffort`). */
  effortUnits: number;
  // Always present (undefined when absent): every action has the same shape, which keeps V8's property reads fast.
  requires: SlotTest | undefined;
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
  /** Each indicator it can move, with the criteria of it that read an affected question: what bounds its gain (see `gainBound`). */
  moves: Move[];
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
  const fitsKeys = new Map<string, { at: number; test: SlotTest }>();
  const fitsOf = (condition: Condition) => {
    const key = JSON.stringify(condition);
    let fits = fitsKeys.get(key);
    if (!fits) fitsKeys.set(key, (fits = { at: fitsKeys.size, test: compileSlots(condition, slots) }));
    return fits;
  };
  return index.content.actions.map((action) => {
    const changedIds = Object.keys(action.changes).filter((q) => index.questions.has(q));
    const affected = new Set(changedIds);
    for (const id of order) {
      if (index.questions.get(id)!.gates.some((g) => affected.has(g))) affected.add(id);
    }
    const list = order.filter((q) => affected.has(q));
    const numbers = new Set(list.map((q) => slots.get(q)! - profileSlots));
    // An indicator moves when it holds an affected question or one of its rules reads one.
    const reads = (n: number) => compiled.indicators[n]!.criteria.some((k) => k.questionNumbers.some((q) => numbers.has(q)));
    const owners = new Set(list.map((q) => index.questions.get(q)!.indicator));
    const indicators = indicatorIds.flatMap((id, n) => (owners.has(id) || reads(n) ? [n] : []));
    const changes = Object.entries(action.changes).flatMap(([id, change]) => {
      const question = index.questions.get(id)?.question;
      return question ? [{ slot: slots.get(id)!, question, change, seen: new Map<unknown, AnswerValue | typeof UNCHANGED>() }] : [];
    });
    const fits = action.fits && fitsOf(action.fits);
    return {
      action,
      fits: fits ? fits.at : -1,
      fitsTest: fits?.test,
      effortUnits: effortUnits(action.effort),
      requires: action.requires && compileSlots(action.requires, slots),
      changes,
      affected: [...numbers],
      indicators,
      pillars: compiled.pillars.map((p) => p.indicators.some((n) => indicators.includes(n))),
      indicator: indicatorIds.indexOf(action.indicator),
      pillar: pillarIds.indexOf(index.indicators.get(action.indicator)!.pillar),
      moves: indicators.map((n) => moveOf(compiled, n, numbers)),
    };
  });
}

/** An indicator an action can move, and the criteria of it that read what the action changes (the others keep their points). */
interface Move {
  indicator: number;
  weight: number;
  pillar: number;
  pillarWeight: number;
  /** Positions of the touched criteria, and their points available. */
  touched: number[];
  touchedMax: number[];
}

function moveOf(compiled: CompiledScorer, indicator: number, affected: ReadonlySet<number>): Move {
  const { weight, criteria } = compiled.indicators[indicator]!;
  const touched = criteria.filter((k) => k.questionNumbers.some((q) => affected.has(q)));
  const pillar = compiled.pillars.findIndex((p) => p.indicators.includes(indicator));
  return {
    indicator,
    weight,
    pillar,
    pillarWeight: compiled.pillars[pillar]!.weight,
    touched: touched.map((k) => k.position),
    touchedMax: touched.map((k) => k.max),
  };
}

/** `suggestForRow` for a document and its applicability, as `validateAnswers` gives them. */
export function quickSuggest(compiled: CompiledScorer, actions: readonly CompiledAction[], doc: AnswersDocument, base: Applicability, top: number): QuickSuggestion[] {
  const row = rowStateFrom(compiled, doc, base);
  return suggestForRow(compiled, actions, row, rowScores(compiled, row), top);
}

const MAX_SCORE = 100;

/** Space reused by every action of every row (per compiled content; a row is scored in one go). */
interface Scratch {
  /** The answers an action changes, by slot (undefined elsewhere, and between actions). */
  proposed: (AnswerValue | undefined)[];
  /** Scores of the indicators an action moves (undefined for the others, and between actions). */
  moved: (number | null | undefined)[];
  /** Criteria points of a re-scored indicator (not read: the row's own stay in `RowScores.criteria`). */
  points: Float64Array;
  /** Per action: the most it could be worth (its rank value), -Infinity once done or when it cannot gain. */
  bounds: Float64Array;
  /** The row's scores without one indicator (or pillar), as sums: what bounds add a bounded score to. */
  rest: Rest;
  /** What an action's re-examination overwrote. */
  saved: Saved;
  /** The candidate being weighed: copied only if it makes the top. */
  candidate: Candidate;
  /** The actions' distinct fits conditions (see `CompiledAction.fits`), and whether each holds for the row's profile. */
  fitsTests: SlotTest[];
  fits: Uint8Array;
  /** In use: a call that never finished (it threw) left it so, and it is then made anew. */
  busy: boolean;
}

type Candidate = QuickSuggestion & Pick<Action, 'effort' | 'cost' | 'durationMonths'>;

const scratches = new WeakMap<readonly CompiledAction[], Scratch>();

function scratchOf(compiled: CompiledScorer, actions: readonly CompiledAction[]): Scratch {
  let scratch = scratches.get(actions);
  if (!scratch || scratch.busy) {
    const candidate: Candidate = { actionId: '', indicator: '', gains: { global: 0, pillar: 0, indicator: 0 }, projected: { global: null, pillar: null, indicator: null }, effort: 'low', cost: 'none', durationMonths: 0 };
    scratch = {
      proposed: new Array<AnswerValue | undefined>(compiled.slots.size),
      moved: new Array<number | null | undefined>(compiled.indicators.length),
      points: new Float64Array(compiled.criteria),
      bounds: new Float64Array(actions.length),
      rest: restFor(compiled),
      saved: { status: [], shown: [], scored: [] },
      candidate,
      fitsTests: [],
      fits: new Uint8Array(0),
      busy: false,
    };
    for (const c of actions) if (c.fitsTest) scratch.fitsTests[c.fits] = c.fitsTest;
    scratch.fits = new Uint8Array(scratch.fitsTests.length);
    scratches.set(actions, scratch);
  }
  return scratch;
}

/**
 * The same ranked suggestions as `suggest` (proven by tests), for batches: instead of re-scoring the
 * whole assessment per action, only the questions an action touches are re-examined and only the
 * indicators they feed are re-scored, in the row's own arrays, put back after each action.
 *
 * Only the top ones are wanted: each action's gain is bounded first (cheaply, from the criteria it
 * touches), the most promising are done first, and those whose bound cannot reach the last kept
 * are never done. The bound is never below the gain (see `gainBound`), so the list is the same as
 * doing every action (tested).
 */
export function suggestForRow(compiled: CompiledScorer, actions: readonly CompiledAction[], row: RowState, base: RowScores, top: number): QuickSuggestion[] {
  if (top <= 0) return [];
  const { profile } = row;
  const scratch = scratchOf(compiled, actions);
  const { moved, candidate, bounds } = scratch;
  const kept: Candidate[] = [];
  scratch.busy = true;
  fillBounds(compiled, actions, profile, base, scratch);
  for (;;) {
    const i = mostPromising(bounds);
    if (i < 0 || (kept.length >= top && bounds[i]! < gainPerEffort(kept[top - 1]!.gains.global, kept[top - 1]!.effort))) break;
    bounds[i] = -Infinity;
    const c = actions[i]!;
    if (c.requires && !c.requires(row.values)) continue;
    if (!rescore(compiled, c, row, scratch)) continue; // Already achieved: nothing would change.
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

/** Each action's bound by position, as `suggestForRow` weighs them before doing any (for tests). */
export function actionBounds(compiled: CompiledScorer, actions: readonly CompiledAction[], row: RowState, base: RowScores): Float64Array {
  const scratch = scratchOf(compiled, actions);
  fillBounds(compiled, actions, row.profile, base, scratch);
  return scratch.bounds.slice();
}

/**
 * Into `scratch.bounds`: -Infinity for an action that does not fit or cannot gain, its bound
 * otherwise (see `gainBound`).
 */
function fillBounds(compiled: CompiledScorer, actions: readonly CompiledAction[], profile: readonly unknown[], base: RowScores, scratch: Scratch): void {
  restOf(compiled, base, scratch.rest);
  const { fits, fitsTests } = scratch;
  for (let k = 0; k < fitsTests.length; k++) fits[k] = fitsTests[k]!(profile) ? 1 : 0;
  for (let i = 0; i < actions.length; i++) {
    const c = actions[i]!;
    // Every score it can move is already at the top: moved indicators can only stay or fall (or
    // leave their pillar, which removes a top score from the mean), so it can gain nothing.
    const hopeless = allAtTop(c.indicators, base.indicators) || (c.fits >= 0 && fits[c.fits] === 0);
    scratch.bounds[i] = hopeless ? -Infinity : gainBound(compiled, c, base, scratch);
  }
}

/** The action with the highest bound not yet done (-1 when none is left): the first in order among equals. */
function mostPromising(bounds: Float64Array): number {
  let best = -1;
  let value = -Infinity;
  for (let i = 0; i < bounds.length; i++) {
    if (bounds[i]! > value) {
      value = bounds[i]!;
      best = i;
    }
  }
  return best;
}

/**
 * The most an action can be worth (its rank value).
 *
 * A criterion the action does not touch keeps its points and whether it applies. The touched
 * ones, with their points p ≤ m of m available, turn the indicator's share P/M of the untouched
 * into (P + p) / (M + m), at most (P + S) / (M + S) with S all the touched points available, since
 * adding the same to both sides of a share of at most 100 % never lowers it. That is the bound on
 * each moved indicator, projected as a real outcome would be (every step keeps the order of its
 * inputs). An indicator can also end without a score, but only when none of its untouched
 * criteria applies, and its bound is then 100: a weighted mean with a 100 added is never below
 * the same mean without it, so that ending never gains more. The fast path, one moved indicator
 * (most actions), adds its bound to sums of the rest taken in another order, hence SLACK before each rounding.
 */
function gainBound(compiled: CompiledScorer, c: CompiledAction, base: RowScores, scratch: Scratch): number {
  const { rest, moved, candidate } = scratch;
  const { moves } = c;
  for (let n = 0; n < moves.length; n++) {
    const m = moves[n]!;
    const { indicator, touched, touchedMax } = m;
    let points = rest.points[indicator]!;
    let available = rest.available[indicator]!;
    for (let k = 0; k < touched.length; k++) {
      const now = base.criteria[touched[k]!]!;
      const max = touchedMax[k]!;
      if (now >= 0) {
        points += max - now;
      } else {
        points += max;
        available += max;
      }
    }
    const score = available > 0 ? Math.min(MAX_SCORE, round1((100 * points) / available + SLACK)) : null;
    if (moves.length === 1) return singleBound(m, base, rest, score) / c.effortUnits;
    moved[indicator] = score;
  }
  project(compiled, c, base, moved, candidate.projected);
  for (let n = 0; n < moves.length; n++) moved[moves[n]!.indicator] = undefined;
  return gain(candidate.projected.global, base.global) / c.effortUnits;
}

/** The global gain with one indicator at `score` (null: none), added to the sums of the rest of its pillar and of the other pillars. */
function singleBound(m: Move, base: RowScores, rest: Rest, score: number | null): number {
  const weights = rest.weights[m.indicator]! + (score === null ? 0 : m.weight);
  const pillarScore = weights > 0 ? round1((rest.total[m.indicator]! + (score === null ? 0 : score * m.weight)) / weights + SLACK) : null;
  let total = rest.global[m.pillar]!;
  let totalWeight = rest.globalWeights[m.pillar]!;
  if (pillarScore !== null) {
    total += pillarScore * m.pillarWeight;
    totalWeight += m.pillarWeight;
  }
  return gain(totalWeight > 0 ? round1(total / totalWeight + SLACK) : null, base.global);
}

const SLACK = 1e-9;

interface Rest {
  /** Of the content, as numbers in a row for fast reading: where each indicator's criteria start (and end), their points available, each indicator's weight. */
  firstCriterion: Int32Array;
  criterionMax: Float64Array;
  weight: Float64Array;
  /** The row's indicator scores, NaN for none. */
  scores: Float64Array;
  /** By indicator: its points and points available. */
  points: Float64Array;
  available: Float64Array;
  /** By indicator: the weighted sum and weights of the other scored indicators of its pillar. */
  total: Float64Array;
  weights: Float64Array;
  /** By pillar: the weighted sum and weights of the other scored pillars. */
  global: Float64Array;
  globalWeights: Float64Array;
}

function restFor(compiled: CompiledScorer): Rest {
  const indicators = compiled.indicators.length;
  const criteria = compiled.indicators.flatMap((i) => i.criteria);
  if (criteria.some((k, n) => k.position !== n)) throw new Error('criteria positions are not in order');
  let first = 0;
  const firsts = compiled.indicators.map((i) => (first += i.criteria.length) - i.criteria.length);
  return {
    firstCriterion: Int32Array.from([...firsts, criteria.length]),
    criterionMax: Float64Array.from(criteria.map((k) => k.max)),
    weight: Float64Array.from(compiled.indicators.map((i) => i.weight)),
    scores: new Float64Array(indicators),
    points: new Float64Array(indicators),
    available: new Float64Array(indicators),
    total: new Float64Array(indicators),
    weights: new Float64Array(indicators),
    global: new Float64Array(compiled.pillars.length),
    globalWeights: new Float64Array(compiled.pillars.length),
  };
}

function restOf(compiled: CompiledScorer, base: RowScores, rest: Rest): void {
  const { firstCriterion, criterionMax, weight, scores } = rest;
  for (let n = 0; n < compiled.indicators.length; n++) {
    let points = 0;
    let available = 0;
    // An indicator's criteria have consecutive positions.
    for (let k = firstCriterion[n]!; k < firstCriterion[n + 1]!; k++) {
      const now = base.criteria[k]!;
      if (now < 0) continue;
      points += now;
      available += criterionMax[k]!;
    }
    rest.points[n] = points;
    rest.available[n] = available;
    const score = base.indicators[n]!;
    scores[n] = score === null ? Number.NaN : score;
  }
  for (const p of compiled.pillars) {
    for (const n of p.indicators) {
      let total = 0;
      let weights = 0;
      for (const m of p.indicators) {
        const score = scores[m]!;
        if (m === n || score !== score) continue; // NaN: no score
        total += score * weight[m]!;
        weights += weight[m]!;
      }
      rest.total[n] = total;
      rest.weights[n] = weights;
    }
  }
  for (let pn = 0; pn < compiled.pillars.length; pn++) {
    let total = 0;
    let weights = 0;
    for (let other = 0; other < compiled.pillars.length; other++) {
      const score = base.pillars[other]!;
      if (other === pn || score === null) continue;
      total += score * compiled.pillars[other]!.weight;
      weights += compiled.pillars[other]!.weight;
    }
    rest.global[pn] = total;
    rest.globalWeights[pn] = weights;
  }
}

/**
 * The action done on the row's arrays, the scores of its indicators put in `scratch.moved`, and
 * the row put back as it was; false (and nothing done) when it would change no answer.
 */
function rescore(compiled: CompiledScorer, c: CompiledAction, row: RowState, scratch: Scratch): boolean {
  if (!proposeChanges(row.values, c, scratch.proposed)) return false;
  reexamine(compiled, row, scratch.proposed, c.affected, scratch.saved);
  for (const n of c.indicators) scratch.moved[n] = compiled.indicators[n]!.score(row.scored, row.status, scratch.points);
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
function reexamine(compiled: CompiledScorer, row: RowState, proposed: readonly (AnswerValue | undefined)[], affected: readonly number[], saved: Saved): void {
  for (let k = 0; k < affected.length; k++) {
    const n = affected[k]!;
    const q = compiled.questions[n]!;
    const v = q.appliesToTest >= 0 && row.applies[q.appliesToTest] === 0 ? EXCLUDED : !q.showIf || q.showIf(row.shown) ? ASKED : gatedVisibility(q.gates, row.status, Infinity);
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
