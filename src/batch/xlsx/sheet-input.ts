import type { ContentIndex } from '../../core/content-index.js';
import type { Question } from '../../core/content-model.js';
import { issue, type Issue } from '../../core/issue.js';
import type { InputRow } from '../input-row.js';
import { cellPath } from '../row-problems.js';
import { readXlsxCell, xlsxText } from '../xlsx-cell.js';
import type { SheetRow } from './sheet-rows.js';
import { MAX_CELL_CHARS, MAX_COLUMNS, rowTooLarge, WorkbookRefused } from './workbook-refusals.js';

/** Refuses a row no portfolio needs (see MAX_COLUMNS), as the whole workbook. */
export function checkRowSize(row: SheetRow): void {
  if (row.values.length > MAX_COLUMNS || row.longest > MAX_CELL_CHARS) throw new WorkbookRefused('row-too-large', rowTooLarge(row.row));
}

/** The header row's column names: null where it has no cell. */
export function headerOf(row: SheetRow): (string | null)[] {
  return Array.from({ length: row.values.length }, (_, i) => (i in row.values ? xlsxText(row.values[i]) : null));
}

/** Each header column's question (or profile field), for reading its cells. */
export function questionsOf(index: ContentIndex, header: readonly (string | null)[]): (Question | undefined)[] {
  return header.map((h) => (h === null ? undefined : (index.profileFields.get(h) ?? index.questions.get(h)?.question)));
}

/** Marks a cell readXlsxCell refused, in the values readCells gives. */
const REFUSED: unique symbol = Symbol('refused');

/** A row's cells read for their columns' questions, by header column; the refused ones marked, and why. */
export function readCells(row: SheetRow, header: readonly (string | null)[], questions: readonly (Question | undefined)[], formatsKnown: boolean): { values: unknown[]; refused?: Issue[] } {
  const values: unknown[] = new Array(header.length);
  let refused: Issue[] | undefined;
  for (let i = 0; i < header.length; i++) {
    const column = header[i];
    if (column === null || column === undefined) continue;
    const value = row.values[i];
    // Texts, booleans and empty cells are read as they are (readXlsxCell would give them so): only numbers and dates are read by their format,
    // and a multiple choice's texts checked for « aucun » with other answers.
    if (typeof value !== 'number' && !(value instanceof Date) && !(typeof value === 'string' && questions[i]?.type === 'multiple')) {
      values[i] = value ?? null;
      continue;
    }
    const read = readXlsxCell(value, () => row.formats[i], questions[i], formatsKnown);
    if ('value' in read) {
      values[i] = read.value ?? null;
    } else {
      values[i] = REFUSED;
      (refused ??= []).push(issue(read.refused.code, cellPath(column), read.refused.message));
    }
  }
  return { values, ...(refused && { refused }) };
}

/** A sheet's row as a batch row (as the reference reader builds it): each cell read for its column's question; a cell refused is left out and said why. */
export function inputRowOf(row: SheetRow, header: readonly (string | null)[], questions: readonly (Question | undefined)[], formatsKnown: boolean): InputRow {
  return inputRowFrom(row.row, header, readCells(row, header, questions, formatsKnown));
}

/** A row's cells already read (readCells) as a batch row. */
export function inputRowFrom(row: number, header: readonly (string | null)[], { values, refused }: ReturnType<typeof readCells>): InputRow {
  const cells: Record<string, unknown> = {};
  header.forEach((column, i) => {
    if (column !== null && values[i] !== REFUSED) cells[column] = values[i];
  });
  return { row, cells, ...(refused && { refused }) };
}

/**
 * The columns a row's cells object has (the header's names in order, once each, as Object.keys
 * orders them) and, for each, the header column its value comes from (the last of a name given twice).
 */
export function recordColumns(header: readonly (string | null)[]): { names: string[]; sources: number[] } {
  const template: Record<string, number> = {};
  header.forEach((column, i) => {
    if (column !== null) template[column] = i;
  });
  const names = Object.keys(template);
  return { names, sources: names.map((n) => template[n]!) };
}
