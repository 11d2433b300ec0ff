import { soleQuestion, stepsSource, type CompiledCriterion, type CompiledScorer } from './compiled-scorer.js';
import { isNotApplicable, type AnswerChange } from './content-model.js';
import { functionOf } from './generated-code.js';
import { MAX_SEEN, propose, UNCHANGED, type ChangeEntry } from './action-outcome.js';
import type { RowState } from './row-state.js';
import { MAX_CODES } from './value-codes.js';

/**
 * The most points a criterion can have once an action is done, from a row's values: what bounds
 * an action's gain more tightly than the criterion's maximum (see `gainBound`), so that fewer
 * actions are done to find a row's top ones (about 4 per row instead of 9, on the bench's rows).
 *
 * Once the action is done, the criterion's one question holds what the action makes of its answer
 * (`propose`), or the row's own answer when the action leaves it as it is; the criterion reads that
 * answer if the question is then answered, and nothing otherwise. Its points are then those of the
 * best step firing on one or the other, at most the larger of the two.
 *
 * That bounds the criterion only while it still applies, which is all `gainBound` asks of it for
 * a criterion applying now: no action makes a question newly not applicable. A question is so when
 * it is answered "not applicable", which changes never answer (an action that could has no reach),
 * or when it is excluded: by its appliesTo, which reads the profile alone, or by gates all not
 * applicable, which (earlier questions, by induction) were already so, and whose answers, being
 * unchanged, keep its showIf as it was. Tests hold both to random rows.
 */
export class CriterionReach {
  /** By the question's current answer, for a row without codes. */
  private readonly known = new Map<unknown, number>();
  /** Its reach with no answer, which has no code (NaN: not yet worked out): rows leave many questions empty. */
  private unanswered = Number.NaN;

  private constructor(
    private readonly slot: number,
    private readonly compute: (current: unknown) => number,
    /** Where its reaches by the code of the question's current answer are kept (NaN: not yet worked out). */
    private readonly memos: ReachMemos,
    private readonly offset: number,
  ) {}

  /**
   * The reach of a criterion whose rules read its one question and nothing else, for one action;
   * none (the criterion's maximum stands) for any other criterion, or for an action that could
   * answer "not applicable".
   */
  static of(compiled: CompiledScorer, criterion: CompiledCriterion, changes: readonly ChangeEntry[], memos: ReachMemos): CriterionReach | undefined {
    const id = soleQuestion(criterion);
    if (id === undefined || changes.some((entry) => answersNotApplicable(entry.change))) return undefined;
    const question = compiled.questions[criterion.questionNumbers[0]!]!;
    const change = changes.findIndex((entry) => entry.slot === question.slot);
    const answer = change < 0 ? 'const answer = current;' : `const proposed = propose(changes[${change}], current), answer = proposed === UNCHANGED ? current : proposed;`;
    const body = `${answer} let best = 0; ${stepsSource(criterion, () => 'answer')} const answered = best; best = 0; ${stepsSource(criterion, () => 'undefined')} return answered > best ? answered : best;`;
    return new CriterionReach(question.slot, functionOf(['current'], body, { propose, changes, UNCHANGED }), memos, memos.take());
  }

  /**
   * The reach for a row. Rows repeat the same few answers, so each is worked out once: by its code
   * where the row has one (a batch's rows, whose codes are the compiled content's, as this reach
   * is), by the answer itself where it is shared between rows (see `propose`).
   */
  at(row: Pick<RowState, 'values' | 'codes'>): number {
    const code = row.codes[this.slot]!;
    if (code >= 0) {
      const values = this.memos.values ?? this.memos.make();
      const known = values[this.offset + code]!;
      if (known === known) return known;
      return (values[this.offset + code] = this.compute(row.values[this.slot]));
    }
    const current = row.values[this.slot];
    if (current === undefined) return this.unanswered === this.unanswered ? this.unanswered : (this.unanswered = this.compute(undefined));
    // A number is worked out each time, as `propose` does it: a few comparisons, cheaper than hashing it.
    if (typeof current === 'number') return this.compute(current);
    const cacheable = typeof current !== 'object' || Object.isFrozen(current);
    const known = cacheable ? this.known.get(current) : undefined;
    if (known !== undefined) return known;
    const reach = this.compute(current);
    if (cacheable && this.known.size < MAX_SEEN) this.known.set(current, reach);
    return reach;
  }
}

/**
 * The reaches of a content's actions by code, in one array for them all, each reach's MAX_CODES
 * from its offset: a row looks up some forty reaches, and one array shared by them stays in the
 * cache where one array each was a pointer to follow to memory. Reaches take their offsets as
 * they are made; the array is made when a reach is first looked up by code (a batch's rows have
 * codes, the API's do not), after which no reach may be made.
 */
export class ReachMemos {
  values: Float64Array | undefined;
  private count = 0;

  take(): number {
    if (this.values) throw new Error('ReachMemos: a reach made after the memos were');
    return this.count++ * MAX_CODES;
  }

  make(): Float64Array {
    return (this.values = new Float64Array(this.count * MAX_CODES).fill(Number.NaN));
  }
}

function answersNotApplicable(change: AnswerChange): boolean {
  return ('set' in change && isNotApplicable(change.set)) || ('atLeast' in change && isNotApplicable(change.atLeast));
}
