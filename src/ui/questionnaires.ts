import { api } from './api.js';
import type { AnswerValue, Question, Questionnaires } from './api-types.js';
import { currentLang, formatNumber, t } from './i18n.js';

const cache = new Map<string, Promise<Questionnaires>>();

/** The questionnaires in the interface's language, fetched once per language. */
export function questionnaires(): Promise<Questionnaires> {
  const lang = currentLang();
  let found = cache.get(lang);
  if (!found) {
    found = api<Questionnaires>('GET', '/questionnaires');
    found.catch(() => cache.delete(lang));
    cache.set(lang, found);
  }
  return found;
}

/** An answer as a reader sees it: option labels rather than codes. */
export function formatAnswer(question: Question | undefined, value: AnswerValue | null | undefined): string {
  if (value === undefined || value === null) return t('noAnswer');
  if (value === 'n/a') return t('notApplicable');
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  const label = (v: string) => question?.options?.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.length === 0 ? t('noneTicked') : value.map(label).join(', ');
  if (typeof value === 'string') return label(value);
  // A no-break space keeps the number with its unit; English writes 45%, French 45 %.
  const unit = question?.type === 'percentage' ? (currentLang() === 'fr' ? '\u00a0%' : '%') : question?.unit ? `\u00a0${question.unit}` : '';
  return `${formatNumber(value, { maximumFractionDigits: 6 })}${unit}`;
}
