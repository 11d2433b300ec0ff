import { frenchTypography } from './typography.js';

/** Languages users can read; French is the default everywhere. */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'fr';

/** A text a user reads. Content must give both languages; French is the fallback. */
export interface LocalizedText {
  fr: string;
  en?: string;
}

export function localize(text: LocalizedText, lang: Lang): string {
  return (lang === 'en' ? text.en : undefined) ?? text.fr;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * Builds a LocalizedText from a template pair, so messages are written side by side; the French
 * side gets French typography (no-break spaces before : ; ! ?), so it may be typed plainly.
 */
export function bilingual(fr: string, en: string): LocalizedText {
  return { fr: frenchTypography(fr), en };
}
