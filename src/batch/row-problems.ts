import { issue, pointer, type Issue } from '../core/issue.js';
import { bilingual } from '../core/text.js';

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

/** The parser's own reason is English (V8's): kept as the detail, after a sentence in the reader's language. */
export function invalidJson(reason: string): Issue {
  return issue('invalid-json', '', bilingual(`JSON invalide : ${reason}`, `Invalid JSON: ${reason}`));
}

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
