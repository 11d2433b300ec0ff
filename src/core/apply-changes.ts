import { applicability } from './applicability.js';
import type { ContentIndex } from './content-index.js';
import type { AnswerChange, AnswersDocument, AnswerValue, Question } from './content-model.js';
import { isNotApplicable } from './content-model.js';
import { NONE_OPTION } from './answer-value.js';

/**
 * The answers once some actions are done: each change raises an answer (never lowers it), then
 * answers that no longer apply (a follow-up whose gate changed) are dropped, as a save would.
 */
export function applyChanges(index: ContentIndex, doc: AnswersDocument, changes: readonly Record<string, AnswerChange>[]): AnswersDocument {
  const answers: Record<string, AnswerValue> = { ...doc.answers };
  for (const set of changes) {
    for (const [id, change] of Object.entries(set)) {
      const question = index.questions.get(id)?.question;
      if (!question) continue;
      const next = changed(question, answers[id], change);
      if (next !== undefined) answers[id] = next;
    }
  }
  const { visibility } = applicability(index, doc.profile, answers);
  const kept = Object.fromEntries(Object.entries(answers).filter(([id]) => visibility.get(id) === 'asked'));
  return { ...doc, answers: kept };
}

/** One answer after one change: raised, never lowered. */
export function changed(question: Question, current: AnswerValue | undefined, change: AnswerChange): AnswerValue | undefined {
  const answered = current !== undefined && !isNotApplicable(current);
  if ('set' in change) return change.set;
  if ('add' in change) {
    const base = answered && Array.isArray(current) ? current : [];
    const wanted = new Set([...base, ...change.add].filter((v) => !(change.remove ?? []).includes(v)));
    // Ticking a real practice means "none" no longer holds.
    if (wanted.size > 1) wanted.delete(NONE_OPTION);
    // Keep the questionnaire's option order, so equal plans give equal answers.
    return (question.options ?? []).map((o) => o.value).filter((v) => wanted.has(v));
  }
  if ('atLeast' in change) {
    if (!answered) return change.atLeast;
    if (typeof change.atLeast === 'number') return Math.max(Number(current), change.atLeast);
    const order = (question.options ?? []).map((o) => o.value);
    return order.indexOf(String(current)) >= order.indexOf(change.atLeast) ? current : change.atLeast;
  }
  return answered ? Math.min(Number(current), change.atMost) : change.atMost;
}
