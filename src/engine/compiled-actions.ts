import type { Action } from '../core/content-model.js';
import { effortUnits } from '../core/ranking.js';
import { actionOutcome, type ActionOutcome } from './action-outcome.js';
import { changeEntry, type ChangeEntry } from './answer-change.js';
import { AnswerMemo, CodeTable } from './answer-memo.js';
import { functionName, type GeneratedCode } from './code-writer.js';
import { distinctTests, type CompiledRules } from './compiled-rules.js';
import { slotTest, type SlotTest } from './condition-code.js';
import { criterionReach, type Reach } from './criterion-reach.js';
import type { ActionFacts } from './kept-actions.js';

export interface CompiledAction {
  action: Action;
  /** What a kept suggestion copies of the action, in one object shape for every action (reading an optional field of `action` was a megamorphic lookup). */
  facts: ActionFacts;
  /** Its fits condition's position among the actions' distinct ones (-1: fits everyone): actions share a few (68 actions, 15 conditions), so a row tests each once. */
  fits: number;
  /** The units of effort its gain is divided by to rank it (see `gainPerEffort`). */
  effortUnits: number;
  // Always present (undefined when absent): every action has the same shape, which keeps V8's property reads fast.
  requires: SlotTest | undefined;
  /** Indicators whose score can move (positions in `rules.indicators`). */
  indicators: number[];
  /** Its own indicator and pillar, by position. */
  indicator: number;
  pillar: number;
  /** Each indicator it can move, with the positions of its criteria that read an affected question and their reaches: what bounds its gain (see `gainBound`). */
  moves: { indicator: number; touched: number[]; reach: (AnswerMemo<number> | undefined)[] }[];
  /** The scores of the indicators it moves once done. */
  outcome: ActionOutcome;
}

/** The content's actions compiled once, with the distinct fits conditions they test. */
export function compileActions(rules: CompiledRules, code: GeneratedCode): { actions: CompiledAction[]; fitsTests: SlotTest[] } {
  const { index, slots } = rules;
  const fitsTests = distinctTests(code, 'fits', slots);
  const indicatorIds = rules.indicators.map((i) => i.id);
  const pillarIds = rules.pillars.map((p) => p.id);
  const reaches: Reach[] = [];
  const planned = index.content.actions.map((action, actionAt) => {
    const numbers = affectedQuestions(rules, action);
    // An indicator moves when it holds an affected question or one of its rules reads one.
    const reads = (n: number) => rules.indicators[n]!.criteria.some((k) => k.questionNumbers.some((q) => numbers.has(q)));
    const owners = new Set([...numbers].map((q) => rules.questions[q]!.entry.indicator));
    const indicators = indicatorIds.flatMap((id, n) => (owners.has(id) || reads(n) ? [n] : []));
    // The answers it changes, known questions only, in the action's order.
    const changes = Object.entries(action.changes).flatMap(([id, change]): ChangeEntry[] => {
      const question = index.questions.get(id)?.question;
      return question ? [changeEntry(slots.get(id)!, question, change)] : [];
    });
    const moves = indicators.map((n) => {
      const touched = rules.indicators[n]!.criteria.filter((k) => k.questionNumbers.some((q) => numbers.has(q)));
      const reach = touched.map((k) => criterionReach(code, functionName('reach', `${action.id}_${k.position}`), k, changes));
      return { indicator: n, touched: touched.map((k) => k.position), reach: reach.map((r) => (r === undefined ? -1 : reaches.push(r) - 1)) };
    });
    return { action, actionAt, numbers, indicators, changes, moves };
  });
  // One table for every reach, made once all are known: a row looks up some forty, and one array stays in the cache.
  const memos = new CodeTable<number>(reaches.length, (length) => new Float64Array(length).fill(Number.NaN));
  const actions = planned.map(({ action, actionAt, numbers, indicators, changes, moves }): CompiledAction => ({
    action,
    facts: { actionId: action.id, actionAt, indicator: action.indicator, effort: action.effort, cost: action.cost, durationMonths: action.durationMonths },
    fits: action.fits ? fitsTests.at(action.fits) : -1,
    effortUnits: effortUnits(action.effort),
    requires: action.requires && slotTest(code, functionName('requires', action.id), action.requires, slots),
    indicators,
    indicator: indicatorIds.indexOf(action.indicator),
    pillar: pillarIds.indexOf(index.indicators.get(action.indicator)!.pillar),
    moves: moves.map((m) => ({ ...m, reach: m.reach.map((k) => (k < 0 ? undefined : new AnswerMemo(reaches[k]!, memos, k))) })),
    outcome: actionOutcome(code, functionName('outcome', action.id), rules, { changes, affected: [...numbers], moves }),
  }));
  return { actions, fitsTests: fitsTests.tests };
}

/** The question numbers an action changes, then those whose showIf reads one of them (transitively), in questionnaire order. */
function affectedQuestions(rules: CompiledRules, action: Action): Set<number> {
  const affected = new Set<number>();
  for (const id of Object.keys(action.changes)) {
    const entry = rules.index.questions.get(id);
    if (entry) affected.add(entry.number);
  }
  for (const q of rules.questions) if (q.gates.some((g) => affected.has(g))) affected.add(q.entry.number);
  return new Set([...affected].sort((a, b) => a - b));
}
