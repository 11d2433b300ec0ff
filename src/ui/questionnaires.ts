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
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (typeof value === 'string') return label(value);
  return `${formatNumber(value, { maximumFractionDigits: 6 })}${question?.type === 'percentage' ? ' %' : question?.unit ? ` ${question.unit}` : ''}`;
}
