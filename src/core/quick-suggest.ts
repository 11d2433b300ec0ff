import type { Applicability } from './applicability.js';
import { actionOutcome, type ActionOutcome, type ChangeEntry, type UNCHANGED } from './action-outcome.js';
import { rowScores, scoreOrNull, type CompiledScorer, type RowScores } from './compiled-scorer.js';
import type { Condition, SlotTest } from './condition.js';
import { compileSlots } from './generated-code.js';
import { CriterionReach, ReachMemos } from './criterion-reach.js';
import type { Action, AnswersDocument, AnswerValue } from './content-model.js';
import { GLOBAL, INDICATOR, MAX_SCORE, PILLAR, allAtTop, gainBound, indicatorCap, loadRow, project, rowFigures, type RowFigures } from './gain-bounds.js';
import { MaxHeap } from './max-heap.js';
import { compareSuggestions, effortUnits, gainPerEffort, type Gains } from './ranking.js';
import { rowStateFrom, type RowState } from './row-state.js';
import { suggestionLayout, type SuggestionLayout } from './suggestion-layout.js';

interface CompiledAction {
  action: Action;
  /** What a kept suggestion copies of the action, in an object of one shape for every action: read through `action`, whose optional fields give its objects several shapes, each read was a megamorphic lookup. */
  facts: ActionFacts;
  /** Its fits condition's position in the actions' distinct ones (`fitsTests`; -1: fits everyone): actions share a few (68 actions, 15 conditions), so a row tests each once. */
  fits: number;
  fitsTest: SlotTest | undefined;
  /** The units of effort its gain is divided by to rank it (see `gainPerEffort`). */
  effortUnits: number;
  // Always present (undefined when absent): every action has the same shape, which keeps V8's property reads fast.
  requires: SlotTest | undefined;
  /** Indicators whose score can move (positions in `compiled.indicators`). */
  indicators: number[];
  /** Its own indicator and pillar, by position. */
  indicator: number;
  pillar: number;
  /** Each indicator it can move, with the positions of the criteria of it that read an affected question: what bounds its gain (see `gainBound`). */
  moves: { indicator: number; touched: number[]; reach: (CriterionReach | undefined)[] }[];
  /** The scores of the indicators it moves once done (see `actionOutcome`). */
  outcome: ActionOutcome;
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
  const memos = new ReachMemos();
  const actions = index.content.actions.map((action, actionAt): CompiledAction => {
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
    // The answers it changes, known questions only, in the action's order, each with what it made of answers already seen.
    const changes = Object.entries(action.changes).flatMap(([id, change]): ChangeEntry[] => {
      const question = index.questions.get(id)?.question;
      return question ? [{ slot: slots.get(id)!, question, change, seen: new Map<unknown, AnswerValue | typeof UNCHANGED>(), byCode: undefined, unanswered: undefined }] : [];
    });
    const fits = action.fits && fitsOf(action.fits);
    const moves = indicators.map((n) => {
      const touched = compiled.indicators[n]!.criteria.filter((k) => k.questionNumbers.some((q) => numbers.has(q)));
      return { indicator: n, touched: touched.map((k) => k.position), reach: touched.map((k) => CriterionReach.of(compiled, k, changes, memos)) };
    });
    return {
      action,
      facts: { actionId: action.id, actionAt, indicator: action.indicator, effort: action.effort, cost: action.cost, durationMonths: action.durationMonths },
      fits: fits ? fits.at : -1,
      fitsTest: fits?.test,
      effortUnits: effortUnits(action.effort),
      requires: action.requires && compileSlots(action.requires, slots),
      indicators,
      indicator: indicatorIds.indexOf(action.indicator),
      pillar: pillarIds.indexOf(index.indicators.get(action.indicator)!.pillar),
      moves,
      outcome: actionOutcome(compiled, { changes, affected: [...numbers], moves }),
    };
  });
  return actions;
}

/** `suggestForRow` for a document and its applicability, as `validateAnswers` gives them. */
export function quickSuggest(compiled: CompiledScorer, actions: readonly CompiledAction[], doc: AnswersDocument, base: Applicability, top: number): QuickSuggestion[] {
  const row = rowStateFrom(compiled, doc, base);
  return suggestForRow(compiled, actions, row, rowScores(compiled, row), top);
}

/** Space reused by every action of every row (per compiled content; a row is scored in one go). */
interface Scratch {
  layout: SuggestionLayout;
  /** The row's scores, and those of the action being weighed. */
  figures: RowFigures;
  /** Per action: the most it could be worth (its rank value), -Infinity when it cannot gain. */
  bounds: Float64Array;
  /** Per action: 1 once its bound is its own (see `gainBound`), 0 while it is its indicator's cap (see `indicatorCap`). */
  refined: Uint8Array;
  /** Per indicator: its cap for the row (NaN until needed). */
  caps: Float64Array;
  /** The actions not yet done that may gain, by bound. */
  heap: MaxHeap;
  /** The candidate being weighed: its figures are copied into `kept` only if it makes the top. */
  candidate: RankedAction;
  /** The top so far, what `topSuggestions` returns. */
  kept: Kept;
  /** The actions' distinct fits conditions (see `CompiledAction.fits`), and whether each holds for the row's profile. */
  fitsTests: SlotTest[];
  fits: Uint8Array;
  /** In use: a call that never finished (it threw) left it so, and it is then made anew. */
  busy: boolean;
}

/**
 * A suggestion as batches keep it, in objects reused from row to row (see `topSuggestions`): its
 * scores once done are numbers, NaN where there would be none, because a field that only ever
 * holds numbers is updated in place, where one that may hold null boxes every number written.
 */
export interface RankedAction extends Pick<Action, 'effort' | 'cost' | 'durationMonths'> {
  actionId: string;
  /** Its position among the content's actions (what a writer finds the action's text by). */
  actionAt: number;
  indicator: string;
  gains: Gains;
  projectedGlobal: number;
  projectedPillar: number;
  projectedIndicator: number;
}

const scratches = new WeakMap<readonly CompiledAction[], Scratch>();

function scratchOf(compiled: CompiledScorer, actions: readonly CompiledAction[]): Scratch {
  let scratch = scratches.get(actions);
  if (!scratch || scratch.busy) {
    const layout = scratch?.layout ?? suggestionLayout(compiled, actions);
    const bounds = new Float64Array(actions.length);
    const candidate = newCandidate();
    scratch = {
      layout,
      figures: rowFigures(layout),
      bounds,
      heap: new MaxHeap(bounds),
      refined: new Uint8Array(actions.length),
      caps: new Float64Array(compiled.indicators.length),
      candidate,
      kept: { list: [], size: 0 },
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
 * whole assessment per action, each action's outcome is worked out from the questions and criteria
 * it touches alone (see `actionOutcome`), without writing into the row.
 *
 * Only the top ones are wanted: each action's gain is bounded first (cheaply, from the criteria it
 * touches: see `gainBound`), the most promising are done first, and those whose bound cannot reach
 * the last kept are never done. The bound is never below the gain, so the list is the same as
 * doing every action (tested). An action moving one indicator starts with a looser bound shared by
 * the actions of that indicator (`indicatorCap`), and gets its own only if that one could still
 * reach the top: most never need theirs.
 */
export function suggestForRow(compiled: CompiledScorer, actions: readonly CompiledAction[], row: RowState, base: RowScores, top: number): QuickSuggestion[] {
  return topSuggestions(compiled, actions, row, base, top).map(quickSuggestionOf);
}

/**
 * `suggestForRow`'s list in space the next call reuses: for a batch, which writes a row's
 * suggestions before it scores the next, and so allocates nothing per row for them.
 */
export function topSuggestions(compiled: CompiledScorer, actions: readonly CompiledAction[], row: RowState, base: RowScores, top: number): readonly RankedAction[] {
  if (top <= 0) return NO_SUGGESTIONS;
  const scratch = scratchOf(compiled, actions);
  const { layout, figures: f, candidate, bounds, refined, heap, kept } = scratch;
  kept.size = 0;
  scratch.busy = true;
  fillBounds(actions, row, base, scratch, false);
  heap.clear();
  for (let i = 0; i < actions.length; i++) if (bounds[i] !== -Infinity) heap.push(i);
  // What an action must reach to make the top: the last kept's rank value once the top is full.
  let threshold = -Infinity;
  for (;;) {
    const i = heap.top();
    if (i < 0 || bounds[i]! < threshold) break;
    if (refined[i] === 0) {
      refined[i] = 1;
      gainBound(layout, i, row, base.criteria, f, bounds);
      heap.lowered();
      continue;
    }
    heap.pop();
    const c = actions[i]!;
    if (c.requires && !c.requires(row.values)) continue;
    if (!c.outcome(row, base.criteria, f)) continue; // Already achieved: nothing would change.
    // No indicator moves: every score stays as it is (the same sums in the same order), so no gain.
    if (movesAny(c.indicators, f)) {
      consider(layout, c, i, f, candidate, kept, top);
      if (kept.size >= top) threshold = gainPerEffort(kept.list[top - 1]!.gains.global, kept.list[top - 1]!.effort);
    }
    for (const n of c.indicators) f.isMoved[n] = 0;
  }
  scratch.busy = false;
  return kept.list.slice(0, kept.size);
}

const NO_SUGGESTIONS: readonly RankedAction[] = [];

/** A kept suggestion in a list of its own, as `suggest` serves it. */
function quickSuggestionOf(ranked: RankedAction): QuickSuggestion {
  const { actionId, indicator, gains } = ranked;
  return { actionId, indicator, gains: { ...gains }, projected: { global: scoreOrNull(ranked.projectedGlobal), pillar: scoreOrNull(ranked.projectedPillar), indicator: scoreOrNull(ranked.projectedIndicator) } };
}

/** Each action's bound by position, as `suggestForRow` weighs them before doing any (for tests). */
export function actionBounds(compiled: CompiledScorer, actions: readonly CompiledAction[], row: RowState, base: RowScores): Float64Array {
  const scratch = scratchOf(compiled, actions);
  fillBounds(actions, row, base, scratch, true);
  return scratch.bounds.slice();
}

/**
 * Into `scratch.bounds`: -Infinity for an action that does not fit or cannot gain, otherwise its
 * bound (see `gainBound`) or, unless `own`, its indicator's cap when it moves only that one.
 */
function fillBounds(actions: readonly CompiledAction[], row: RowState, base: RowScores, scratch: Scratch, own: boolean): void {
  const { profile } = row;
  const { layout, figures, fits, fitsTests, bounds, refined, caps } = scratch;
  loadRow(layout, base, figures);
  caps.fill(Number.NaN);
  for (let k = 0; k < fitsTests.length; k++) fits[k] = fitsTests[k]!(profile) ? 1 : 0;
  const { fitsAt, single, effort } = layout;
  for (let i = 0; i < actions.length; i++) {
    const at = fitsAt[i]!;
    const n = single[i]!;
    // Every score it can move is already at the top: moved indicators can only stay or fall (or
    // leave their pillar, which removes a top score from the mean), so it can gain nothing.
    if ((at >= 0 && fits[at] === 0) || (n >= 0 ? figures.score[n] === MAX_SCORE : allAtTop(layout, i, figures))) {
      bounds[i] = -Infinity;
      refined[i] = 1;
    } else if (own || n < 0) {
      gainBound(layout, i, row, base.criteria, figures, bounds);
      refined[i] = 1;
    } else {
      if (caps[n] !== caps[n]) indicatorCap(layout, n, figures, caps);
      bounds[i] = caps[n]! / effort[i]!;
      refined[i] = 0;
    }
  }
}

/**
 * The done action's scores projected, and kept if it gains and makes the top. (A function of its
 * own, for V8: the scores stay unboxed in typed arrays only where the small steps are inlined.)
 */
function consider(layout: SuggestionLayout, c: CompiledAction, i: number, f: RowFigures, candidate: RankedAction, kept: Kept, top: number): void {
  project(layout, i, f);
  const { projected, gains } = f;
  if (gains[INDICATOR]! <= 0 && gains[GLOBAL]! <= 0) return;
  candidate.gains.global = gains[GLOBAL]!;
  candidate.gains.pillar = gains[PILLAR]!;
  candidate.gains.indicator = gains[INDICATOR]!;
  candidate.projectedGlobal = projected[GLOBAL]!;
  candidate.projectedPillar = projected[PILLAR]!;
  candidate.projectedIndicator = projected[INDICATOR]!;
  copyFacts(candidate, c.facts);
  keepTop(kept, candidate, top);
}

/** Whether a moved indicator's score differs from the row's (NaN, no score, equals itself here). */
function movesAny(indicators: readonly number[], f: RowFigures): boolean {
  for (const n of indicators) {
    const now = f.moved[n]!;
    const before = f.score[n]!;
    if (now !== before && (now === now || before === before)) return true;
  }
  return false;
}

/** The best candidates so far, sorted, in objects reused from row to row: `list[0]` to `list[size - 1]`, then spare ones. */
interface Kept {
  list: RankedAction[];
  size: number;
}

/**
 * Puts the candidate's figures in the list kept sorted and no longer than `top`, in a spare
 * object (or the one that falls off the end): the ranking order is total (the action id breaks
 * ties), so this is the head of the fully sorted list, without sorting it all.
 */
function keepTop(kept: Kept, candidate: RankedAction, top: number): void {
  const { list } = kept;
  let at = kept.size;
  while (at > 0 && compareSuggestions(candidate, list[at - 1]!) < 0) at--;
  if (at >= top) return;
  const last = Math.min(kept.size, top - 1);
  const slot = list[last] ?? newCandidate();
  for (let k = last; k > at; k--) list[k] = list[k - 1]!;
  list[at] = slot;
  if (kept.size < top) kept.size++;
  copyFacts(slot, candidate);
  slot.gains.global = candidate.gains.global;
  slot.gains.pillar = candidate.gains.pillar;
  slot.gains.indicator = candidate.gains.indicator;
  slot.projectedGlobal = candidate.projectedGlobal;
  slot.projectedPillar = candidate.projectedPillar;
  slot.projectedIndicator = candidate.projectedIndicator;
}

/** What a suggestion says of its action, as `RankedAction` has it. */
type ActionFacts = Pick<RankedAction, 'actionId' | 'actionAt' | 'indicator' | 'effort' | 'cost' | 'durationMonths'>;

function copyFacts(into: ActionFacts, from: ActionFacts): void {
  into.actionId = from.actionId;
  into.actionAt = from.actionAt;
  into.indicator = from.indicator;
  into.effort = from.effort;
  into.cost = from.cost;
  into.durationMonths = from.durationMonths;
}

// NaN rather than 0 or null to start with: V8 then keeps every figure as a number in place from the first row.
function newCandidate(): RankedAction {
  return { actionId: '', actionAt: -1, indicator: '', gains: { global: Number.NaN, pillar: Number.NaN, indicator: Number.NaN }, projectedGlobal: Number.NaN, projectedPillar: Number.NaN, projectedIndicator: Number.NaN, effort: 'low', cost: 'none', durationMonths: 0 };
}
