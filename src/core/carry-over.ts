import { applicability } from './applicability.js';
import type { ContentIndex } from './content-index.js';
import type { AnswerValue } from './content-model.js';
import { checkAnswerValues } from './validate-answers.js';

type Answers = Record<string, AnswerValue>;

/**
 * The answers a re-assessment takes over from an earlier one: those that still fit today's
 * questionnaire and profile. An option the questionnaire no longer offers is dropped from a
 * check-all answer (the rest is kept); an answer that no longer fits, or a question no longer
 * asked (another profile, a removed question, a gate now closed), is left for the leader to give.
 */
export function carryOver(index: ContentIndex, profile: Readonly<Answers>, earlier: Readonly<Answers>): { answers: Answers; dropped: string[] } {
  let answers: Answers = {};
  for (const [id, value] of Object.entries(earlier)) {
    const options = index.questions.get(id)?.question.options;
    const kept = Array.isArray(value) && options ? value.filter((v) => options.some((o) => o.value === v)) : value;
    if (Array.isArray(kept) && kept.length === 0) continue;
    if (checkAnswerValues(index, { [id]: kept }).length === 0) answers[id] = kept;
  }
  // Dropping an answer can close a gate, which hides the answers behind it: settle until stable.
  for (;;) {
    const { visibility } = applicability(index, profile, answers);
    const asked = Object.entries(answers).filter(([id]) => visibility.get(id) === 'asked');
    if (asked.length === Object.keys(answers).length) break;
    answers = Object.fromEntries(asked);
  }
  return { answers, dropped: Object.keys(earlier).filter((id) => !(id in answers)) };
}
