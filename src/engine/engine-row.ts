import type { Applicability } from '../core/applicability.js';
import { UNANSWERED } from '../core/applicability.js';
import type { AnswersDocument } from '../core/content-model.js';
import type { CompiledRules } from './compiled-rules.js';
import type { RankedAction } from './kept-actions.js';
import { emptyScores, scoreInto, type RowScores } from './row-scores.js';
import { checkRow, clearValues, loadDocument, loadValidated, newRowState, unansweredOf, type RowState } from './row-state.js';
import type { TopActions } from './top-actions.js';

/**
 * One organisation's answers as the engine works on them, in arrays reused from row to row: each step's result is
 * valid until the row is filled again.
 */
export class EngineRow {
  private readonly state: RowState;
  private readonly scores: RowScores;

  constructor(
    private readonly rules: CompiledRules,
    private readonly actions: TopActions,
  ) {
    this.state = newRowState(rules);
    this.scores = emptyScores(rules);
  }

  /** Every slot emptied (a batch does it once per file's header: the slots no column fills stay so). */
  clear(): void {
    clearValues(this.state);
  }

  /** A value in its slot, with what is known of it (see `Known`) and its code (-1: none; see `ValueCodes`). */
  set(slot: number, value: unknown, known: number, code: number): void {
    const { state } = this;
    state.values[slot] = value;
    state.known[slot] = known;
    state.codes[slot] = code;
  }

  /** A document's values in their slots, checked: true when `validateAnswers` would find no problem. */
  setDocument(doc: AnswersDocument): boolean {
    return loadDocument(this.rules, this.state, doc) && checkRow(this.rules, this.state);
  }

  /** Whether the values set are valid answers to questions that apply (`validateAnswers` names the problems when not). */
  check(): boolean {
    return checkRow(this.rules, this.state);
  }

  /** A document `validateAnswers` found valid, with the applicability it worked out: checked already. */
  setValidated(doc: AnswersDocument, applicability: Applicability): void {
    loadValidated(this.rules, this.state, doc, applicability);
  }

  /** The checked row's required questions left unanswered, by id. */
  unanswered(): string[] {
    return unansweredOf(this.rules, this.state.status);
  }

  /** Whether the checked row answers every required question that applies (cheaper than `unanswered` when it does). */
  complete(): boolean {
    const { questions } = this.rules;
    const { status } = this.state;
    for (let n = 0; n < questions.length; n++) if (status[n] === UNANSWERED && questions[n]!.required) return false;
    return true;
  }

  /** The checked row's scores. */
  score(): RowScores {
    return scoreInto(this.rules, this.state, this.scores);
  }

  /** The `top` actions that would raise the scored row's score most for the effort, best first. */
  topActions(top: number): readonly RankedAction[] {
    return this.actions.of(this.state, this.scores, top);
  }
}
