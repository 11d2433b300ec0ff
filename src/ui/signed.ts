import { currentLang, formatNumber } from './i18n.js';

/** A change with its sign: "+1,5", "−2" (a real minus sign, not a hyphen), `zero` ("0"); "–" when unknown. */
export function signed(value: number | null, zero = '0'): string {
  if (value === null) return '–';
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return zero;
  return `${rounded > 0 ? '+' : '−'}${formatNumber(Math.abs(rounded))}`;
}

/** "+1 point", "+2,5 points", "−1 point": French is singular below 2, English only for exactly 1. */
export function signedPoints(value: number): string {
  const size = Math.abs(Math.round(value * 10) / 10);
  const plural = currentLang() === 'fr' ? size >= 2 : size !== 1;
  return `${signed(value)} point${plural ? 's' : ''}`;
}
