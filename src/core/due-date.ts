import type { Lang } from './text.js';

/**
 * An item's due date: a month ("2027-03") or a quarter ("2027-Q1"), the two forms stored. People
 * type them many ways (03/2027, T1 2027, Q1 2027, mars 2027): each reads as one of the two.
 */
export type Due = string;

const MONTH_NAMES: Record<Lang, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Month words as typed, accents or not, full or short, French or English → 1–12. */
const TYPED_MONTHS = new Map<string, number>(
  ([
    ['janvier', 'janv', 'jan', 'january'], ['fevrier', 'fevr', 'fev', 'february', 'feb'], ['mars', 'mar', 'march'],
    ['avril', 'avr', 'april', 'apr'], ['mai', 'may'], ['juin', 'june', 'jun'], ['juillet', 'juil', 'july', 'jul'],
    ['aout', 'august', 'aug'], ['septembre', 'sept', 'sep', 'september'], ['octobre', 'oct', 'october'],
    ['novembre', 'nov', 'november'], ['decembre', 'dec', 'december'],
  ] as const).flatMap((words, i) => words.map((w) => [w, i + 1] as const)),
);

const year = (text: string): number | undefined => {
  const y = Number(text);
  return y >= 2000 && y <= 2099 ? y : undefined;
};
const month = (y: string, m: string | number): Due | undefined => {
  const n = Number(m);
  return year(y) !== undefined && n >= 1 && n <= 12 ? `${y}-${String(n).padStart(2, '0')}` : undefined;
};
const quarter = (y: string, q: string): Due | undefined => (year(y) !== undefined ? `${y}-Q${q}` : undefined);

/** The stored form of a typed due date, or undefined when it is neither a month nor a quarter. */
export function parseDue(typed: string): Due | undefined {
  const s = typed.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4}) ?[-/ ]? ?[qt]([1-4])$/.exec(s))) return quarter(m[1]!, m[2]!);
  if ((m = /^[qt]([1-4]) ?[-/ ]? ?(\d{4})$/.exec(s))) return quarter(m[2]!, m[1]!);
  if ((m = /^(\d{4})[-/.](\d{1,2})(?:-\d{1,2})?$/.exec(s))) return month(m[1]!, m[2]!);
  if ((m = /^(\d{1,2})[-/.](\d{4})$/.exec(s))) return month(m[2]!, m[1]!);
  if ((m = /^([a-z]+)\.? (\d{4})$/.exec(s))) {
    const n = TYPED_MONTHS.get(m[1]!);
    return n === undefined ? undefined : month(m[2]!, n);
  }
  return undefined;
}

function parts(due: Due): { year: number; month: number | null; quarter: number } {
  const [y, part] = due.split('-') as [string, string];
  if (part.startsWith('Q')) return { year: Number(y), month: null, quarter: Number(part.slice(1)) };
  return { year: Number(y), month: Number(part), quarter: Math.ceil(Number(part) / 3) };
}

/**
 * Sorts due dates in time: by the month they end in, a quarter after the months it holds (it
 * ends with its last month). Plain string order put "2027-Q1" after "2027-09".
 */
export function compareDue(a: Due, b: Due): number {
  const key = (d: Due) => {
    const p = parts(d);
    return (p.year * 12 + (p.month ?? p.quarter * 3)) * 2 + (p.month === null ? 1 : 0);
  };
  return key(a) - key(b);
}

/** "mars 2027" or "T1 2027" in French; "March 2027" or "Q1 2027" in English. */
export function formatDue(due: Due, lang: Lang): string {
  const p = parts(due);
  return p.month === null ? quarterLabel(p.year, p.quarter, lang) : `${MONTH_NAMES[lang][p.month - 1]} ${p.year}`;
}

/** The quarter a due date falls in, as the timeline groups them: "T1 2027" / "Q1 2027". */
export function quarterOf(due: Due, lang: Lang): string {
  const p = parts(due);
  return quarterLabel(p.year, p.quarter, lang);
}

const quarterLabel = (y: number, q: number, lang: Lang) => `${lang === 'fr' ? 'T' : 'Q'}${q} ${y}`;
