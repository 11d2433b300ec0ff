import type { ContentIndex } from './content-index.js';
import { isNotApplicable, type AnswerValue } from './content-model.js';

/**
 * Whether a question is put to this organisation:
 * - asked: it applies;
 * - excluded: its appliesTo is false for the profile, or it depends (showIf) only on questions
 *   that do not apply — it does not concern the organisation at all;
 * - hidden: its showIf is false on the answers given (e.g. "reduction achieved" when nothing was
 *   measured) — a gap, not an exemption.
 */
export type Visibility = 'asked' | 'excluded' | 'hidden';

/** Where a question stands once answers are taken into account. */
export type QuestionStatus = 'answered' | 'unanswered' | 'not-applicable' | 'hidden';

export interface Applicability {
  visibility: Map<string, Visibility>;
  status: Map<string, QuestionStatus>;
}

// The rule works in small numbers, which the engine keeps in typed arrays; names by number below.
export const ASKED = 0;
const EXCLUDED = 1;
const HIDDEN = 2;
export const ANSWERED = 0;
export const UNANSWERED = 1;
export const NOT_APPLICABLE_STATUS = 2;
const HIDDEN_STATUS = 3;
export const VISIBILITIES: readonly Visibility[] = ['asked', 'excluded', 'hidden'];
export const STATUSES: readonly QuestionStatus[] = ['answered', 'unanswered', 'not-applicable', 'hidden'];

/**
 * The rule of a question's visibility, the one place it is written: excluded when it does not
 * `fit` the profile (appliesTo); asked when `shown` (its showIf holds, or it has none); otherwise
 * excluded when its gates examined so far (question numbers below `examinedBelow`) are all not
 * applicable and there is one, hidden when not. `status` holds the examined questions' status.
 */
export function visibilityOf(fits: boolean, shown: boolean, gates: readonly number[], status: ArrayLike<number>, examinedBelow: number): number {
  if (!fits) return EXCLUDED;
  if (shown) return ASKED;
  let seen = 0;
  for (const g of gates) {
    if (g >= examinedBelow) continue;
    seen++;
    if (status[g] !== NOT_APPLICABLE_STATUS) return HIDDEN;
  }
  return seen > 0 ? EXCLUDED : HIDDEN;
}

/** The rule of a question's status, from its visibility and its answer. */
export function statusOf(visibility: number, answer: unknown): number {
  return visibility === EXCLUDED ? NOT_APPLICABLE_STATUS : visibility === HIDDEN ? HIDDEN_STATUS : answer === undefined ? UNANSWERED : isNotApplicable(answer) ? NOT_APPLICABLE_STATUS : ANSWERED;
}

/** Every question's visibility and status, in questionnaire order (a question's showIf and gates come before it). */
export function applicability(
  index: ContentIndex,
  profile: Readonly<Record<string, AnswerValue>>,
  answers: Readonly<Record<string, AnswerValue>>,
): Applicability {
  const visibility = new Map<string, Visibility>();
  const status = new Map<string, QuestionStatus>();
  const statuses = new Uint8Array(index.questions.size);
  // Only answers of questions already found asked feed later showIf conditions: a stale answer
  // to a hidden question must not reveal anything.
  const profileFacts = new Map<string, unknown>(Object.entries(profile));
  const facts = new Map<string, unknown>(profileFacts);
  for (const entry of index.questions.values()) {
    const { question, number } = entry;
    const fits = !entry.appliesTo || entry.appliesTo(profileFacts);
    const v = visibilityOf(fits, fits && (!entry.showIf || entry.showIf(facts)), entry.gateNumbers, statuses, number);
    const answer = answers[question.id];
    statuses[number] = statusOf(v, answer);
    visibility.set(question.id, VISIBILITIES[v]!);
    status.set(question.id, STATUSES[statuses[number]!]!);
    if (v === ASKED && answer !== undefined) facts.set(question.id, answer);
  }
  return { visibility, status };
}
