import { ANSWERED, ASKED, STATUSES, statusOf, VISIBILITIES, visibilityOf, type Applicability, type QuestionStatus, type Visibility } from './applicability.js';
import type { CompiledScorer } from './compiled-scorer.js';
import type { AnswersDocument } from './content-model.js';
import { NO_CODES } from './value-codes.js';

export { ANSWERED as ANSWERED_STATUS, NOT_APPLICABLE_STATUS, UNANSWERED as UNANSWERED_STATUS, ASKED } from './applicability.js';
const VISIBILITY = VISIBILITIES;
const STATUS = STATUSES;

/**
 * One organisation's answers as the compiled rules read them: arrays by slot (see CompiledScorer)
 * instead of maps by name, and where each question stands, by question number. The same facts
 * `applicability` and `validateAnswers` work out with maps (tests prove them equal).
 */
export interface RowState {
  /** Profile and answers as given. */
  values: readonly unknown[];
  /** Each value's code by slot (see `ValueCodes`, the compiled content's), where a batch knows it: -1, or past the end, where not. */
  codes: Int32Array;
  visibility: Uint8Array;
  status: Uint8Array;
  /** What showIf conditions read: the profile and the answers of asked questions. */
  shown: unknown[];
  /** What rules read: the profile and the answers of answered questions. */
  scored: unknown[];
  /** The profile alone: what appliesTo and an action's fits read. */
  profile: unknown[];
  /** Each of `CompiledScorer.appliesTests` on the profile: 1 when it holds. */
  applies: Uint8Array;
}

/** A document's profile and answers by slot; undefined when a key has no slot of its kind (validation will name it). */
export function valuesOf(compiled: CompiledScorer, doc: AnswersDocument): unknown[] | undefined {
  const values = new Array<unknown>(compiled.slots.size);
  for (const id in doc.profile) {
    const slot = compiled.slots.get(id);
    if (slot === undefined || slot >= compiled.profileSlots || doc.profile[id] === undefined) return undefined;
    values[slot] = doc.profile[id];
  }
  for (const id in doc.answers) {
    const slot = compiled.slots.get(id);
    if (slot === undefined || slot < compiled.profileSlots || doc.answers[id] === undefined) return undefined;
    values[slot] = doc.answers[id];
  }
  return values;
}

/** A row state's arrays, reused from row to row by a batch (each row is done before the next). */
export type RowBuffers = Omit<RowState, 'values' | 'codes'>;

export function rowBuffers(compiled: CompiledScorer): RowBuffers {
  const questions = compiled.questions.length;
  const slots = compiled.slots.size;
  return { visibility: new Uint8Array(questions), status: new Uint8Array(questions), shown: new Array<unknown>(slots), scored: new Array<unknown>(slots), profile: new Array<unknown>(compiled.profileSlots), applies: new Uint8Array(compiled.appliesTests.length) };
}

/** What a batch may know of a value beforehand, by slot (see `checkRow`): nothing, */
export const UNKNOWN = 0;
/** that it is a valid answer other than "n/a", */
export const VALID_ANSWER = 1;
/** or that it is "n/a", and valid there. */
export const VALID_NOT_APPLICABLE = 2;

/**
 * Applicability of every question and the validity of every value, for a row laid out by slot:
 * the row's state when `validateAnswers` would find no problem, undefined otherwise (the caller
 * then asks `validateAnswers` for the problems, with their messages). With `into`, the state is
 * written in those arrays (every entry of them, when there is a state), valid until the next row.
 * `known` tells, by slot, what is already known of a value (a batch knows it of the cells it has
 * met: see UNKNOWN and the others): a value known valid is not checked again.
 */
export function checkRow(compiled: CompiledScorer, values: readonly unknown[], into?: RowBuffers, known: Uint8Array = NONE_KNOWN, codes: Int32Array = NO_CODES): RowState | undefined {
  const { profileSlots, profile } = compiled;
  for (let slot = 0; slot < profileSlots; slot++) {
    const value = values[slot];
    if (value === undefined ? !profile[slot]!.optional : (known[slot] ?? UNKNOWN) === UNKNOWN && !profile[slot]!.valid(value)) return undefined;
  }
  return applicabilityOf(compiled, values, into ?? rowBuffers(compiled), known, codes);
}

// Nothing known of any value beforehand (reading past its end gives undefined, which is taken as UNKNOWN).
const NONE_KNOWN = new Uint8Array(0);

/**
 * `applicability` on a row's arrays: the same visibility and status, question by question in
 * order; undefined as soon as a question holds a value it may not (it is not asked, or the value
 * is not a valid answer): checked in the same pass, the row's values are read once.
 */
function applicabilityOf(compiled: CompiledScorer, values: readonly unknown[], { visibility, status, shown, scored, profile, applies }: RowBuffers, known: Uint8Array, codes: Int32Array): RowState | undefined {
  const { profileSlots, questions } = compiled;
  // appliesTo reads the profile only; showIf the answers of questions already found asked.
  for (let s = 0; s < profileSlots; s++) profile[s] = shown[s] = scored[s] = values[s];
  testProfile(compiled, profile, applies);
  for (let n = 0; n < questions.length; n++) {
    const q = questions[n]!;
    const fits = q.appliesToTest < 0 || applies[q.appliesToTest] !== 0;
    const v = visibilityOf(fits, fits && (!q.showIf || q.showIf(shown)), q.gates, status, n);
    const answer = values[q.slot];
    const knownAs = known[q.slot] ?? UNKNOWN;
    if (answer !== undefined && (v !== ASKED || (knownAs === UNKNOWN && !q.valid(answer)))) return undefined;
    visibility[n] = v;
    // An asked question whose answer is known to be one is answered: the answer itself (an object
    // somewhere in memory) need not be looked at to tell it from "n/a".
    status[n] = v === ASKED && knownAs === VALID_ANSWER ? ANSWERED : statusOf(v, answer);
    // Written whatever they hold, so that arrays reused from the row before keep nothing of it.
    shown[q.slot] = v === ASKED ? answer : undefined;
    scored[q.slot] = status[n] === ANSWERED ? answer : undefined;
  }
  return { values, codes, visibility, status, shown, scored, profile, applies };
}

function testProfile(compiled: CompiledScorer, profile: readonly unknown[], applies: Uint8Array): void {
  for (let k = 0; k < compiled.appliesTests.length; k++) applies[k] = compiled.appliesTests[k]!(profile) ? 1 : 0;
}

/** The row state of a document whose applicability is already known (from `validateAnswers`). */
export function rowStateFrom(compiled: CompiledScorer, doc: AnswersDocument, base: Applicability): RowState {
  const values = new Array<unknown>(compiled.slots.size);
  for (const id in doc.profile) {
    const slot = compiled.slots.get(id);
    if (slot !== undefined && slot < compiled.profileSlots) values[slot] = doc.profile[id];
  }
  const visibility = new Uint8Array(compiled.questions.length);
  const status = new Uint8Array(compiled.questions.length);
  const shown = values.slice();
  const scored = values.slice();
  const profile = values.slice(0, compiled.profileSlots);
  const applies = new Uint8Array(compiled.appliesTests.length);
  testProfile(compiled, profile, applies);
  compiled.questions.forEach((q, n) => {
    const answer = doc.answers[q.entry.question.id];
    values[q.slot] = answer;
    visibility[n] = VISIBILITY.indexOf(base.visibility.get(q.entry.question.id)!);
    status[n] = STATUS.indexOf(base.status.get(q.entry.question.id)!);
    if (visibility[n] === ASKED && answer !== undefined) shown[q.slot] = answer;
    if (status[n] === ANSWERED) scored[q.slot] = answer;
  });
  return { values, codes: NO_CODES, visibility, status, shown, scored, profile, applies };
}

/** The row state back as `applicability` gives it: maps by question id. */
export function applicabilityOfRow(compiled: CompiledScorer, row: RowState): Applicability {
  const visibility = new Map<string, Visibility>();
  const status = new Map<string, QuestionStatus>();
  compiled.questions.forEach((q, n) => {
    visibility.set(q.entry.question.id, VISIBILITY[row.visibility[n]!]!);
    status.set(q.entry.question.id, STATUS[row.status[n]!]!);
  });
  return { visibility, status };
}
