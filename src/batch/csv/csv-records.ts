import { parse } from 'csv-parse/sync';

const OPTIONS = { record_delimiter: '\n', relax_quotes: true, relax_column_count: true, skip_empty_lines: false } as const;

/**
 * The records of CSV text (whole records, as the chunks are cut), read by csv-parse, the batch's
 * one CSV library (docs/decisions/005-one-csv-library.md): blank lines are records of one empty
 * cell, so that row numbers follow the file's. A CRLF (French Excel's line end) is first made a
 * line feed, inside quoted cells too, and records end at line feeds only: a CR standing alone is a
 * character of its cell, as the chunks are cut. Quotes are relaxed (a quote inside a cell that did
 * not open with one is a character); a quote left open throws.
 */
export function csvRecords(text: string, delimiter: string): string[][] {
  const plain = text.indexOf('\r') < 0 ? text : text.replace(/\r\n/g, '\n');
  return parse(plain, { ...OPTIONS, delimiter }) as string[][];
}
