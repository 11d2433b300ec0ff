import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { checkHeader, sniffCsv, UnreadableFile, type ReadProgress } from './read-rows.js';

/** Complete CSV records as text, for a worker to parse: the main thread only finds where records end. */
export interface CsvChunk {
  kind: 'csv';
  header: string[];
  delimiter: string;
  text: string;
  /** Spreadsheet row number of the chunk's first record (the header is row 1). */
  firstRow: number;
}

/**
 * Streams a CSV file as chunks of whole records. Finding record ends only needs the quotes (a
 * newline inside quotes belongs to the field), so it is cheap; parsing happens in the workers.
 */
/** No spreadsheet row of a portfolio comes near this: a longer one is a broken or hostile file. */
export const MAX_RECORD_CHARS = 1_000_000;

export async function* readCsvChunks(file: string, progress: ReadProgress, rowsPerChunk: number): AsyncGenerator<CsvChunk> {
  const { encoding, delimiter } = sniffCsv(file);
  // Decoders that keep a character cut between two reads whole.
  const utf8 = new TextDecoder('utf-8');
  const win1252 = iconv.getDecoder('win1252');
  const decode = (bytes: Buffer) => (encoding === 'win1252' ? win1252.write(bytes) : utf8.decode(bytes, { stream: true }));
  let buffer = '';
  let scanFrom = 0;
  let inQuotes = false;
  let header: string[] | undefined;
  let nextRow = 2;
  let first = true;
  for await (const bytes of createReadStream(file) as AsyncIterable<Buffer>) {
    progress.bytesRead += bytes.length;
    const piece = decode(bytes);
    buffer += first ? piece.replace(/^\uFEFF/, '') : piece;
    first = false;
    let start = 0;
    let records = 0;
    // Jump from quote to newline with indexOf: native scans, not one character at a time.
    let i = scanFrom;
    while (i < buffer.length) {
      const quote = buffer.indexOf('"', i);
      if (inQuotes) {
        if (quote < 0) break;
        inQuotes = false;
        i = quote + 1;
        continue;
      }
      const newline = buffer.indexOf('\n', i);
      if (quote >= 0 && (newline < 0 || quote < newline)) {
        inQuotes = true;
        i = quote + 1;
        continue;
      }
      if (newline < 0) break;
      i = newline + 1;
      if (!header) {
        header = parseHeader(buffer.slice(0, i), delimiter, file);
        start = i;
        continue;
      }
      if (++records === rowsPerChunk) {
        yield { kind: 'csv', header, delimiter, text: buffer.slice(start, i), firstRow: nextRow };
        nextRow += records;
        records = 0;
        start = i;
      }
    }
    buffer = buffer.slice(start);
    if (records === 0 && buffer.length > MAX_RECORD_CHARS) {
      throw new UnreadableFile(`${file}: ligne ${nextRow} de plus de ${MAX_RECORD_CHARS.toLocaleString('fr-FR')} caractères (guillemet non fermé ?) / row ${nextRow} longer than ${MAX_RECORD_CHARS} characters (unclosed quote?)`);
    }
    scanFrom = buffer.length;
    if (records > 0 && buffer.length > 0) {
      // Keep the records of this piece with the next ones: chunks stay of even size.
      scanFrom = 0;
      inQuotes = false;
    }
  }
  if (!header) {
    if (buffer.trim() === '') throw new UnreadableFile(`${file}: fichier vide / empty file`);
    header = parseHeader(buffer, delimiter, file);
    return;
  }
  if (buffer.trim() !== '') yield { kind: 'csv', header, delimiter, text: buffer, firstRow: nextRow };
}

function parseHeader(line: string, delimiter: string, file: string): string[] {
  const [record] = parse(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
  const header = (record ?? []).map((h) => h.trim());
  checkHeader(header, file);
  return header;
}
