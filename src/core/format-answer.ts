import type { Question } from './content-model.js';
import { NOT_APPLICABLE } from './content-model.js';
import { localize, type Lang } from './text.js';

const WORDS = {
  fr: { yes: 'oui', no: 'non', none: 'sans réponse', na: 'non concerné', empty: 'aucune case cochée' },
  en: { yes: 'yes', no: 'no', none: 'no answer', na: 'not applicable', empty: 'nothing ticked' },
} as const;

/** An answer as a user reads it: option labels, yes/no, numbers with their unit. */
export function formatAnswer(question: Question | undefined, value: unknown, lang: Lang): string {
  const words = WORDS[lang];
  if (value === undefined || value === null) return words.none;
  if (value === NOT_APPLICABLE) return words.na;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.length === 0 ? words.empty : value.map((v) => optionLabel(question, v, lang)).join(', ');
  if (typeof value === 'number') return formatNumber(question, value, lang);
  return optionLabel(question, value, lang);
}

function optionLabel(question: Question | undefined, value: unknown, lang: Lang): string {
  const option = question?.options?.find((o) => o.value === value);
  return option ? localize(option.label, lang) : String(value);
}

export function formatNumber(question: Question | undefined, value: number, lang: Lang): string {
  const text = formatDecimal(value, lang);
  // A no-break space keeps a number with its unit on one line (and French sets one before %).
  if (question?.type === 'percentage') return lang === 'fr' ? `${text}\u00a0%` : `${text}%`;
  return question?.unit ? `${text}\u00a0${localize(question.unit, lang)}` : text;
}

// Made once: toLocaleString builds the same formatter on every call, which was half of presenting a report.
const DECIMALS: Readonly<Record<Lang, Intl.NumberFormat>> = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** A number with the decimal separator of the language (62,5 in French). */
export function formatDecimal(value: number, lang: Lang): string {
  return DECIMALS[lang].format(value);
}
