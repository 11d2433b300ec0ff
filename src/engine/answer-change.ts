import { changed } from '../core/apply-changes.js';
import type { AnswerChange, AnswerValue, Question } from '../core/content-model.js';
import { AnswerMemo, CodeTable } from './answer-memo.js';

/** What `ChangeEntry.propose` gives for an answer the change leaves as it is. */
export const UNCHANGED = Symbol('unchanged');

export type Proposed = AnswerValue | typeof UNCHANGED;

/** One answer an action changes, with what it made of the answers it has met. */
export interface ChangeEntry {
  slot: number;
  question: Question;
  change: AnswerChange;
  /** The answer once the change is made, or UNCHANGED, by the current answer and its code. */
  proposed: AnswerMemo<Proposed>;
}

export function changeEntry(slot: number, question: Question, change: AnswerChange): ChangeEntry {
  // Its own table: an array of all the entries' would be too long for V8 to keep it a plain one.
  const table = new CodeTable<Proposed>(1, (length) => new Array<Proposed>(length));
  return { slot, question, change, proposed: new AnswerMemo((current) => proposed(question, change, current as AnswerValue | undefined), table, 0) };
}

function proposed(question: Question, change: AnswerChange, current: AnswerValue | undefined): Proposed {
  const next = changed(question, current, change);
  return next === undefined || sameAnswer(next, current) ? UNCHANGED : Array.isArray(next) ? (Object.freeze(next) as string[]) : next;
}

function sameAnswer(a: AnswerValue, b: AnswerValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
