import { round1 } from '../core/aggregate.js';
import { ANSWERED, ASKED, statusOf, visibilityOf } from '../core/applicability.js';
import { literal } from '../core/condition.js';
import { UNCHANGED, type ChangeEntry } from './answer-change.js';
import { CodeWriter, type GeneratedCode } from './code-writer.js';
import type { CompiledRules } from './compiled-rules.js';
import { conditionSource, slotRead } from './condition-code.js';
import { appliesSource, SHARE_SOURCE, writeSteps } from './indicator-code.js';
import type { RowFigures } from './row-figures.js';
import type { RowState } from './row-state.js';

/** The scores of the indicators an action can move once done, into `f.moved` (with `f.isMoved` at 1); false when it changes no answer. */
export type ActionOutcome = (row: RowState, criteria: Float64Array, f: RowFigures) => boolean;

/** What the outcome of one action is generated from (see `CompiledAction`). */
export interface OutcomePlan {
  changes: readonly ChangeEntry[];
  /** Question numbers it changes, then those whose showIf depends on them (transitively), in questionnaire order. */
  affected: readonly number[];
  /** Each indicator it can move, with the positions of its criteria that read an affected question. */
  moves: readonly { indicator: number; touched: readonly number[] }[];
}

/**
 * An action's outcome as one generated function: only what it touches is re-examined (core's applicability rule) and
 * scored again, in locals, summed in the indicators' own order so that the figures are the same; the row is left as it was.
 */
export function actionOutcome(code: GeneratedCode, name: string, rules: CompiledRules, plan: OutcomePlan): ActionOutcome {
  const w = new CodeWriter().line(
    'const values = row.values, codes = row.codes, scored = row.scored, status = row.status, shown = row.shown, applies = row.applies;',
    'const moved = f.moved, isMoved = f.isMoved;',
  );
  const changedAt = new Map(plan.changes.map((entry, k) => [entry.slot, k]));
  plan.changes.forEach((entry, k) => w.line(`const p${k} = changes[${k}].proposed.at(values, codes, ${entry.slot});`));
  w.line(plan.changes.length === 0 ? 'return false;' : `if (${plan.changes.map((_, k) => `p${k} === UNCHANGED`).join(' && ')}) return false;`);
  // Affected questions examined so far are read from their locals, the others from the row, in
  // the order core's `applicability` examines them (a question's showIf and gates come before it).
  const examined = new Set<number>();
  const questionOf = (slot: number) => slot - rules.profileSlots;
  const factRead = (array: 'shown' | 'scored') => (fact: string) => {
    const slot = rules.slots.get(fact) ?? -1;
    return slot >= rules.profileSlots && examined.has(questionOf(slot)) ? `${array}${questionOf(slot)}` : slotRead(array, slot);
  };
  const statusRead = (n: number) => (examined.has(n) ? `status${n}` : `status[${n}]`);
  // Gates read the status of the questions before: a copy of the row's, the affected ones written in as they are worked out.
  const gated = plan.affected.some((n) => rules.questions[n]!.gates.length > 0);
  if (gated) w.line('const gateStatus = scratch;', 'gateStatus.set(status);');
  for (const n of plan.affected) {
    const q = rules.questions[n]!;
    const fits = q.appliesToTest >= 0 ? `applies[${q.appliesToTest}] !== 0` : 'true';
    const shown = q.entry.question.showIf ? conditionSource(q.entry.question.showIf, factRead('shown')) : 'true';
    const k = changedAt.get(q.slot);
    w.line(`const visibility${n} = visibilityOf(${fits}, ${shown}, gates[${n}], ${gated ? 'gateStatus' : 'status'}, ${n});`);
    w.line(`const answer${n} = ${k === undefined ? `values[${q.slot}]` : `p${k} !== UNCHANGED ? p${k} : values[${q.slot}]`};`);
    w.line(`const status${n} = statusOf(visibility${n}, answer${n});`);
    if (gated) w.line(`gateStatus[${n}] = status${n};`);
    examined.add(n);
    w.line(`const shown${n} = visibility${n} === ${ASKED} ? answer${n} : undefined;`, `const scored${n} = status${n} === ${ANSWERED} ? answer${n} : undefined;`);
  }
  for (const move of plan.moves) writeMovedScore(w, rules, move.indicator, new Set(move.touched), statusRead, factRead('scored'));
  w.line('return true;');
  const helpers = { changes: plan.changes, UNCHANGED, statusOf, visibilityOf, gates: rules.questions.map((q) => q.gates), scratch: new Uint8Array(rules.questions.length), round1 };
  return code.function<ActionOutcome>(name, ['row', 'criteria', 'f'], w, helpers);
}

/** One moved indicator's score: its touched criteria scored again (best fired step of those that apply), the others' points as the row has them. */
function writeMovedScore(w: CodeWriter, rules: CompiledRules, n: number, touched: ReadonlySet<number>, statusRead: (n: number) => string, scoredRead: (fact: string) => string): void {
  w.block('', () => {
    w.line('let points = 0, max = 0, best = 0;');
    for (const criterion of rules.indicators[n]!.criteria) {
      const at = criterion.position;
      const max = literal(criterion.max);
      if (!touched.has(at)) {
        w.line(`if (criteria[${at}] >= 0) { points += criteria[${at}]; max += ${max}; }`);
        continue;
      }
      w.block(`if (${appliesSource(criterion, statusRead)})`, () => {
        w.line('best = 0;');
        writeSteps(w, criterion, scoredRead);
        w.line('points += best;', `max += ${max};`);
      });
    }
    w.line(`moved[${n}] = ${SHARE_SOURCE};`, `isMoved[${n}] = 1;`);
  });
}
