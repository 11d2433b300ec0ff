import type { AnswerValue, Question } from '../core/content-model.js';
import { NOT_APPLICABLE } from '../core/content-model.js';
import { NONE_OPTION } from '../core/answer-value.js';
import { isNoneWord, noneAnswer } from './none-answer.js';
import { OPTION_SEPARATOR, optionNamed, optionsNamed } from './option-labels.js';

const TRUE = new Set(['oui', 'yes', 'true', 'vrai', '1', 'o', 'y', 'x']);
const FALSE = new Set(['non', 'no', 'false', 'faux', '0', 'n']);
const NA = new Set(['n/a', 'na', 'nc', 'non concerné', 'non concernée', 'sans objet', 'not applicable']);

/**
 * One spreadsheet cell as an answer, reading what people type: oui/non, 12,5 or 12.5, 45 %,
 * option labels as well as values (see option-labels.ts: typographic characters, case and spaces
 * aside), several options separated by | (or by ; or a comma where that reads unambiguously,
 * whole labels first). An empty cell is no answer; « aucun » (« néant », "none") is none of the
 * options (see none-answer.ts). What cannot be read is passed on as it is, for validation to name the problem.
 */
export function parseCell(question: Question, raw: unknown): AnswerValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'boolean') return question.type === 'boolean' ? raw : String(raw);
  if (typeof raw === 'number') {
    if (question.type === 'number' || question.type === 'percentage') return raw;
    if (question.type === 'boolean' && (raw === 0 || raw === 1)) return raw === 1;
    // Excel stores "0" or "10" typed in a cell as a number: for a choice it is the option's value.
    return parseCell(question, String(raw));
  }
  const text = String(raw).trim();
  if (text === '') return undefined;
  if (NA.has(text.toLowerCase())) return NOT_APPLICABLE;
  switch (question.type) {
    case 'boolean': {
      const lower = text.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : text;
    }
    case 'number':
    case 'percentage': {
      const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '').replace(',', '.');
      const n = Number(cleaned);
      return cleaned !== '' && Number.isFinite(n) ? n : text;
    }
    case 'single':
    case 'ladder':
      return optionValue(question, text);
    case 'multiple':
      return multipleValue(question, text);
    case 'text':
      return text;
  }
}

/** Texts a column's cells hold, remembered at most: option values and yes/no repeat, free numbers do not. */
const MAX_SEEN = 1000;

/**
 * `parseCell` for one question's column, remembering what it made of each text: a portfolio's
 * cells repeat the same few texts (oui, non, option values). A list is frozen and shared by every
 * row holding the same text (nothing changes an answer in place: changes make new lists), which
 * also lets later steps remember what they made of it by the list itself.
 */
export function cellParser(question: Question): (raw: unknown) => AnswerValue | undefined {
  // The first texts met are compared directly (cheaper than hashing a fresh string); the others go to a map.
  const firstTexts: string[] = [];
  const firstValues: (AnswerValue | undefined)[] = [];
  const seen = new Map<string, AnswerValue | undefined>();
  const numeric = question.type === 'number' || question.type === 'percentage';
  return (raw) => {
    if (raw === '') return undefined;
    if (typeof raw !== 'string') return parseCell(question, raw);
    // Numbers rarely repeat: the plain ones are read at once, without a cache that would not hold them.
    const n = numeric ? plainNumber(raw) : undefined;
    if (n !== undefined) return n;
    for (let i = 0; i < firstTexts.length; i++) if (firstTexts[i] === raw) return firstValues[i];
    let value = seen.get(raw);
    if (value === undefined && !seen.has(raw)) {
      value = parseCell(question, raw);
      if (Array.isArray(value)) Object.freeze(value);
      if (firstTexts.length < FIRST_TEXTS) {
        firstTexts.push(raw);
        firstValues.push(value);
      } else if (seen.size < MAX_SEEN) {
        seen.set(raw, value);
      }
    }
    return value;
  };
}

// About as many as a question has options: a yes/no, a ladder, a few lists.
const FIRST_TEXTS = 8;

/**
 * What `parseCell` reads from a cell of digits with at most one decimal point or comma between
 * them, and maybe a leading minus (most number cells); undefined for anything else, which
 * `parseCell` then reads (spaces, %, exponents, texts).
 */
export function plainNumber(raw: string): number | undefined {
  const start = raw.charCodeAt(0) === MINUS ? 1 : 0;
  let separator = -1;
  if (raw.length === start) return undefined;
  for (let i = start; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= ZERO && c <= NINE) continue;
    if ((c === COMMA || c === POINT) && separator < 0 && i > start && i < raw.length - 1) {
      separator = i;
      continue;
    }
    return undefined;
  }
  const n = Number(separator >= 0 ? `${raw.slice(0, separator)}.${raw.slice(separator + 1)}` : raw);
  return Number.isFinite(n) ? n : undefined;
}

const [MINUS, COMMA, POINT, ZERO, NINE] = ['-', ',', '.', '0', '9'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number];

/** The options of a cell of option values joined by | (blank pieces aside), or undefined if a piece is not a value: what optionsNamed gives it, since no label holds a |. */
function valuesJoined(question: Question, text: string): string[] | undefined {
  const values = canonicalValues(question);
  const found: string[] = [];
  for (const piece of text.split(OPTION_SEPARATOR)) {
    const trimmed = piece.trim();
    if (trimmed === '') continue;
    const value = values.get(trimmed);
    if (value === undefined) return undefined;
    found.push(value);
  }
  return found;
}

/**
 * A multiple-choice cell: option values joined by | (what most cells hold) are read at once;
 * anything else by labels, and when no reading names only options, each piece as it is, for
 * validation to name. A word for « none » alone is the question's none option or no box ticked;
 * with others, it is the none option among them, which noneWithOthers refuses.
 */
function multipleValue(question: Question, text: string): string[] {
  const joined = valuesJoined(question, text);
  if (joined) return joined;
  const values = canonicalValues(question);
  if (isNoneWord(text)) return noneAnswer(question).map((v) => values.get(v) ?? v);
  const name = (piece: string) => namedValue(question, piece) ?? (isNoneWord(piece) ? (values.get(NONE_OPTION) ?? NONE_OPTION) : undefined);
  return optionsNamed(text, name) ?? text.split(/[|;,]/).map((part) => part.trim()).filter(Boolean).map((part) => name(part) ?? part);
}

function optionValue(question: Question, text: string): string {
  return namedValue(question, text) ?? text;
}

/** The option's value, as the shared string (see canonicalValues), that a text names whole; undefined if none. */
function namedValue(question: Question, text: string): string | undefined {
  const values = canonicalValues(question);
  const named = values.get(text) ?? optionNamed(question, text);
  return named === undefined ? undefined : values.get(named);
}

// Each option value as one string that every cell naming it shares, taken from an object's keys,
// which V8 keeps unique (internalized), as it does the literals of the compiled rules: comparing
// them is then comparing references, not characters. Content is immutable once loaded.
const canonical = new WeakMap<Question, Map<string, string>>();

function canonicalValues(question: Question): Map<string, string> {
  let values = canonical.get(question);
  if (!values) {
    const keys: Record<string, true> = {};
    for (const o of question.options ?? []) keys[o.value] = true;
    canonical.set(question, (values = new Map(Object.keys(keys).map((value) => [value, value]))));
  }
  return values;
}
