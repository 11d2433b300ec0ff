import type { Action } from './content-model.js';

/** What an action would gain: points of the global score, of its pillar and of its indicator. */
export interface Gains {
  global: number;
  pillar: number;
  indicator: number;
}

// Gain per unit of effort ranks the suggestions: a quick win before a long project of equal gain.
// Comparisons rather than a lookup table: batches rank tens of actions per row, and a table read
// with three different keys is a slow generic lookup in V8, where comparing strings the content
// shares is a pointer check.
const costOrder = (cost: Action['cost']): number => (cost === 'none' ? 0 : cost === 'low' ? 1 : cost === 'medium' ? 2 : 3);

type Ranked = { gains: Gains; effort: Action['effort']; cost: Action['cost']; durationMonths: number; actionId: string };

/** What ranks a suggestion first: its global gain per unit of effort. */
export function gainPerEffort(globalGain: number, effort: Action['effort']): number {
  return globalGain / effortUnits(effort);
}

/** The units of effort `gainPerEffort` divides by: a number to keep where gains are ranked in bulk. */
export function effortUnits(effort: Action['effort']): number {
  return effort === 'low' ? 1 : effort === 'medium' ? 2 : 4;
}

/** The ranking order: gain per effort, then global and indicator gain, cost, duration, id. */
export function compareSuggestions(a: Ranked, b: Ranked): number {
  return (
    gainPerEffort(b.gains.global, b.effort) - gainPerEffort(a.gains.global, a.effort) ||
    b.gains.global - a.gains.global ||
    b.gains.indicator - a.gains.indicator ||
    costOrder(a.cost) - costOrder(b.cost) ||
    a.durationMonths - b.durationMonths ||
    (a.actionId < b.actionId ? -1 : a.actionId > b.actionId ? 1 : 0)
  );
}

