import type { SharedStrings } from './shared-strings.js';

/** What a worker needs of the workbook to read its sheet's rows: read once by the main thread. */
export interface XlsxBook {
  strings: SharedStrings;
  /** Whether the workbook has a shared strings part (a cell naming one without it holds nothing). */
  hasStrings: boolean;
  /** Each cell style's number format, by style index ('' for none). */
  numFmts: string[];
  /** Whether the styles were read: if not, no cell's format is known (see readXlsxCell). */
  formatsKnown: boolean;
  date1904: boolean;
}

/** Whole rows of a workbook's sheet as the XML bytes of its <sheetData>, cut by the main thread, for a worker to parse and score. */
export interface XlsxChunk {
  kind: 'xlsx';
  book: XlsxBook;
  /** The header row's column names; null where the header row has no cell. */
  header: (string | null)[];
  /** Owns its memory, so it can be transferred to a worker rather than copied. */
  bytes: Uint8Array<ArrayBuffer>;
  /** The number of the row before the chunk's first (for a row that does not say its number). */
  previousRow: number;
}
