import type { ContentIndex } from '../core/content-index.js';
import type { Question } from '../core/content-model.js';
import { formatNumber } from '../core/format-answer.js';
import { localize, type Lang } from '../core/text.js';
import { typeset } from '../core/typography.js';
import type { Column } from './columns.js';
import { conditionWords } from './condition-words.js';
import { hasNoneOption, NONE_WORDS } from './none-answer.js';
import { OPTION_SEPARATOR } from './option-labels.js';

/**
 * What the template says of each column, in words, so that an advisor fills it without the manual:
 * who the question is for, what to type, and the choices a drop-down list offers.
 */
export interface ColumnHelp {
  /** The template's help row: the label, then who the question is for when not everyone. */
  row: string;
  /** What to type, in a sentence. */
  expected: string;
  /** Who the question is for: everyone, or the profile or earlier answers it depends on. */
  appliesTo: string;
  /** The question's own help. */
  help: string;
  /** The texts a drop-down list offers (option labels, yes and no, n/a, « aucun »), none for free cells. */
  choices: string[];
}

const WORDS = {
  fr: {
    everyone: 'Toutes les organisations', onlyIf: 'seulement si', and: 'et',
    id: 'Texte libre : votre propre référence, jamais rapprochée d’une organisation.',
    name: 'Texte libre : le nom de l’organisation, repris dans les résultats.',
    organisation: 'Le numéro de l’organisation dans impact-score, en chiffres, pour y enregistrer l’évaluation (sinon laissez vide).',
    siren: 'Les 9 chiffres du SIREN, pour enregistrer l’évaluation dans l’organisation (sinon laissez vide).',
    single: 'Une réponse de la liste.', multiple: `Une ou plusieurs réponses de la liste, séparées par ${OPTION_SEPARATOR} ; « ${NONE_WORDS.fr} » si aucune ne s’applique (une cellule vide est sans réponse).`,
    boolean: 'oui ou non.', text: 'Texte libre (facultatif).', percentage: 'Un pourcentage', number: 'Un nombre', whole: 'Un nombre entier',
    between: (low: string, high: string) => `de ${low} à ${high}`, atLeast: (low: string) => `d’au moins ${low}`,
    percentTyped: 'tapé 7 ou 7 %', na: '« n/a » si la question ne vous concerne pas.', yes: 'oui', no: 'non',
  },
  en: {
    everyone: 'All organisations', onlyIf: 'only if', and: 'and',
    id: 'Free text: your own reference, never matched to an organisation.',
    name: 'Free text: the organisation’s name, shown in the results.',
    organisation: 'The organisation’s number in impact-score, in digits, to store the assessment there (otherwise leave empty).',
    siren: 'The 9 digits of the SIREN, to store the assessment in the organisation (otherwise leave empty).',
    single: 'One answer from the list.', multiple: `One or more answers from the list, separated by ${OPTION_SEPARATOR}; "${NONE_WORDS.en}" if none applies (an empty cell is no answer).`,
    boolean: 'yes or no.', text: 'Free text (optional).', percentage: 'A percentage', number: 'A number', whole: 'A whole number',
    between: (low: string, high: string) => `from ${low} to ${high}`, atLeast: (low: string) => `of at least ${low}`,
    percentTyped: 'typed 7 or 7%', na: '"n/a" where the question does not concern you.', yes: 'yes', no: 'no',
  },
} as const;

/** Who a question is for, in words: everyone, or its appliesTo and showIf said as conditions. */
export function appliesToWords(index: ContentIndex, question: Question | undefined, lang: Lang): string | undefined {
  const parts = [question?.appliesTo, question?.showIf].filter((c) => c !== undefined).map((c) => conditionWords(index, c, lang));
  return parts.length === 0 ? undefined : parts.join(` ${WORDS[lang].and} `);
}

export function columnHelp(index: ContentIndex, column: Column, lang: Lang): ColumnHelp {
  const words = WORDS[lang];
  const q = column.question;
  const condition = appliesToWords(index, q, lang);
  return {
    row: typeset(condition ? `${column.label} — ${words.onlyIf} ${condition}` : column.label, lang),
    expected: typeset(q ? expectedOf(q, lang) : words[column.kind as 'id' | 'name' | 'organisation' | 'siren'], lang),
    appliesTo: typeset(condition ? `${capitalised(words.onlyIf)} ${condition}` : words.everyone, lang),
    help: q ? localize(q.help, lang) : '',
    choices: q ? choicesOf(q, lang) : [],
  };
}

function expectedOf(q: Question, lang: Lang): string {
  const words = WORDS[lang];
  const na = q.notApplicable ? ` ${capitalised(words.na)}` : '';
  if (q.type === 'single' || q.type === 'ladder') return words.single + na;
  if (q.type === 'multiple') return words.multiple + na;
  if (q.type === 'boolean') return capitalised(words.boolean) + na;
  if (q.type === 'text') return words.text;
  const n = (x: number) => formatNumber(q, x, lang);
  const range = q.min !== undefined && q.max !== undefined ? ` ${words.between(n(q.min), n(q.max))}` : q.min !== undefined ? ` ${words.atLeast(n(q.min))}` : '';
  const kind = q.type === 'percentage' ? words.percentage : q.integer ? words.whole : words.number;
  const typed = q.type === 'percentage' ? ` (${words.percentTyped})` : '';
  return `${kind}${range}${typed}.${na}`;
}

/** The texts the drop-down offers: labels in the template's language, which the importer reads back. */
function choicesOf(q: Question, lang: Lang): string[] {
  const na = q.notApplicable ? ['n/a'] : [];
  if (q.type === 'boolean') return [WORDS[lang].yes, WORDS[lang].no, ...na];
  // A check-all question without a "none" option of its own is offered the word for it, last.
  const none = q.type === 'multiple' && !hasNoneOption(q) ? [NONE_WORDS[lang]] : [];
  return q.options ? [...q.options.map((o) => localize(o.label, lang)), ...na, ...none] : [];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
