import { isNotApplicable, type AnswerChange } from '../core/content-model.js';
import { CodeWriter, type GeneratedCode } from './code-writer.js';
import { UNCHANGED, type ChangeEntry } from './answer-change.js';
import { soleQuestion, writeSteps, type CompiledCriterion } from './indicator-code.js';

/** The most points a criterion can have once an action is done, from the current answer of the one question it reads. */
export type Reach = (current: unknown) => number;

/**
 * A criterion's reach for an action (docs/decisions/004-suggestion-bounds.md): only for a criterion reading one
 * question alone, and never for an action that could answer "n/a", under which the bound would not hold.
 */
export function criterionReach(code: GeneratedCode, name: string, criterion: CompiledCriterion, changes: readonly ChangeEntry[]): Reach | undefined {
  if (soleQuestion(criterion) === undefined || changes.some((entry) => answersNotApplicable(entry.change))) return undefined;
  const slot = criterion.questionSlots[0]!;
  const change = changes.findIndex((entry) => entry.slot === slot);
  const w = new CodeWriter();
  if (change < 0) w.line('const answer = current;');
  else w.line(`const proposed = changes[${change}].proposed.of(current);`, 'const answer = proposed === UNCHANGED ? current : proposed;');
  w.line('let best = 0;');
  writeSteps(w, criterion, () => 'answer');
  w.line('const answered = best;', 'best = 0;');
  writeSteps(w, criterion, () => 'undefined');
  w.line('return answered > best ? answered : best;');
  return code.function<Reach>(name, ['current'], w, { changes, UNCHANGED });
}

function answersNotApplicable(change: AnswerChange): boolean {
  return ('set' in change && isNotApplicable(change.set)) || ('atLeast' in change && isNotApplicable(change.atLeast));
}
