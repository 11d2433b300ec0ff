import { formatDecimal } from './format-answer.js';
import type { Lang } from './text.js';

/** A change of score with its sign: "+1,5", "−2" (a real minus sign, not a hyphen), "0". */
export function signed(value: number, lang: Lang): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0';
  return `${rounded > 0 ? '+' : '−'}${formatDecimal(Math.abs(rounded), lang)}`;
}

/** "+1 point", "+2,5 points", "−1 point" (French: singular below 2; English: singular for exactly 1). */
export function signedPoints(value: number, lang: Lang): string {
  const size = Math.abs(Math.round(value * 10) / 10);
  const plural = lang === 'fr' ? size >= 2 : size !== 1;
  return `${signed(value, lang)} point${plural ? 's' : ''}`;
}
