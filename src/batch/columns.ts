import type { ContentIndex } from '../core/content-index.js';
import type { Question } from '../core/content-model.js';
import { bilingual, localize, type Lang } from '../core/text.js';
import { unreadableFile } from './batch-file-error.js';
import { NONE_WORDS } from './none-answer.js';
import { OPTION_SEPARATOR } from './option-labels.js';

/** The identifier column of a portfolio file: the advisor's own reference, free text, never matched to anything. */
export const ID_COLUMN = 'id';
export const NAME_COLUMN = 'name';
/** The columns that say which organisation of the advisor's portfolio a row is, to store it (see store-refs.ts). */
export const ORGANISATION_COLUMN = 'organisation';
export const SIREN_COLUMN = 'siren';

export interface Column {
  id: string;
  label: string;
  question?: Question;
  kind: 'id' | 'name' | 'organisation' | 'siren' | 'profile' | 'answer';
}

const LABELS = {
  fr: {
    id: 'Votre référence (texte libre)',
    name: 'Nom de l’organisation',
    organisation: 'N° de l’organisation dans impact-score (pour y enregistrer l’évaluation)',
    siren: 'SIREN (9 chiffres ; pour enregistrer l’évaluation)',
    several: `plusieurs réponses séparées par ${OPTION_SEPARATOR}, « ${NONE_WORDS.fr} » si aucune`,
  },
  en: {
    id: 'Your reference (free text)',
    name: 'Organisation name',
    organisation: 'Organisation number in impact-score (to store the assessment there)',
    siren: 'SIREN (9 digits; to store the assessment)',
    several: `several answers separated by ${OPTION_SEPARATOR}, "${NONE_WORDS.en}" if none`,
  },
} as const;

// What templates made before said in the identifier's column of their label row.
const FORMER_ID_LABELS = ['Identifiant (SIREN ou référence)', 'Identifier (SIREN or reference)'];

/** Every column of a portfolio file: identifier, name, organisation number and SIREN, profile fields, then every question in questionnaire order. */
export function portfolioColumns(index: ContentIndex, lang: Lang): Column[] {
  const labels = LABELS[lang];
  const ofQuestion = (q: Question, kind: 'profile' | 'answer'): Column => ({ id: q.id, label: q.type === 'multiple' ? `${localize(q.label, lang)} (${labels.several})` : localize(q.label, lang), question: q, kind });
  return [
    { id: ID_COLUMN, label: labels.id, kind: 'id' },
    { id: NAME_COLUMN, label: labels.name, kind: 'name' },
    { id: ORGANISATION_COLUMN, label: labels.organisation, kind: 'organisation' },
    { id: SIREN_COLUMN, label: labels.siren, kind: 'siren' },
    ...index.content.profile.questions.map((q) => ofQuestion(q, 'profile')),
    ...[...index.questions.values()].map(({ question }) => ofQuestion(question, 'answer')),
  ];
}

/** True for the second header row of a template (labels, in either language, of this template or an earlier one), which the importer skips. */
export function isLabelRow(cells: Readonly<Record<string, unknown>>): boolean {
  const first = String(cells[ID_COLUMN] ?? '').trim();
  return first === LABELS.fr.id || first === LABELS.en.id || FORMER_ID_LABELS.includes(first);
}

/** A portfolio's first row names its columns, `id` among them; otherwise the file is not one. */
export function checkHeader(header: readonly string[], file: string): void {
  if (!header.includes(ID_COLUMN)) {
    throw unreadableFile(file, 'no-id-column', bilingual(
      'la première ligne doit nommer les colonnes, dont « id » : partez du modèle de portefeuille, qui les nomme toutes',
      'the first row must name the columns, including "id": start from the portfolio template, which names them all',
    ));
  }
}
