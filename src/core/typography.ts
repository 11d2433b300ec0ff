import type { Lang } from './text.js';

const NBSP = '\u00a0';
const NEEDS_TYPOGRAPHY = /[:;!?%«»']|n°/;

/**
 * French typography for a text typed with ordinary spaces: a no-break space before : ; ! ? and
 * % and inside « », after « n° », and the typographic apostrophe (l’action). Idempotent, and it adds no space
 * before a colon that had none, so times, addresses and `key: value` stay as they were.
 */
export function frenchTypography(text: string): string {
  // Most strings of a document hold none of what the rules below change: one test instead of six passes.
  if (!NEEDS_TYPOGRAPHY.test(text)) return text;
  return text
    .replace(/[ \t]+([:;!?%»])/g, `${NBSP}$1`)
    .replace(/(\d)%(?=[\s.,;:!?)]|$)/g, `$1${NBSP}%`)
    .replace(/«[ \t\u00a0]*/g, `«${NBSP}`)
    .replace(/[ \t\u00a0]*»/g, `${NBSP}»`)
    .replace(/\bn°[ \t]+/g, `n°${NBSP}`)
    .replace(/(\p{L})'(\p{L})/gu, '$1’$2');
}

/** A colon in the reader's typography (typeset() makes the French space a no-break one). */
export const colon = (lang: Lang): string => (lang === 'fr' ? ' : ' : ': ');

/** A quotation in the reader's quotation marks. */
export const quoted = (text: string, lang: Lang): string => (lang === 'fr' ? `« ${text} »` : `“${text}”`);

/** A text in the reader's typography: French gets frenchTypography, English stays as typed. */
export function typeset(text: string, lang: Lang): string {
  return lang === 'fr' ? frenchTypography(text) : text;
}

/** A whole document for one reader: in French, every string of it in French typography. */
export function typesetDocument<T>(value: T, lang: Lang): T {
  return lang === 'fr' ? typesetAll(value) : value;
}

/** Every string of a plain data structure in French typography. */
function typesetAll<T>(value: T): T {
  if (typeof value === 'string') return frenchTypography(value) as T;
  if (Array.isArray(value)) return value.map((v) => typesetAll(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typesetAll(v)])) as T;
  }
  return value;
}

/** Content with the French side of every text ({ fr, en }) in French typography; the rest as it was. */
export function typesetFrenchTexts<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => typesetFrenchTexts(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'fr' && typeof v === 'string' ? frenchTypography(v) : typesetFrenchTexts(v)])) as T;
  }
  return value;
}
