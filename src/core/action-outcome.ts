import { round1 } from './aggregate.js';
import { changed } from './apply-changes.js';
import { criterionSource, SHARE_SOURCE, type CompiledScorer } from './compiled-scorer.js';
import type { AnswerChange, AnswerValue, Question } from './content-model.js';
import { conditionSource, functionOf, literal, slotRead } from './generated-code.js';
import type { RowFigures } from './gain-bounds.js';
import { MAX_CODES } from './value-codes.js';
import { ANSWERED, ASKED, statusOf, visibilityOf } from './applicability.js';
import type { RowState } from './row-state.js';

/** One answer an action changes, with what it made of the answers already seen. */
export interface ChangeEntry {
  slot: number;
  question: Question;
  change: AnswerChange;
  seen: Map<unknown, AnswerValue | typeof UNCHANGED>;
  /** The same by the code of the answer (see `ValueCodes`): an array read, where a map hashes the answer; made when first needed (a batch's rows have codes, the API's do not). */
  byCode: (AnswerValue | typeof UNCHANGED | undefined)[] | undefined;
  /** The same for no answer (undefined: not yet worked out), which has no code. */
  unanswered: AnswerValue | typeof UNCHANGED | undefined;
}

/**
 * What an action does to a row, as batch suggestions need it: the scores of the indicators it can
 * move once it is done, into `f.moved` (with `f.isMoved` at 1), from the row's own criteria
 * points; false, and nothing written, when it would change no answer.
 */
export type ActionOutcome = (row: RowState, criteria: Float64Array, f: RowFigures) => boolean;

/** What the outcome of one action is generated from (see `CompiledAction` in quick-suggest.ts). */
export interface OutcomePlan {
  changes: readonly ChangeEntry[];
  /** Question numbers it changes, then those whose showIf depends on them (transitively), in questionnaire order. */
  affected: readonly number[];
  /** Each indicator it can move, with the positions of its criteria that read an affected question. */
  moves: readonly { indicator: number; touched: readonly number[] }[];
}

/**
 * The action's outcome as one generated function: the answers it changes, the visibility and
 * status of the affected questions, and the points of the criteria that read them, in local
 * variables; every other criterion keeps the row's points. It works out what the whole
 * re-examination and re-scoring would (applicability's rules, then each moved indicator's share
 * of points summed in criterion order, as `CompiledIndicator.score` sums them, hence the same
 * figures), without writing into the row or re-scoring what cannot move. Differential tests hold
 * the suggestions it makes equal to json-rules-engine re-scoring the whole assessment.
 *
 * As in generated-code.ts, only slot numbers, question numbers and literals reach the source.
 */
export function actionOutcome(compiled: CompiledScorer, plan: OutcomePlan): ActionOutcome {
  const lines: string[] = [];
  const changedAt = new Map(plan.changes.map((entry, k) => [entry.slot, k]));
  plan.changes.forEach((entry, k) => lines.push(`const p${k} = propose(changes[${k}], values[${entry.slot}], codes[${entry.slot}]);`));
  lines.push(plan.changes.length === 0 ? 'return false;' : `if (${plan.changes.map((_, k) => `p${k} === UNCHANGED`).join(' && ')}) return false;`);
  // Affected questions already examined are read from their locals, the others from the row, in
  // the order `applicability` examines them (a question's showIf and gates come before it).
  const examined = new Set<number>();
  const slotOfFact = (fact: string) => compiled.slots.get(fact) ?? -1;
  const questionOfSlot = (slot: number) => slot - compiled.profileSlots;
  // A fact from the local of an affected question already examined, from the row's array otherwise.
  const factRead = (array: 'shown' | 'scored') => (fact: string) => {
    const slot = slotOfFact(fact);
    return slot >= compiled.profileSlots && examined.has(questionOfSlot(slot)) ? `${array}${questionOfSlot(slot)}` : slotRead(array, slot);
  };
  const shownRead = factRead('shown');
  const statusRead = (n: number) => (examined.has(n) ? `status${n}` : `status[${n}]`);
  // Gates read the status of questions before: from a copy of the row's, the affected ones' written in as they are worked out.
  const gated = plan.affected.some((n) => compiled.questions[n]!.gates.length > 0);
  if (gated) lines.push('const gateStatus = scratch; gateStatus.set(status);');
  for (const n of plan.affected) {
    const q = compiled.questions[n]!;
    const fits = q.appliesToTest >= 0 ? `applies[${q.appliesToTest}] !== 0` : 'true';
    const shown = q.showIf ? conditionSource(q.entry.question.showIf!, shownRead) : 'true';
    const k = changedAt.get(q.slot);
    const answer = k === undefined ? `values[${q.slot}]` : `p${k} !== UNCHANGED ? p${k} : values[${q.slot}]`;
    lines.push(`const visibility${n} = visibilityOf(${fits}, ${shown}, gates[${n}], ${gated ? 'gateStatus' : 'status'}, ${n});`, `const answer${n} = ${answer};`);
    lines.push(`const status${n} = statusOf(visibility${n}, answer${n});`);
    if (gated) lines.push(`gateStatus[${n}] = status${n};`);
    examined.add(n);
    lines.push(`const shown${n} = visibility${n} === ${ASKED} ? answer${n} : undefined;`, `const scored${n} = status${n} === ${ANSWERED} ? answer${n} : undefined;`);
  }
  const scoredRead = factRead('scored');
  for (const move of plan.moves) lines.push(movedScoreSource(compiled, move.indicator, new Set(move.touched), statusRead, scoredRead));
  lines.push('return true;');
  const prologue = 'const values = row.values, codes = row.codes, scored = row.scored, status = row.status, shown = row.shown, applies = row.applies; const moved = f.moved, isMoved = f.isMoved;';
  return functionOf<ActionOutcome>(['row', 'criteria', 'f'], `${prologue}\n${lines.join('\n')}`, { propose, changes: plan.changes, UNCHANGED, statusOf, visibilityOf, gates: compiled.questions.map((q) => q.gates), scratch: new Uint8Array(compiled.questions.length), round1 });
}

/**
 * One moved indicator's score: its touched criteria worked out again (best fired step of those
 * that apply), the others' points as the row has them, summed in criterion order.
 */
function movedScoreSource(compiled: CompiledScorer, n: number, touched: ReadonlySet<number>, statusRead: (n: number) => string, scoredRead: (fact: string) => string): string {
  const parts = compiled.indicators[n]!.criteria.map((criterion) => {
    const at = criterion.position;
    const max = literal(criterion.max);
    if (!touched.has(at)) return `if (criteria[${at}] >= 0) { points += criteria[${at}]; max += ${max}; }`;
    const { applies, steps } = criterionSource(criterion, statusRead, scoredRead);
    return `if (${applies}) { best = 0; ${steps} points += best; max += ${max}; }`;
  });
  return `{ let points = 0, max = 0, best = 0; ${parts.join(' ')} moved[${n}] = ${SHARE_SOURCE}; isMoved[${n}] = 1; }`;
}

/** What `propose` gives for an answer the change leaves as it is. */
export const UNCHANGED = Symbol('unchanged');

// Enough for every combination of options a real portfolio uses; numbers beyond it are worked out each time.
export const MAX_SEEN = 1000;

/**
 * The answer once the change is made, or UNCHANGED when it would stay as it is; `code` is the
 * answer's code where the row has one (see `ValueCodes`; -1 or undefined: none).
 */
export function propose(entry: ChangeEntry, current: AnswerValue | undefined, code = -1): AnswerValue | typeof UNCHANGED {
  // Rows repeat the same few answers: what a change makes of one is worked out once, kept by the
  // answer's code where it has one, aside for no answer. A number is worked out each time (a
  // comparison, cheaper than hashing it, and numbers rarely repeat); another answer is remembered
  // by itself, a list only when frozen (shared by the rows read from the same cell text).
  if (code >= 0) {
    const byCode = (entry.byCode ??= new Array<AnswerValue | typeof UNCHANGED | undefined>(MAX_CODES));
    const known = byCode[code];
    if (known !== undefined) return known;
    return (byCode[code] = proposed(entry, current));
  }
  if (current === undefined) return (entry.unanswered ??= proposed(entry, undefined));
  if (typeof current === 'number') return proposed(entry, current);
  const cacheable = typeof current !== 'object' || Object.isFrozen(current);
  const known = cacheable ? entry.seen.get(current) : undefined;
  if (known !== undefined) return known;
  const fresh = proposed(entry, current);
  if (cacheable && entry.seen.size < MAX_SEEN) entry.seen.set(current, fresh);
  return fresh;
}

function proposed(entry: ChangeEntry, current: AnswerValue | undefined): AnswerValue | typeof UNCHANGED {
  const next = changed(entry.question, current, entry.change);
  return next === undefined || sameAnswer(next, current) ? UNCHANGED : Array.isArray(next) ? (Object.freeze(next) as string[]) : next;
}

function sameAnswer(a: AnswerValue, b: AnswerValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
