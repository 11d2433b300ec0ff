import { round1 } from '../core/aggregate.js';
import { ANSWERED, NOT_APPLICABLE_STATUS } from '../core/applicability.js';
import { factsOf, literal, type Condition } from '../core/condition.js';
import { CodeWriter, functionName, type GeneratedCode } from './code-writer.js';
import { conditionSource, slotRead } from './condition-code.js';
import { MAX_CODES } from './value-codes.js';

export interface CompiledCriterion {
  questions: string[];
  /** The same questions by their number in questionnaire order. */
  questionNumbers: number[];
  /** Their slots (see `CompiledRules.slots`). */
  questionSlots: number[];
  /** Its rules in order: their conditions (compiled into the indicator's function) and points. */
  steps: { conditions: Condition; points: number }[];
  max: number;
  /** Its position among all the criteria of the content (see `RowScores.criteria`). */
  position: number;
}

/** Where an indicator's function writes: by indicator its score (NaN: none), points and points available; by criterion its points (-1: does not apply). */
export interface IndicatorTotals {
  indicators: Float64Array;
  points: Float64Array;
  available: Float64Array;
  criteria: Float64Array;
}

/** An indicator's score from a row's arrays (see `RowState`), written into `into` (a number returned from a call is boxed). */
export type IndicatorScore = (scored: readonly unknown[], status: Uint8Array, codes: Int32Array, into: IndicatorTotals) => void;

/**
 * An indicator as one generated function (V8 runs it far faster than a tree of closures), in core's order of steps and
 * sums; a criterion reading one question keeps its points by the answer's code.
 */
export function indicatorScore(code: GeneratedCode, id: string, n: number, criteria: readonly CompiledCriterion[], slots: ReadonlyMap<string, number>): IndicatorScore {
  const factOf = (fact: string) => slotRead('scored', slots.get(fact) ?? -1);
  const w = new CodeWriter().line('const out = into.criteria;', 'let points = 0, max = 0, best = 0;');
  // The memos of all its criteria in one array, MAX_CODES each: one array to fetch, not one per criterion.
  let memos = 0;
  for (const criterion of criteria) {
    const at = criterion.position;
    const memo = soleQuestion(criterion) === undefined ? undefined : `memo[${memos++ * MAX_CODES} + code]`;
    w.block(`if (${appliesSource(criterion, (q) => `status[${q}]`)})`, () => {
      w.line('best = 0;');
      if (memo === undefined) writeSteps(w, criterion, factOf);
      else {
        w.line(`const code = status[${criterion.questionNumbers[0]}] === ${ANSWERED} ? codes[${criterion.questionSlots[0]}] : -1;`);
        w.line(`if (code >= 0 && ${memo} === ${memo}) best = ${memo};`);
        w.block('else', () => {
          writeSteps(w, criterion, factOf);
          w.line(`if (code >= 0) ${memo} = best;`);
        });
      }
      w.line('points += best;', `max += ${literal(criterion.max)};`, `out[${at}] = best;`);
    }, ` else out[${at}] = -1;`);
  }
  w.line(`into.indicators[${n}] = ${SHARE_SOURCE};`, `into.points[${n}] = points;`, `into.available[${n}] = max;`);
  const memo = new Float64Array(memos * MAX_CODES).fill(Number.NaN);
  return code.function<IndicatorScore>(functionName('indicator', id), ['scored', 'status', 'codes', 'into'], w, { round1, memo });
}

/** The question a criterion reads when its rules read that one question and nothing else (its points then follow from its answer alone). */
export function soleQuestion(criterion: CompiledCriterion): string | undefined {
  const [id] = criterion.questions;
  return criterion.questions.length === 1 && criterion.steps.every((step) => factsOf(step.conditions).every((fact) => fact === id)) ? id : undefined;
}

/** An indicator's score from `points` and `max`, as `pointsScore` gives it (NaN for none); `round1` in scope. */
export const SHARE_SOURCE = 'max > 0 ? round1((100 * points) / max) : NaN';

/** Whether a criterion applies: one of its questions is not "not applicable" (`statusSource` reads a question's status by number). */
export function appliesSource(criterion: CompiledCriterion, statusSource: (q: number) => string): string {
  return criterion.questionNumbers.length === 0 ? 'true' : criterion.questionNumbers.map((q) => `${statusSource(q)} !== ${NOT_APPLICABLE_STATUS}`).join(' || ');
}

/** A criterion's steps in order, leaving in `best` the points of the best one that fires (its facts read by `factOf`). */
export function writeSteps(w: CodeWriter, criterion: CompiledCriterion, factOf: (fact: string) => string): void {
  for (const step of criterion.steps) w.line(`if (${literal(step.points)} > best && ${conditionSource(step.conditions, factOf)}) best = ${literal(step.points)};`);
}
