import type { Lang } from '../core/text.js';

const UNITS = { fr: ['o', 'ko', 'Mo', 'Go'], en: ['B', 'KB', 'MB', 'GB'] } as const;

/** A size in bytes as people read it: « 200 Mo », "1.5 GB" (powers of 1024, as the settings count). */
export function formatSize(bytes: number, lang: Lang): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < 3) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value)} ${UNITS[lang][unit]}`;
}
