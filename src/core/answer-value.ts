import type { AnswerValue, Question } from './content-model.js';
import { isNotApplicable, NOT_APPLICABLE } from './content-model.js';
import { issue, type Issue } from './issue.js';
import { formatDecimal } from './format-answer.js';
import { bilingual } from './text.js';

export const MAX_TEXT_LENGTH = 5000;

/** In a check-all question, the option that excludes every other. */
export const NONE_OPTION = 'none';

/** Checks one answer against its question: type, options, bounds. Applicability is checked elsewhere. */
const NONE: Issue[] = [];

export function checkAnswerValue(question: Question, value: unknown, path: string): Issue[] {
  if (value === NOT_APPLICABLE) {
    return question.notApplicable
      ? []
      : [issue('not-applicable-not-allowed', path, bilingual(
          'Cette question n’accepte pas la réponse « sans objet » (n/a) : répondez-y.',
          'This question does not accept "not applicable" (n/a): please answer it.',
        ))];
  }
  switch (question.type) {
    case 'boolean':
      return typeof value === 'boolean' ? NONE : [typeIssue(path, 'oui ou non (true ou false)', 'yes or no (true or false)')];
    case 'single':
    case 'ladder':
      return typeof value === 'string' ? checkOption(question, value, path) : [typeIssue(path, 'une des valeurs proposées', 'one of the offered values')];
    case 'multiple':
      return checkMultiple(question, value, path);
    case 'number':
    case 'percentage':
      return checkNumber(question, value, path);
    case 'text':
      return checkText(question, value, path);
  }
}

// Messages sit on the question's field and their path names it: they speak of "the answer", not of an id.
function typeIssue(path: string, fr: string, en: string): Issue {
  return issue('invalid-type', path, bilingual(`La réponse doit être ${fr}.`, `The answer must be ${en}.`));
}

// Content is immutable once loaded: each question's option values are collected once.
const optionSets = new WeakMap<Question, Set<string>>();

function optionSet(question: Question): Set<string> {
  let set = optionSets.get(question);
  if (!set) optionSets.set(question, (set = new Set((question.options ?? []).map((o) => o.value))));
  return set;
}

function checkOption(question: Question, value: string, path: string): Issue[] {
  if (optionSet(question).has(value)) return NONE;
  const allowed = [...optionSet(question)];
  const list = allowed.map((v) => `"${v}"`).join(', ');
  return [issue('unknown-option', path, bilingual(
    `« ${value} » n’est pas une réponse possible ; valeurs admises : ${list}.`,
    `"${value}" is not a possible answer; allowed values: ${list}.`,
  ))];
}

function checkMultiple(question: Question, value: unknown, path: string): Issue[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    return [typeIssue(path, 'une liste de valeurs proposées', 'a list of offered values')];
  }
  if (plainMultiple(optionSet(question), value as string[])) return NONE;
  const problems = value.flatMap((v: string, i) => checkOption(question, v, `${path}/${i}`));
  // "none" means no box applies: ticked with others, the answer contradicts itself.
  if (value.includes(NONE_OPTION) && value.length > 1) {
    problems.push(issue('exclusive-option', path, bilingual(
      'La réponse coche « aucun » avec d’autres choix : gardez l’un ou les autres.',
      'The answer ticks "none" together with other choices: keep one or the others.',
    )));
  }
  const duplicates = value.filter((v, i) => value.indexOf(v) !== i);
  if (duplicates.length > 0) {
    problems.push(issue('duplicate-option', path, bilingual(
      `La réponse cite plusieurs fois « ${duplicates[0]} ».`,
      `The answer lists "${duplicates[0]}" more than once.`,
    )));
  }
  return problems;
}

// The usual case, checked without building a list of problems: offered options, each once, "none" alone.
function plainMultiple(options: ReadonlySet<unknown>, value: readonly unknown[]): boolean {
  for (let i = 0; i < value.length; i++) {
    // Options are strings: anything else is not one of them.
    if (!options.has(value[i]) || value.indexOf(value[i]) !== i) return false;
  }
  return value.length <= 1 || !value.includes(NONE_OPTION);
}

function checkNumber(question: Question, value: unknown, path: string): Issue[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return [typeIssue(path, 'un nombre', 'a number')];
  }
  const min = question.min ?? (question.type === 'percentage' ? 0 : -Infinity);
  const max = question.max ?? (question.type === 'percentage' ? 100 : Infinity);
  if (value < min || value > max) {
    const [n, lo, hi] = [value, min, max].map((x) => ({ fr: formatDecimal(x, 'fr'), en: formatDecimal(x, 'en') }));
    return [issue('out-of-range', path, Number.isFinite(max) ? bilingual(
      `${n!.fr} est hors des bornes : de ${lo!.fr} à ${hi!.fr}.`,
      `${n!.en} is out of bounds: from ${lo!.en} to ${hi!.en}.`,
    ) : bilingual(`${n!.fr} est hors des bornes : au moins ${lo!.fr}.`, `${n!.en} is out of bounds: at least ${lo!.en}.`))];
  }
  if (question.integer && !Number.isInteger(value)) {
    return [issue('not-integer', path, bilingual(
      'La réponse doit être un nombre entier.',
      'The answer must be a whole number.',
    ))];
  }
  return [];
}

function checkText(question: Question, value: unknown, path: string): Issue[] {
  if (typeof value !== 'string') return [typeIssue(path, 'un texte', 'text')];
  if (value.length <= MAX_TEXT_LENGTH) return [];
  return [issue('text-too-long', path, bilingual(
    `Cette note dépasse ${formatDecimal(MAX_TEXT_LENGTH, 'fr')} caractères.`,
    `This note is longer than ${formatDecimal(MAX_TEXT_LENGTH, 'en')} characters.`,
  ))];
}

/** Whether a question must be answered for an assessment to be complete (when it is asked). */
export function isRequired(question: Question): boolean {
  return !question.optional && question.type !== 'text';
}

/**
 * Whether `checkAnswerValue` would find no problem with a value, as a function made once per
 * question (batches call it for every cell): the same checks without building problems or
 * looking up the question's options. Tests compare the two on every question.
 */
export function answerValidator(question: Question): (value: unknown) => boolean {
  const notApplicable = question.notApplicable === true;
  const check = typeCheck(question);
  return (value) => (isNotApplicable(value) ? notApplicable : check(value));
}

function typeCheck(question: Question): (value: unknown) => boolean {
  switch (question.type) {
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'single':
    case 'ladder': {
      const options = optionSet(question);
      return (value) => typeof value === 'string' && options.has(value);
    }
    case 'multiple': {
      const options = optionSet(question);
      return (value) => Array.isArray(value) && plainMultiple(options, value as unknown[]);
    }
    case 'number':
    case 'percentage': {
      const min = question.min ?? (question.type === 'percentage' ? 0 : -Infinity);
      const max = question.max ?? (question.type === 'percentage' ? 100 : Infinity);
      const integer = question.integer === true;
      return (value) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
    }
    case 'text':
      return (value) => typeof value === 'string' && value.length <= MAX_TEXT_LENGTH;
  }
}

export type { AnswerValue };
