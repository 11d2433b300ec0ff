import type { ContentIndex } from '../../core/content-index.js';
import type { Question } from '../../core/content-model.js';
import { issue, type Issue } from '../../core/issue.js';
import type { LocalizedText } from '../../core/text.js';
import type { InputRow } from '../input-row.js';
import { cellPath } from '../row-problems.js';
import { readXlsxCell, xlsxText } from '../xlsx-cell.js';
import type { SheetRow } from './sheet-rows.js';
import { MAX_CELL_CHARS, MAX_COLUMNS, rowTooLarge } from './workbook-refusals.js';

/** The workbook cannot be scored on from this row: the run stops, saying why (a row too large, a damaged sheet). */
export class WorkbookRefused extends Error {
  constructor(
    readonly code: string,
    readonly why: LocalizedText,
  ) {
    super(why.en);
  }
}

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

/** A sheet's row as a batch row: each cell read for its column's question; a cell refused is left empty and said why. */
export function inputRowOf(row: SheetRow, header: readonly (string | null)[], questions: readonly (Question | undefined)[], formatsKnown: boolean): InputRow {
  const cells: Record<string, unknown> = {};
  let refused: Issue[] | undefined;
  for (let i = 0; i < header.length; i++) {
    const column = header[i];
    if (column === null || column === undefined) continue;
    const read = readXlsxCell(row.values[i], () => row.formats[i], questions[i], formatsKnown);
    if ('value' in read) cells[column] = read.value ?? null;
    else (refused ??= []).push(issue(read.refused.code, cellPath(column), read.refused.message));
  }
  return { row: row.row, cells, ...(refused && { refused }) };
}
