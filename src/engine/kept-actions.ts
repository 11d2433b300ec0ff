import type { Action } from '../core/content-model.js';
import { compareSuggestions, type Gains } from '../core/ranking.js';

/** A suggestion in objects reused from row to row; NaN for no score, since a field that may hold null boxes every number. */
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

/** What a suggestion says of its action, as `RankedAction` has it. */
export type ActionFacts = Pick<RankedAction, 'actionId' | 'actionAt' | 'indicator' | 'effort' | 'cost' | 'durationMonths'>;

/** The best candidates so far, sorted, in objects reused from row to row: `list[0]` to `list[size - 1]`, then spare ones. */
export interface Kept {
  list: RankedAction[];
  size: number;
}

/** The candidate in the kept list, sorted, at most `top` long: the order is total, so this is the head of the full ranking. */
export function keepTop(kept: Kept, candidate: RankedAction, top: number): void {
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

export function copyFacts(into: ActionFacts, from: ActionFacts): void {
  into.actionId = from.actionId;
  into.actionAt = from.actionAt;
  into.indicator = from.indicator;
  into.effort = from.effort;
  into.cost = from.cost;
  into.durationMonths = from.durationMonths;
}

// NaN rather than 0 or null to start with: V8 then keeps every figure as a number in place from the first row.
export function newCandidate(): RankedAction {
  return { actionId: '', actionAt: -1, indicator: '', gains: { global: Number.NaN, pillar: Number.NaN, indicator: Number.NaN }, projectedGlobal: Number.NaN, projectedPillar: Number.NaN, projectedIndicator: Number.NaN, effort: 'low', cost: 'none', durationMonths: 0 };
}
