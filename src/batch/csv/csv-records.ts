import { parse as parseRelaxed } from 'csv-parse/sync';
import Papa from 'papaparse';

const PAPA: Papa.ParseConfig = { newline: '\n', quoteChar: '"', escapeChar: '"', header: false, dynamicTyping: false, skipEmptyLines: false };

// Papa drops spaces (and a lone CR) between a closing quote and the next delimiter or line end,
// where csv-parse keeps the cell as written: such a chunk (or a cell merely holding those
// characters) goes to csv-parse.
const SPACE_AFTER_QUOTE = /"[ \t\r]+(?:[,;\t\n]|$)/;

/**
 * The records of a chunk of CSV text (whole records, as csv-chunks.ts cuts them), blank lines
 * included as records of one empty cell, so that row numbers follow the file's.
 *
 * Papa Parse reads a well-formed chunk about three times faster than csv-parse, which is what a
 * million-row portfolio needs. A chunk Papa finds malformed (a stray quote after a closing one,
 * spaces after a closing quote) is read by csv-parse with relaxed quotes, as every chunk was
 * before. Either way a CRLF (French Excel's line end) is first made a line feed, inside quoted
 * cells too, and records end at line feeds only: a CR standing alone is a character of its cell,
 * as the chunks are cut (a file whose lines all end with one is read as such: see csv-chunks.ts).
 * A quote left open throws (csv-parse's error): chunks are cut without one.
 */
export function csvRecords(text: string, delimiter: string): string[][] {
  const plain = text.indexOf('\r') < 0 ? text : text.replace(/\r\n/g, '\n');
  return cleanRecords(plain, delimiter) ?? (parseRelaxed(plain, { delimiter, record_delimiter: '\n', relax_quotes: true, relax_column_count: true, skip_empty_lines: false }) as string[][]);
}

/**
 * The records Papa Parse reads from a text with line feeds only, when it reads it cleanly (no
 * error, no space after a closing quote); undefined otherwise. Well-formed records read the same
 * alone as among others, which lets a chunk read its quoted records one by one (score-row.ts).
 */
export function cleanRecords(text: string, delimiter: string): string[][] | undefined {
  if (SPACE_AFTER_QUOTE.test(text)) return undefined;
  const { data, errors } = Papa.parse<string[]>(text, { ...PAPA, delimiter });
  if (errors.length > 0) return undefined;
  // A chunk ends with a line feed, after which Papa sees one more, empty, record.
  const last = data.at(-1);
  if (text.endsWith('\n') && last?.length === 1 && last[0] === '') data.pop();
  return data;
}
