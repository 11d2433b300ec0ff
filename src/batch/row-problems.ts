import { issue, pointer, type Issue } from '../core/issue.js';
import { bilingual } from '../core/text.js';
import { jsonFault, type JsonFaultKind } from './json-fault.js';

/** No spreadsheet row of a portfolio comes near this: a longer one is a broken or hostile file. */
export const MAX_RECORD_BYTES = 1_000_000;

/** An answers document is three levels deep: a line nested far deeper is not one (and would be costly to walk). */
export const MAX_JSON_DEPTH = 32;

// Why a row of a portfolio file could not be read at all: it is rejected with this (its path is the
// whole row), and reading goes on after it.

export const UNCLOSED_QUOTE = issue('unclosed-quote', '', bilingual(
  'guillemet (") ouvert dans cette ligne et jamais refermé : la ligne n’a pas pu être lue (les suivantes sont lues normalement). Dans une cellule, un guillemet s’écrit doublé ("").',
  'a quote (") opened in this row is never closed: the row could not be read (the rows after it are read as usual). Inside a cell, write a quote twice ("").',
));

export const MISPLACED_QUOTES = issue('misplaced-quotes', '', bilingual(
  'guillemets (") mal placés : la ligne n’a pas pu être lue. Dans une cellule, un guillemet s’écrit doublé ("").',
  'misplaced quotes ("): the row could not be read. Inside a cell, write a quote twice ("").',
));

export const TOO_LONG = issue('row-too-long', '', bilingual(
  `ligne de plus de ${MAX_RECORD_BYTES.toLocaleString('fr-FR')} octets : elle n’a pas pu être lue.`,
  `row longer than ${MAX_RECORD_BYTES.toLocaleString('en-GB')} bytes: it could not be read.`,
));

export const TOO_DEEP = issue('json-too-deep', '', bilingual(
  `JSON imbriqué sur plus de ${MAX_JSON_DEPTH} niveaux : ce n’est pas un document de réponses.`,
  `JSON nested more than ${MAX_JSON_DEPTH} levels deep: not an answers document.`,
));

/** A line JSON.parse refused, said in the reader's words: where (the character, from 1) and what to fix, never the engine's message. */
export function invalidJson(text: string): Issue {
  const fault = jsonFault(text);
  const why = fault ? JSON_FAULTS[fault.kind] : JSON_FAULTS['ends-early'];
  const where = fault && fault.kind !== 'ends-early' ? { fr: `au caractère ${fault.column}, `, en: `at character ${fault.column}, ` } : { fr: '', en: '' };
  return issue('invalid-json', '', bilingual(`JSON invalide : ${where.fr}${why.fr}`, `Invalid JSON: ${where.en}${why.en}`));
}

const JSON_FAULTS: Record<JsonFaultKind, { fr: string; en: string }> = {
  'ends-early': { fr: 'la ligne s’arrête avant la fin du document : une accolade, un crochet ou un guillemet n’est pas refermé.', en: 'the line ends before the document does: a brace, bracket or quote is not closed.' },
  'name-unquoted': { fr: 'un nom de champ sans guillemets doubles : écrivez-le entre "…".', en: 'a field name without double quotes: write it between "…".' },
  'single-quotes': { fr: 'un texte entre apostrophes : écrivez-le entre guillemets doubles ("…").', en: 'a text between single quotes: write it between double quotes ("…").' },
  'bad-word': { fr: 'ce mot n’est pas une valeur : un texte s’écrit entre guillemets doubles ("…"), un nombre en chiffres ; true, false et null s’écrivent tels quels.', en: 'this word is not a value: write a text between double quotes ("…"), a number in digits; true, false and null as they are.' },
  'bad-number': { fr: 'un nombre mal écrit : des chiffres, avec un point (pas une virgule) avant les décimales.', en: 'a number written wrong: digits, with a point (not a comma) before the decimals.' },
  'trailing-comma': { fr: 'une virgule juste avant une accolade ou un crochet fermant : retirez-la.', en: 'a comma right before a closing brace or bracket: remove it.' },
  'missing-comma': { fr: 'il manque une virgule entre deux éléments, ou l’accolade ou le crochet qui les ferme.', en: 'a comma is missing between two items, or the brace or bracket that closes them.' },
  'missing-colon': { fr: 'il manque les deux-points (:) entre le nom d’un champ et sa valeur.', en: 'the colon (:) between a field’s name and its value is missing.' },
  'control-character': { fr: 'un saut de ligne ou une tabulation dans un texte : écrivez-les \\n ou \\t.', en: 'a line break or tab inside a text: write it \\n or \\t.' },
  'bad-escape': { fr: 'une barre oblique inverse (\\) dans un texte s’écrit doublée (\\\\).', en: 'a backslash (\\) inside a text is written twice (\\\\).' },
  'after-end': { fr: 'du texte après la fin du document : une ligne ne tient qu’un document.', en: 'text after the end of the document: a line holds one document only.' },
};

/** The path of a problem about one cell of a row (a cell a reader refused). */
export function cellPath(column: string): string {
  return pointer('/cells', column);
}

/**
 * The column a row's problem is about, as the results' error column names it: the question,
 * profile field or cell its path points at, the path itself otherwise, '—' for the whole row.
 */
export function columnOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return (parts[0] === 'answers' || parts[0] === 'profile' || parts[0] === 'cells') && parts[1] ? parts[1] : parts.join('/') || '—';
}
