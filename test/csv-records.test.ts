import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../src/batch/csv/csv-records.js';
import { differential } from './support/differential.js';

/**
 * The reference: csv-parse with relaxed quotes, left to its own line ends, on the text with CRLF
 * made LF. Only a line feed ends a record (a CR standing alone is a character of its cell, as
 * chunks are cut): left to itself, csv-parse takes its line end from the first record, so a lone CR
 * there would end records that the chunks and the byte reader do not end.
 */
function reference(text: string, delimiter: string): string[][] {
  return parse(text.replace(/\r\n/g, '\n'), { delimiter, record_delimiter: '\n', relax_quotes: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
}

const delimiters = fc.constantFrom(',', ';', '\t');
// Cells with every character that matters to CSV: delimiters, quotes, line feeds, spaces, accents.
const cell = fc.stringMatching(/^[a-zé0-9 ;,"\n\t|%-]{0,8}$/);
const records = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });

/** Records, or 'throws' where the reader throws (a quote left open). */
const recordsOr = (read: (text: string, delimiter: string) => string[][]) => ({ text, delimiter }: { text: string; delimiter: string }) => {
  try {
    return read(text, delimiter);
  } catch {
    return 'throws';
  }
};

describe('CSV records of a chunk, read as text', () => {
  it('when well-formed chunks are written by csv-stringify, then the records are those csv-parse reads as the stringifier meant them', async () => {
    // Quoted wherever a line break is, as spreadsheets do (csv-stringify alone only quotes its own record end).
    const chunks = fc.tuple(records, delimiters, fc.boolean()).map(([rows, delimiter, crlf]) => ({ rows, delimiter, text: stringify(rows, { delimiter, record_delimiter: crlf ? 'windows' : 'unix', quoted_match: /[\r\n]/ }) }));
    // The cells come back as they were written (they hold no CR: with CRLF line ends, one would read as a line feed).
    expect(await differential(({ rows }) => rows, recordsOr(csvRecords), chunks, { runs: 500 })).toBeGreaterThanOrEqual(500);
    expect(await differential(recordsOr(reference), recordsOr(csvRecords), chunks, { runs: 500 })).toBeGreaterThanOrEqual(500);
  });

  it('when a chunk is broken anywhere (a quote or CR added, a character dropped), then it is read exactly as csv-parse reads it, or refused where it refuses it', async () => {
    const chunks = fc.tuple(records, delimiters, fc.nat(), fc.constantFrom('"', '\r', 'x"', '"x', '')).map(([rows, delimiter, at, insert]) => {
      const text = stringify(rows, { delimiter });
      const i = at % (text.length + 1);
      return { delimiter, text: insert === '' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + insert + text.slice(i) };
    });
    expect(await differential(recordsOr(reference), recordsOr(csvRecords), chunks, { runs: Number(process.env.FUZZ_RUNS ?? 2000) })).toBeGreaterThanOrEqual(2000);
  });

  it('when a chunk has blank lines, extra and missing columns, then each line is one record in file order', () => {
    const text = 'a;b\n\n;\nc;d;extra\ne\n"f\ng";h\n';
    expect(csvRecords(text, ';')).toEqual([['a', 'b'], [''], ['', ''], ['c', 'd', 'extra'], ['e'], ['f\ng', 'h']]);
  });

  it('when French Excel writes CRLF with a line break inside a cell, then the records are the same as with LF', () => {
    expect(csvRecords('a;"b\r\nc"\r\nd;e\r\n', ';')).toEqual([['a', 'b\nc'], ['d', 'e']]);
    expect(csvRecords('a;b\r\nd;e', ';')).toEqual([['a', 'b'], ['d', 'e']]);
  });
});
