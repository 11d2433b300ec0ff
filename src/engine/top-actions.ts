import { gainPerEffort } from '../core/ranking.js';
import type { CompiledAction } from './compiled-actions.js';
import type { SlotTest } from './condition-code.js';
import type { CompiledRules } from './compiled-rules.js';
import { allAtTop, gainBound, indicatorCap } from './gain-bounds.js';
import { copyFacts, keepTop, newCandidate, type Kept, type RankedAction } from './kept-actions.js';
import { MaxHeap } from './max-heap.js';
import { project } from './projection.js';
import { GLOBAL, INDICATOR, loadRow, MAX_SCORE, PILLAR, rowFigures, type RowFigures } from './row-figures.js';
import type { RowScores } from './row-scores.js';
import type { RowState } from './row-state.js';
import { suggestionLayout, type SuggestionLayout } from './suggestion-layout.js';

/** The compiled actions and the space every row's ranking reuses (per compiled content: a row is ranked in one go). */
export class TopActions {
  private readonly layout: SuggestionLayout;
  private scratch: Scratch | undefined;

  constructor(
    rules: CompiledRules,
    private readonly actions: readonly CompiledAction[],
    private readonly fitsTests: readonly SlotTest[],
  ) {
    this.layout = suggestionLayout(rules, actions);
  }

  /**
   * The top `top` actions of a scored row, bounded first and done best first (docs/decisions/004-suggestion-bounds.md),
   * in space the next call reuses.
   */
  of(row: RowState, base: RowScores, top: number): readonly RankedAction[] {
    if (top <= 0) return NO_ACTIONS;
    // A call that threw left its scratch busy: it is made anew.
    const scratch = this.scratch && !this.scratch.busy ? this.scratch : (this.scratch = newScratch(this.layout, this.actions.length, this.fitsTests.length));
    const { layout, actions, fitsTests } = this;
    const { figures: f, candidate, bounds, refined, heap, kept } = scratch;
    kept.size = 0;
    scratch.busy = true;
    fillBounds(layout, actions, fitsTests, row, base, scratch);
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
}

const NO_ACTIONS: readonly RankedAction[] = [];

interface Scratch {
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
  kept: Kept;
  /** Whether each of the actions' distinct fits conditions holds for the row's profile. */
  fits: Uint8Array;
  /** In use: a call that never finished (it threw) left it so. */
  busy: boolean;
}

function newScratch(layout: SuggestionLayout, actions: number, fitsTests: number): Scratch {
  const bounds = new Float64Array(actions);
  return { figures: rowFigures(layout), bounds, refined: new Uint8Array(actions), caps: new Float64Array(layout.indicators), heap: new MaxHeap(bounds), candidate: newCandidate(), kept: { list: [], size: 0 }, fits: new Uint8Array(fitsTests), busy: false };
}

/**
 * Into `scratch.bounds`: -Infinity for an action that does not fit or cannot gain, otherwise its
 * bound (see `gainBound`), or its indicator's cap when it moves only that one.
 */
function fillBounds(layout: SuggestionLayout, actions: readonly CompiledAction[], fitsTests: readonly SlotTest[], row: RowState, base: RowScores, scratch: Scratch): void {
  const { profile } = row;
  const { figures, fits, bounds, refined, caps } = scratch;
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
    } else if (n < 0) {
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
