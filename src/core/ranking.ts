import type { Action } from './content-model.js';

/** What an action would gain: points of the global score, of its pillar and of its indicator. */
export interface Gains {
  global: number;
  pillar: number;
  indicator: number;
}

// Gain per unit of effort ranks the suggestions: a quick win before a long project of equal gain.
const EFFORT_WEIGHT = { low: 1, medium: 2, high: 4 } as const;
const COST_ORDER = { none: 0, low: 1, medium: 2, high: 3 } as const;

type Ranked = { gains: Gains; effort: Action['effort']; cost: Action['cost']; durationMonths: number; actionId: string };

/** What ranks a suggestion first: its global gain per unit of effort. */
export function gainPerEffort(globalGain: number, effort: Action['effort']): number {
  return globalGain / EFFORT_WEIGHT[effort];
}

/** The units of effort `gainPerEffort` divides by: a number to keep where gains are ranked in bulk. */
export function effortUnits(effort: Action['effort']): number {
  return EFFORT_WEIGHT[effort];
}

/** The ranking order: gain per effort, then global and indicator gain, cost, duration, id. */
export function compareSuggestions(a: Ranked, b: Ranked): number {
  return (
    gainPerEffort(b.gains.global, b.effort) - gainPerEffort(a.gains.global, a.effort) ||
    b.gains.global - a.gains.global ||
    b.gains.indicator - a.gains.indicator ||
    COST_ORDER[a.cost] - COST_ORDER[b.cost] ||
    a.durationMonths - b.durationMonths ||
    (a.actionId < b.actionId ? -1 : a.actionId > b.actionId ? 1 : 0)
  );
}

