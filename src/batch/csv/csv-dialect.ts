import { closeSync, openSync, readSync } from 'node:fs';
import type { Decimal } from '../format-rows.js';
import { delimiterOf, EncodingSniffer, type CsvEncoding } from './csv-sniff.js';

/** How a CSV is written: what separates cells, the decimal separator, the encoding (UTF-8 is written with a BOM, which Excel needs). */
export interface CsvDialect {
  delimiter: string;
  decimal: Decimal;
  encoding: CsvEncoding;
}

/** What French Excel writes and reads: semicolons, decimal commas. */
export const FRENCH_EXCEL: CsvDialect = { delimiter: ';', decimal: ',', encoding: 'utf8' };
export const ENGLISH_EXCEL: CsvDialect = { delimiter: ',', decimal: '.', encoding: 'utf8' };

const HEAD_BYTES = 1 << 20;

/**
 * The dialect of a portfolio CSV, from its first bytes, for results written as it came: a semicolon
 * file (French Excel's) gets semicolons and decimal commas back, a comma or tab file decimal points;
 * a Windows-1252 file gets Windows-1252 back, any other UTF-8 with a BOM. (The reader tells the
 * encoding from the first non-ASCII bytes wherever they are; a file whose first megabyte is ASCII
 * is answered in UTF-8, which French Excel reads too with its BOM.)
 */
export function dialectOfFile(file: string): CsvDialect {
  const head = Buffer.alloc(HEAD_BYTES);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, head, 0, HEAD_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, length);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const sniffer = new EncodingSniffer();
  if (bom) sniffer.settleUtf8();
  sniffer.see(bytes);
  if (length < HEAD_BYTES) sniffer.end();
  const delimiter = delimiterOf(bom ? bytes.subarray(3) : bytes);
  return { delimiter, decimal: delimiter === ',' ? '.' : ',', encoding: sniffer.encoding };
}

/**
 * The dialect results are written in: `excel` when asked (fr: French Excel's, en: English Excel's),
 * otherwise the input's (a CSV), otherwise English Excel's; a delimiter asked for wins, the decimal
 * separator then being a point if it is a comma.
 */
export function outputDialect(input: { file: string; format: string }, asked: { excel?: 'fr' | 'en' | undefined; delimiter?: string | undefined }): CsvDialect {
  const fromInput = input.format === 'csv' ? dialectOfFile(input.file) : ENGLISH_EXCEL;
  let dialect = asked.excel === 'fr' ? { ...FRENCH_EXCEL, encoding: fromInput.encoding } : asked.excel === 'en' ? ENGLISH_EXCEL : fromInput;
  if (asked.delimiter !== undefined) dialect = { ...dialect, delimiter: asked.delimiter, decimal: asked.delimiter === ',' ? '.' : dialect.decimal };
  return dialect;
}
