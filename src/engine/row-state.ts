import { ANSWERED, ASKED, STATUSES, statusOf, UNANSWERED, VISIBILITIES, visibilityOf, type Applicability } from '../core/applicability.js';
import type { AnswersDocument } from '../core/content-model.js';
import type { CompiledRules } from './compiled-rules.js';

/** What a batch may know of a value beforehand (see `checkRow`): nothing, */
export const UNKNOWN = 0;
/** that it is a valid answer other than "n/a", */
export const VALID_ANSWER = 1;
/** or that it is "n/a", and valid there. */
export const VALID_NOT_APPLICABLE = 2;

/** A row as the compiled rules read it, in arrays reused from row to row: values by slot, each question's standing by number. */
export interface RowState {
  /** Profile and answers as given, */
  values: unknown[];
  /** what is known of each beforehand (UNKNOWN and the others), */
  known: Uint8Array;
  /** and each one's code (see `ValueCodes`): -1 where there is none. */
  codes: Int32Array;
  visibility: Uint8Array;
  status: Uint8Array;
  /** What showIf conditions read: the profile and the answers of asked questions. */
  shown: unknown[];
  /** What rules read: the profile and the answers of answered questions. */
  scored: unknown[];
  /** The profile alone: what appliesTo and an action's fits read. */
  profile: unknown[];
  /** Each of `CompiledRules.appliesTests` on the profile: 1 when it holds. */
  applies: Uint8Array;
}

export function newRowState(rules: CompiledRules): RowState {
  const questions = rules.questions.length;
  const slots = rules.slots.size;
  const state = {
    values: new Array<unknown>(slots), known: new Uint8Array(slots), codes: new Int32Array(slots),
    visibility: new Uint8Array(questions), status: new Uint8Array(questions),
    shown: new Array<unknown>(slots), scored: new Array<unknown>(slots), profile: new Array<unknown>(rules.profileSlots), applies: new Uint8Array(rules.appliesTests.length),
  };
  clearValues(state);
  return state;
}

/** Every value emptied, and what was known of it. */
export function clearValues(state: RowState): void {
  state.values.fill(undefined);
  state.known.fill(UNKNOWN);
  state.codes.fill(-1);
}

/** A document's profile and answers in their slots; false when a key has no slot of its kind (validation will name it). */
export function loadDocument(rules: CompiledRules, state: RowState, doc: AnswersDocument): boolean {
  clearValues(state);
  const { values } = state;
  for (const id in doc.profile) {
    const slot = rules.slots.get(id);
    if (slot === undefined || slot >= rules.profileSlots || doc.profile[id] === undefined) return false;
    values[slot] = doc.profile[id];
  }
  for (const id in doc.answers) {
    const slot = rules.slots.get(id);
    if (slot === undefined || slot < rules.profileSlots || doc.answers[id] === undefined) return false;
    values[slot] = doc.answers[id];
  }
  return true;
}

/** Applicability and validity of the row: true when `validateAnswers` would find no problem (which then names them). */
export function checkRow(rules: CompiledRules, state: RowState): boolean {
  const { profileSlots, profile } = rules;
  const { values, known } = state;
  for (let slot = 0; slot < profileSlots; slot++) {
    const value = values[slot];
    if (value === undefined ? !profile[slot]!.optional : known[slot] === UNKNOWN && !profile[slot]!.valid(value)) return false;
  }
  return applicabilityOf(rules, state);
}

/**
 * Core's `applicability` on the row's arrays, question by question in order; false as soon as a
 * question holds a value it may not (it is not asked, or the value is not a valid answer).
 */
function applicabilityOf(rules: CompiledRules, { values, known, visibility, status, shown, scored, profile, applies }: RowState): boolean {
  const { profileSlots, questions } = rules;
  // appliesTo reads the profile only; showIf the answers of questions already found asked.
  for (let s = 0; s < profileSlots; s++) profile[s] = shown[s] = scored[s] = values[s];
  testProfile(rules, profile, applies);
  for (let n = 0; n < questions.length; n++) {
    const q = questions[n]!;
    const fits = q.appliesToTest < 0 || applies[q.appliesToTest] !== 0;
    const v = visibilityOf(fits, fits && (q.showIf === undefined || q.showIf(shown)), q.gates, status, n);
    const answer = values[q.slot];
    const knownAs = known[q.slot]!;
    if (answer !== undefined && (v !== ASKED || (knownAs === UNKNOWN && !q.valid(answer)))) return false;
    visibility[n] = v;
    // A known answer (not "n/a") of an asked question is answered, without looking at the answer itself.
    status[n] = v === ASKED && knownAs === VALID_ANSWER ? ANSWERED : statusOf(v, answer);
    // Written whatever they hold, so that nothing of the row before is left.
    shown[q.slot] = v === ASKED ? answer : undefined;
    scored[q.slot] = status[n] === ANSWERED ? answer : undefined;
  }
  return true;
}

function testProfile(rules: CompiledRules, profile: readonly unknown[], applies: Uint8Array): void {
  for (let k = 0; k < rules.appliesTests.length; k++) applies[k] = rules.appliesTests[k]!(profile) ? 1 : 0;
}

/** A valid document in the row, its applicability as `validateAnswers` worked it out. */
export function loadValidated(rules: CompiledRules, state: RowState, doc: AnswersDocument, base: Applicability): void {
  clearValues(state);
  const { values, visibility, status, shown, scored, profile, applies } = state;
  for (const id in doc.profile) {
    const slot = rules.slots.get(id);
    if (slot !== undefined && slot < rules.profileSlots) values[slot] = doc.profile[id];
  }
  for (let s = 0; s < rules.profileSlots; s++) profile[s] = shown[s] = scored[s] = values[s];
  testProfile(rules, profile, applies);
  rules.questions.forEach((q, n) => {
    const { id } = q.entry.question;
    const answer = doc.answers[id];
    values[q.slot] = answer;
    visibility[n] = VISIBILITIES.indexOf(base.visibility.get(id)!);
    status[n] = STATUSES.indexOf(base.status.get(id)!);
    shown[q.slot] = visibility[n] === ASKED ? answer : undefined;
    scored[q.slot] = status[n] === ANSWERED ? answer : undefined;
  });
}

/** The required questions a checked row leaves unanswered, by id, in questionnaire order (as `missingAnswers` lists them). */
export function unansweredOf(rules: CompiledRules, status: Uint8Array): string[] {
  const { questions } = rules;
  const ids: string[] = [];
  for (let n = 0; n < questions.length; n++) if (status[n] === UNANSWERED && questions[n]!.required) ids.push(questions[n]!.entry.question.id);
  return ids;
}
