import type { ContentIndex, QuestionEntry } from './content-index.js';
import { NOT_APPLICABLE, type AnswerValue } from './content-model.js';

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

export function applicability(
  index: ContentIndex,
  profile: Readonly<Record<string, AnswerValue>>,
  answers: Readonly<Record<string, AnswerValue>>,
): Applicability {
  const visibility = new Map<string, Visibility>();
  const status = new Map<string, QuestionStatus>();
  // Only answers of questions already found asked feed later showIf conditions: a stale answer
  // to a hidden question must not reveal anything.
  const profileFacts = new Map<string, unknown>(Object.entries(profile));
  const facts = new Map<string, unknown>(profileFacts);
  for (const entry of index.questions.values()) {
    const { question } = entry;
    const v = visibilityOf(entry, profileFacts, facts, status);
    visibility.set(question.id, v);
    const answer = answers[question.id];
    const s: QuestionStatus =
      v === 'excluded' ? 'not-applicable'
      : v === 'hidden' ? 'hidden'
      : answer === undefined ? 'unanswered'
      : answer === NOT_APPLICABLE ? 'not-applicable'
      : 'answered';
    status.set(question.id, s);
    if (v === 'asked' && answer !== undefined) facts.set(question.id, answer);
  }
  return { visibility, status };
}

function visibilityOf(
  entry: QuestionEntry,
  profile: ReadonlyMap<string, unknown>,
  facts: ReadonlyMap<string, unknown>,
  status: ReadonlyMap<string, QuestionStatus>,
): Visibility {
  if (entry.appliesTo && !entry.appliesTo(profile)) return 'excluded';
  if (!entry.showIf || entry.showIf(facts)) return 'asked';
  const gates = entry.gates.filter((f) => status.has(f));
  const allGatesExcluded = gates.length > 0 && gates.every((f) => status.get(f) === 'not-applicable');
  return allGatesExcluded ? 'excluded' : 'hidden';
}
