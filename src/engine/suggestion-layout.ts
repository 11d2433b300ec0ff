import type { AnswerMemo } from './answer-memo.js';
import type { CompiledRules } from './compiled-rules.js';

/**
 * The content's aggregation and the actions' reaches as flat typed arrays, which keep the per-row loops cheap; lists are
 * CSR: `xStart[i]` to `xStart[i + 1]` are the positions of i's entries.
 */
export interface SuggestionLayout {
  indicators: number;
  pillars: number;
  indicatorWeight: Float64Array;
  indicatorPillar: Int32Array;
  /** By pillar: its weight and its indicators, in the order the scores are summed. */
  pillarWeight: Float64Array;
  pillarStart: Int32Array;
  pillarIndicators: Int32Array;
  /** By action: its units of effort, its own indicator and pillar. */
  effort: Float64Array;
  ownIndicator: Int32Array;
  ownPillar: Int32Array;
  /** By action × pillar (action * pillars + pillar): 1 when the action can move the pillar. */
  movesPillar: Uint8Array;
  /** By action: the position of its distinct `fits` condition (-1: fits everyone), and the one indicator it moves (-1: several). */
  fitsAt: Int32Array;
  single: Int32Array;
  /** By action: its moves, each an indicator the action can move ... */
  moveStart: Int32Array;
  moveIndicator: Int32Array;
  /** ... and, by move, the criteria of it that read what the action changes, with their points available ... */
  touchStart: Int32Array;
  touchPosition: Int32Array;
  touchMax: Float64Array;
  /** ... and the most points each can have once the action is done, where that is known (see `criterionReach`), by the answer in its question's slot. */
  touchReach: (AnswerMemo<number> | undefined)[];
  touchSlot: Int32Array;
}

/** What the layout needs to know of one action (see `CompiledAction`). */
export interface ActionReach {
  fits: number;
  effortUnits: number;
  indicator: number;
  pillar: number;
  /** Indicators it can move, each with the positions of its criteria the action touches, and their reach. */
  moves: { indicator: number; touched: readonly number[]; reach: readonly (AnswerMemo<number> | undefined)[] }[];
}

export function suggestionLayout(rules: CompiledRules, actions: readonly ActionReach[]): SuggestionLayout {
  const criteria = rules.indicators.flatMap((i) => i.criteria);
  if (criteria.some((k, n) => k.position !== n)) throw new Error('criteria positions are not in order');
  const pillarOf = new Int32Array(rules.indicators.length);
  rules.pillars.forEach((p, pn) => p.indicators.forEach((n) => (pillarOf[n] = pn)));
  const moves = actions.flatMap((a) => a.moves);
  const movesPillar = new Uint8Array(actions.length * rules.pillars.length);
  actions.forEach((a, i) => a.moves.forEach((m) => (movesPillar[i * rules.pillars.length + pillarOf[m.indicator]!] = 1)));
  return {
    indicators: rules.indicators.length,
    pillars: rules.pillars.length,
    indicatorWeight: Float64Array.from(rules.indicators, (i) => i.weight),
    indicatorPillar: pillarOf,
    pillarWeight: Float64Array.from(rules.pillars, (p) => p.weight),
    pillarStart: starts(rules.pillars.map((p) => p.indicators.length)),
    pillarIndicators: Int32Array.from(rules.pillars.flatMap((p) => p.indicators)),
    effort: Float64Array.from(actions, (a) => a.effortUnits),
    ownIndicator: Int32Array.from(actions, (a) => a.indicator),
    ownPillar: Int32Array.from(actions, (a) => a.pillar),
    movesPillar,
    fitsAt: Int32Array.from(actions, (a) => a.fits),
    single: Int32Array.from(actions, (a) => (a.moves.length === 1 ? a.moves[0]!.indicator : -1)),
    moveStart: starts(actions.map((a) => a.moves.length)),
    moveIndicator: Int32Array.from(moves, (m) => m.indicator),
    touchStart: starts(moves.map((m) => m.touched.length)),
    touchPosition: Int32Array.from(moves.flatMap((m) => m.touched)),
    touchMax: Float64Array.from(moves.flatMap((m) => m.touched), (k) => criteria[k]!.max),
    touchReach: moves.flatMap((m) => m.reach),
    touchSlot: Int32Array.from(moves.flatMap((m) => m.touched), (k) => criteria[k]!.questionSlots[0] ?? -1),
  };
}

/** Offsets of consecutive lists of these lengths, with the end of the last. */
function starts(lengths: readonly number[]): Int32Array {
  const out = new Int32Array(lengths.length + 1);
  lengths.forEach((length, i) => (out[i + 1] = out[i]! + length));
  return out;
}
