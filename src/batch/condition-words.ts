import type { ContentIndex } from '../core/content-index.js';
import type { Condition, FactCondition, Literal } from '../core/condition.js';
import type { Question } from '../core/content-model.js';
import { formatAnswer, formatDecimal } from '../core/format-answer.js';
import { localize, type Lang } from '../core/text.js';

/**
 * A question's appliesTo or showIf as an advisor reads it, in words, from the content itself:
 * « « Effectif salarié » est de 50 et plus », « « Bilan carbone réalisé ? » vaut oui ». Option
 * values that are bands of numbers (0, 1-9, …, 1000+) are told as the range they cover.
 */
export function conditionWords(index: ContentIndex, condition: Condition, lang: Lang): string {
  const words = WORDS[lang];
  if ('all' in condition) return joined(condition.all.map((c) => conditionWords(index, c, lang)), words.and);
  if ('any' in condition) return joined(condition.any.map((c) => conditionWords(index, c, lang)), words.or);
  if ('not' in condition) return `${words.not} (${conditionWords(index, condition.not, lang)})`;
  return factWords(index, condition, lang);
}

const WORDS = {
  fr: { and: 'et', or: 'ou', nor: 'ni', not: 'non', is: 'vaut', isNot: 'ne vaut pas', band: 'est', bandNot: 'n’est pas', contains: 'comprend', lacks: 'ne comprend pas', quote: (t: string) => `« ${t} »` },
  en: { and: 'and', or: 'or', nor: 'nor', not: 'not', is: 'is', isNot: 'is not', band: 'is', bandNot: 'is not', contains: 'includes', lacks: 'does not include', quote: (t: string) => `"${t}"` },
} as const;

const COMPARED = {
  lessThan: { fr: 'est inférieur à', en: 'is less than' },
  lessThanInclusive: { fr: 'est au plus', en: 'is at most' },
  greaterThan: { fr: 'est supérieur à', en: 'is more than' },
  greaterThanInclusive: { fr: 'est au moins', en: 'is at least' },
} as const;

/** The question or profile field a fact names. */
export function factQuestion(index: ContentIndex, fact: string): Question | undefined {
  return index.profileFields.get(fact) ?? index.questions.get(fact)?.question;
}

/** A question's label without the explanation in brackets at its end, as a condition names it. */
export function shortLabel(question: Question, lang: Lang): string {
  return localize(question.label, lang).replace(/\s*\([^()]*\)\s*$/, '');
}

function factWords(index: ContentIndex, c: FactCondition, lang: Lang): string {
  const words = WORDS[lang];
  const question = factQuestion(index, c.fact);
  const name = words.quote(question ? shortLabel(question, lang) : c.fact);
  const values = Array.isArray(c.value) ? c.value : [c.value];
  const value = (v: Literal) => (typeof v === 'number' ? formatDecimal(v, lang) : typeof v === 'boolean' ? formatAnswer(question, v, lang) : words.quote(formatAnswer(question, v, lang)));
  switch (c.operator) {
    case 'equal':
    case 'in':
      return chosen(question, values, lang) ?? `${name} ${words.is} ${joined(values.map(value), words.or)}`;
    case 'notEqual':
    case 'notIn': {
      const others = (question?.options ?? []).map((o) => o.value).filter((v) => !values.includes(v));
      const asBand = question?.options && others.length > 0 ? chosen(question, others, lang) : undefined;
      return asBand ?? `${name} ${words.isNot} ${joined(values.map(value), words.nor)}`;
    }
    case 'contains':
      return `${name} ${words.contains} ${value(c.value as Literal)}`;
    case 'doesNotContain':
      return `${name} ${words.lacks} ${value(c.value as Literal)}`;
    default:
      return `${name} ${COMPARED[c.operator][lang]} ${value(c.value as Literal)}`;
  }

  /** Options that are bands of numbers, told as the range they cover (`name est de 50 et plus`) when they follow each other. */
  function chosen(q: Question | undefined, picked: readonly Literal[], l: Lang): string | undefined {
    const range = bandRange(q, picked);
    if (!range || !q) return undefined;
    return `${WORDS[l].quote(shortLabel(q, l))} ${WORDS[l].band} ${rangeWords(range, l)}`;
  }
}

type Band = [number, number];

// "0", "1-9", "1000+": a band of whole numbers.
function band(value: string): Band | undefined {
  const m = /^(\d+)(?:-(\d+)|(\+))?$/.exec(value);
  if (!m) return undefined;
  return [Number(m[1]), m[3] ? Number.POSITIVE_INFINITY : Number(m[2] ?? m[1])];
}

/** The range the picked options cover, when every option of the question is a band and the picked ones follow each other. */
function bandRange(question: Question | undefined, picked: readonly Literal[]): Band | undefined {
  const options = question?.options;
  if (!options || picked.length === 0) return undefined;
  const bands = options.map((o) => band(o.value));
  if (bands.some((b) => b === undefined)) return undefined;
  const positions = picked.map((v) => options.findIndex((o) => o.value === v)).sort((a, b) => a - b);
  if (positions.some((p, k) => p < 0 || (k > 0 && p !== positions[k - 1]! + 1))) return undefined;
  const first = bands[positions[0]!]!;
  const last = bands[positions.at(-1)!]!;
  for (let k = 1; k < positions.length; k++) if (bands[positions[k]!]![0] !== bands[positions[k - 1]!]![1] + 1) return undefined;
  return [first[0], last[1]];
}

function rangeWords([low, high]: Band, lang: Lang): string {
  const n = (x: number) => formatDecimal(x, lang);
  if (high === Number.POSITIVE_INFINITY) return lang === 'fr' ? `de ${n(low)} et plus` : `${n(low)} or more`;
  if (low === high) return lang === 'fr' ? `de ${n(low)}` : n(low);
  return lang === 'fr' ? `de ${n(low)} à ${n(high)}` : `${n(low)} to ${n(high)}`;
}

/** « a, b ou c ». */
export function joined(parts: readonly string[], last: string): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${last} ${parts.at(-1)}`;
}
