import type { Question } from '../core/content-model.js';
import { NONE_OPTION } from '../core/answer-value.js';
import { bilingual, type Lang, type LocalizedText } from '../core/text.js';

/**
 * « None of these » in a multiple-choice cell. An empty cell is no answer, so a company that ticks
 * nothing (most leave the profile's statuses so) needs a word for it: « aucun », « aucune »,
 * « néant » or "none", in either language's file, case and accents aside. It reads as the web
 * questionnaire records it: the question's own "none" option where it has one, otherwise no box ticked.
 */
export const NONE_WORDS: Readonly<Record<Lang, string>> = { fr: 'aucun', en: 'none' };

const WORDS = new Set(['aucun', 'aucune', 'neant', 'none']);

/** Whether a text (a cell, or a piece of one between separators) is a word for « none of these ». */
export function isNoneWord(text: string): boolean {
  const trimmed = text.trim();
  // Longer than the longest word (aucune): no need to fold it.
  if (trimmed.length > 6) return false;
  return WORDS.has(trimmed.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
}

/** Whether a question offers a "none" option of its own (most pillar questions do; the profile's statuses do not). */
export function hasNoneOption(question: Question): boolean {
  return (question.options ?? []).some((o) => o.value === NONE_OPTION);
}

/** What a cell of no option but « none » reads as: the question's "none" option, or no box ticked. */
export function noneAnswer(question: Question): string[] {
  return hasNoneOption(question) ? [NONE_OPTION] : [];
}

/**
 * Why a multiple-choice cell is refused when it names « none » together with other options
 * (« aucun | esus »): it contradicts itself, as the web questionnaire does not let it. `parse` is
 * the column's cell parser, which reads « none » as the "none" option in such a cell.
 */
export function noneWithOthers(question: Question, text: unknown, parse: (raw: unknown) => unknown): { code: string; message: LocalizedText } | undefined {
  // Read by the column's parser, which remembers each text: the words and the none option's own label, however spelt.
  if (question.type !== 'multiple' || typeof text !== 'string') return undefined;
  const value = parse(text);
  return Array.isArray(value) && value.includes(NONE_OPTION) && value.some((v) => v !== NONE_OPTION) ? { code: 'none-with-others', message: NONE_WITH_OTHERS } : undefined;
}

const NONE_WITH_OTHERS = bilingual(
  'la cellule dit « aucun » et nomme aussi d’autres réponses : gardez « aucun » seul si aucune réponse ne s’applique, ou les autres réponses sans lui.',
  'the cell says "none" and names other answers too: keep "none" alone if no answer applies, or the other answers without it.',
);
