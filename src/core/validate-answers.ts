import { applicability, type Applicability } from './applicability.js';
import { checkAnswerValue, isRequired } from './answer-value.js';
import type { ContentIndex } from './content-index.js';
import type { AnswersDocument } from './content-model.js';
import { issue, pointer, type Issue } from './issue.js';
import { bilingual } from './text.js';

/**
 * Checks an answers document against the questionnaires and returns every problem:
 * unknown or ill-typed answers, answers to questions that do not apply to this organisation,
 * and missing profile fields. Unanswered pillar questions are not problems here (see
 * `missingAnswers`), so a partial assessment can be scored.
 */
export function validateAnswers(index: ContentIndex, doc: AnswersDocument): { issues: Issue[]; applicability: Applicability } {
  const profileIssues = checkProfile(index, doc.profile, true);
  const issues = [...profileIssues, ...checkAnswerValues(index, doc.answers)];
  const result = applicability(index, doc.profile, doc.answers);
  // Which questions apply follows from the profile: with a field missing or wrong, answers that are
  // fine would be called out of place ("remove this answer"), misleading. The profile comes first.
  if (profileIssues.length > 0) return { issues, applicability: result };
  for (const id of Object.keys(doc.answers)) {
    const visibility = result.visibility.get(id);
    const path = pointer('/answers', id);
    if (visibility === 'excluded') {
      issues.push(issue('question-not-applicable', path, bilingual(
        'Cette question ne concerne pas cette organisation (profil ou réponses précédentes) : retirez cette réponse.',
        'This question does not apply to this organisation (profile or earlier answers): remove this answer.',
      )));
    } else if (visibility === 'hidden') {
      issues.push(issue('question-hidden', path, bilingual(
        'Cette question n’est posée qu’après une réponse précédente, qui ne l’appelle pas ici : retirez cette réponse.',
        'This question is only asked after a given earlier answer, which was not given: remove this answer.',
      )));
    }
  }
  return { issues, applicability: result };
}

/** Checks profile fields; `complete` also requires every non-optional field. */
export function checkProfile(index: ContentIndex, profile: AnswersDocument['profile'], complete: boolean): Issue[] {
  const issues: Issue[] = [];
  for (const [id, value] of Object.entries(profile)) {
    const field = index.profileFields.get(id);
    const path = pointer('/profile', id);
    if (!field) {
      const known = [...index.profileFields.keys()].join(', ');
      issues.push(issue('unknown-profile-field', path, bilingual(
        `« ${id} » n’est pas un champ du profil ; champs connus : ${known}.`,
        `"${id}" is not a profile field; known fields: ${known}.`,
      )));
      continue;
    }
    issues.push(...checkAnswerValue(field, value, path));
  }
  for (const field of index.profileFields.values()) {
    if (complete && !field.optional && profile[field.id] === undefined) {
      issues.push(issue('missing-answer', pointer('/profile', field.id), bilingual(
        `Le profil doit indiquer « ${field.id} » (${field.label.fr}).`,
        `The profile must give "${field.id}" (${field.label.en ?? field.label.fr}).`,
      )));
    }
  }
  return issues;
}

/** Checks each answer against its question (type, options, bounds), not applicability. */
export function checkAnswerValues(index: ContentIndex, answers: AnswersDocument['answers']): Issue[] {
  const issues: Issue[] = [];
  for (const id in answers) {
    const entry = index.questions.get(id);
    const path = pointer('/answers', id);
    if (entry) {
      const found = checkAnswerValue(entry.question, answers[id], path);
      if (found.length > 0) issues.push(...found);
      continue;
    }
    issues.push(issue('unknown-question', path, bilingual(
      `« ${id} » n’est pas une question du questionnaire (vérifiez l’identifiant).`,
      `"${id}" is not a question of the questionnaire (check the id).`,
    )));
  }
  return issues;
}

/** Required questions still unanswered: what stands between a draft and its submission. */
export function missingAnswers(index: ContentIndex, status: Applicability['status']): string[] {
  return [...index.questions.values()]
    .filter(({ question }) => isRequired(question) && status.get(question.id) === 'unanswered')
    .map(({ question }) => question.id);
}

/** The problem of a required question left unanswered, as submission and batches report it. */
export function missingAnswerIssue(questionId: string): Issue {
  return issue('missing-answer', pointer('/answers', questionId), bilingual(
    `La question « ${questionId} » attend une réponse (ou « n/a » si elle le permet).`,
    `Question "${questionId}" needs an answer (or "n/a" where allowed).`,
  ));
}
