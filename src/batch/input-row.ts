import type { Issue } from '../core/issue.js';

/** A row as read: its number in the file (as a spreadsheet counts rows) and its cells by column. */
export interface InputRow {
  row: number;
  cells: Record<string, unknown>;
  /** For JSON Lines: the answers document itself. */
  document?: unknown;
  /** A row that could not even be read (a JSON line that is not JSON, a CSV quote never closed): why. */
  unreadable?: Issue;
  /** Cells the reader refused (a workbook's date, or a number that could mean two percentages): left out of `cells`, and why. */
  refused?: Issue[];
}
