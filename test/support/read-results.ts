import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/**
 * A results CSV as rows by column, in whichever dialect it was written (results come back as the
 * input came: a French Excel file gets semicolons, decimal commas and its encoding), numbers with
 * a decimal point, so that tests about scores read every dialect alike.
 */
export function readResultsCsv(file: string): Record<string, string>[] {
  const bytes = readFileSync(file);
  const utf8 = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = utf8 ? bytes.toString('utf8').slice(1) : iconv.decode(bytes, 'win1252');
  const header = text.slice(0, text.indexOf('\n'));
  const delimiter = header.includes(';') ? ';' : ',';
  const rows = parse(text, { columns: true, delimiter }) as Record<string, string>[];
  if (delimiter === ',') return rows;
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, /^-?\d+,\d+$/.test(v) ? v.replace(',', '.') : v])));
}
