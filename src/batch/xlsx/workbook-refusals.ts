import { bilingual, type LocalizedText } from '../../core/text.js';

/** The workbook cannot be scored on from this row: the run stops, saying why (a row too large, a damaged sheet). */
export class WorkbookRefused extends Error {
  constructor(
    readonly code: string,
    readonly why: LocalizedText,
  ) {
    super(why.en);
  }
}

/** What no portfolio's row needs, refused so that a workbook unfolding into huge rows stops the run (a zip bomb). */
export const MAX_COLUMNS = 5000;
export const MAX_CELL_CHARS = 100_000;

/** A row past the limits above, or (for the reader in the workers) whose XML alone passes MAX_ROW_BYTES. */
export function rowTooLarge(row: number): LocalizedText {
  return bilingual(
    `ligne ${row} démesurée (plus de ${MAX_COLUMNS} colonnes ou une cellule de plus de ${MAX_CELL_CHARS} caractères) : raccourcissez ses cellules trop longues ou retirez les colonnes en trop, puis renvoyez le classeur`,
    `row ${row} too large (more than ${MAX_COLUMNS} columns or a cell of more than ${MAX_CELL_CHARS} characters): shorten its longest cells or remove the extra columns, then send the workbook again`,
  );
}

// The portfolio is read from the first sheet only: a reader whose rows sit on another tab must be told where to put them.
export const EMPTY_SHEET = bilingual(
  'feuille vide : la première feuille du classeur (l’onglet de gauche) ne contient rien ; mettez-y le portefeuille, les noms de colonnes en ligne 1',
  'empty sheet: the workbook’s first sheet (the leftmost tab) holds nothing; put the portfolio there, its column names in row 1',
);

// The zip library's own reason (« Corrupted zip? ») tells a reader nothing they can act on.
export const UNREADABLE_WORKBOOK = bilingual(
  'classeur illisible : le fichier est abîmé ou n’est pas un classeur XLSX ; ouvrez-le dans Excel et enregistrez-le à nouveau au format .xlsx',
  'unreadable workbook: the file is damaged or not an XLSX workbook; open it in Excel and save it again as .xlsx',
);

/** A part of the workbook unfolding far past its compressed size: a zip bomb, or nothing a portfolio needs. */
export function workbookTooLarge(ratio: number): LocalizedText {
  return bilingual(
    `classeur refusé : une fois décompressé, il grandirait de plus de ${ratio} fois, ce qu’aucun portefeuille ne fait (un fichier piégé ?) ; enregistrez-le à nouveau depuis Excel, ou envoyez le portefeuille en CSV`,
    `workbook refused: it would unfold to more than ${ratio} times its size, which no portfolio does (a booby-trapped file?); save it again from Excel, or send the portfolio as CSV`,
  );
}
