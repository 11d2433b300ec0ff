import type { AnswerValue, Question } from '../core/content-model.js';
import { NOT_APPLICABLE } from '../core/content-model.js';

const TRUE = new Set(['oui', 'yes', 'true', 'vrai', '1', 'o', 'y', 'x']);
const FALSE = new Set(['non', 'no', 'false', 'faux', '0', 'n']);
const NA = new Set(['n/a', 'na', 'nc', 'non concerné', 'non concernée', 'sans objet', 'not applicable']);

/**
 * One spreadsheet cell as an answer, reading what people type: oui/non, 12,5 or 12.5, 45 %,
 * several options separated by | or ; or a comma, option labels as well as values. An empty cell
 * is no answer. What cannot be read is passed on as it is, for validation to name the problem.
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
      return text.split(/[|;,]/).map((part) => part.trim()).filter(Boolean).map((part) => optionValue(question, part));
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
  const seen = new Map<string, AnswerValue | undefined>();
  return (raw) => {
    if (raw === '') return undefined;
    if (typeof raw !== 'string') return parseCell(question, raw);
    let value = seen.get(raw);
    if (value === undefined && !seen.has(raw)) {
      value = parseCell(question, raw);
      if (Array.isArray(value)) Object.freeze(value);
      if (seen.size < MAX_SEEN) seen.set(raw, value);
    }
    return value;
  };
}

function optionValue(question: Question, text: string): string {
  const options = question.options ?? [];
  if (options.some((o) => o.value === text)) return text;
  const lower = text.toLowerCase();
  const byLabel = options.find((o) => o.value.toLowerCase() === lower || o.label.fr.toLowerCase() === lower || o.label.en?.toLowerCase() === lower);
  return byLabel ? byLabel.value : text;
}
