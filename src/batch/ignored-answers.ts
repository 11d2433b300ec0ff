import type { Applicability } from '../core/applicability.js';
import type { ContentIndex } from '../core/content-index.js';
import { NOT_APPLICABLE, type AnswersDocument } from '../core/content-model.js';
import { issue, pointer, type Issue } from '../core/issue.js';
import { bilingual } from '../core/text.js';
import { validateAnswers } from '../core/validate-answers.js';

const WARNINGS: Record<string, Issue['message']> = {
  'question-not-applicable': bilingual(
    'Cette question ne concerne pas cette organisation (profil ou réponses précédentes) : la réponse est ignorée et la ligne notée sans elle.',
    'This question does not apply to this organisation (profile or earlier answers): the answer is ignored and the row scored without it.',
  ),
  'question-hidden': bilingual(
    'Cette question n’est posée qu’après une réponse précédente, qui ne l’appelle pas ici : la réponse est ignorée et la ligne notée sans elle.',
    'This question is only asked after a given earlier answer, which was not given: the answer is ignored and the row scored without it.',
  ),
};

const CODES: Record<string, string> = { 'question-not-applicable': 'ignored-not-applicable', 'question-hidden': 'ignored-hidden' };

/**
 * A row's document without its answers to questions that do not apply to it (its profile, or an
 * earlier answer, does not call them), each said in a warning: a spreadsheet has a cell for every
 * question, and one filled out of place should not cost the whole row. An « n/a » there is what the
 * advisor meant and goes without a warning. Dropping an answer can take others out of place (those
 * it called), so this goes on until none is left. Then the document's other problems, if any.
 */
export function withoutOutOfPlace(index: ContentIndex, doc: AnswersDocument): { doc: AnswersDocument; issues: Issue[]; applicability: Applicability; warnings: Issue[] } {
  const warnings: Issue[] = [];
  let current = doc;
  for (;;) {
    const { issues, applicability } = validateAnswers(index, current);
    const outOfPlace = new Map(issues.filter((i) => CODES[i.code] !== undefined).map((i) => [i.path, i.code]));
    if (outOfPlace.size === 0) return { doc: current, issues, applicability, warnings };
    const answers = { ...current.answers };
    for (const id of Object.keys(answers)) {
      const code = outOfPlace.get(pointer('/answers', id));
      if (code === undefined) continue;
      if (answers[id] !== NOT_APPLICABLE) warnings.push(issue(CODES[code]!, pointer('/answers', id), WARNINGS[code]!));
      delete answers[id];
    }
    current = { ...current, answers };
  }
}

/** Whether validation found answers out of place, which a batch that is not strict ignores. */
export function hasOutOfPlace(issues: readonly Issue[]): boolean {
  return issues.some((i) => CODES[i.code] !== undefined);
}
