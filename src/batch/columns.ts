import type { ContentIndex } from '../core/content-index.js';
import type { Question } from '../core/content-model.js';
import { localize, type Lang } from '../core/text.js';

/** The identifier column of a portfolio file; an optional `name` column may follow it. */
export const ID_COLUMN = 'id';
export const NAME_COLUMN = 'name';

export interface Column {
  id: string;
  label: string;
  question?: Question;
  kind: 'id' | 'name' | 'profile' | 'answer';
}

const LABELS = {
  fr: { id: 'Identifiant (SIREN ou référence)', name: 'Nom de l’organisation' },
  en: { id: 'Identifier (SIREN or reference)', name: 'Organisation name' },
} as const;

/** Every column of a portfolio file: identifier, name, profile fields, then every question in questionnaire order. */
export function portfolioColumns(index: ContentIndex, lang: Lang): Column[] {
  return [
    { id: ID_COLUMN, label: LABELS[lang].id, kind: 'id' },
    { id: NAME_COLUMN, label: LABELS[lang].name, kind: 'name' },
    ...index.content.profile.questions.map((q): Column => ({ id: q.id, label: localize(q.label, lang), question: q, kind: 'profile' })),
    ...[...index.questions.values()].map(({ question }): Column => ({ id: question.id, label: localize(question.label, lang), question, kind: 'answer' })),
  ];
}

/** True for the second header row of a template (labels, in either language), which the importer skips. */
export function isLabelRow(cells: Readonly<Record<string, unknown>>): boolean {
  const first = String(cells[ID_COLUMN] ?? '').trim();
  return first === LABELS.fr.id || first === LABELS.en.id;
}
