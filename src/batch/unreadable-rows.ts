import { bilingual, type LocalizedText } from '../core/text.js';

/** Why a row of a portfolio file could not be read at all: it is rejected with this, and reading goes on after it. */

/** No spreadsheet row of a portfolio comes near this: a longer one is a broken or hostile file. */
export const MAX_RECORD_BYTES = 1_000_000;

export const UNCLOSED_QUOTE = bilingual(
  'guillemet (") ouvert dans cette ligne et jamais refermé : la ligne n’a pas pu être lue (les suivantes sont lues normalement). Dans une cellule, un guillemet s’écrit doublé ("").',
  'a quote (") opened in this row is never closed: the row could not be read (the rows after it are read as usual). Inside a cell, write a quote twice ("").',
);

export const MISPLACED_QUOTES = bilingual(
  'guillemets (") mal placés : la ligne n’a pas pu être lue. Dans une cellule, un guillemet s’écrit doublé ("").',
  'misplaced quotes ("): the row could not be read. Inside a cell, write a quote twice ("").',
);

export const TOO_LONG = bilingual(
  `ligne de plus de ${MAX_RECORD_BYTES.toLocaleString('fr-FR')} octets : elle n’a pas pu être lue.`,
  `row longer than ${MAX_RECORD_BYTES.toLocaleString('en-GB')} bytes: it could not be read.`,
);

/** An answers document is three levels deep: a line nested far deeper is not one (and would be costly to walk). */
export const MAX_JSON_DEPTH = 32;

export const TOO_DEEP = bilingual(
  `JSON imbriqué sur plus de ${MAX_JSON_DEPTH} niveaux : ce n’est pas un document de réponses.`,
  `JSON nested more than ${MAX_JSON_DEPTH} levels deep: not an answers document.`,
);

/** The parser's own reason is English (V8's): kept as the detail, after a sentence in the reader's language. */
export function invalidJson(reason: string): LocalizedText {
  return bilingual(`JSON invalide : ${reason}`, `Invalid JSON: ${reason}`);
}
