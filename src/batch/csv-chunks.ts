import { createReadStream, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { chunkText, type CsvChunk } from './csv-chunk.js';
import { delimiterOf, EncodingSniffer } from './csv-sniff.js';
import { checkHeader, UnreadableFile, type ReadProgress } from './read-rows.js';

/** No spreadsheet row of a portfolio comes near this: a longer one is a broken or hostile file. */
export const MAX_RECORD_BYTES = 1_000_000;

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
// Large reads: fewer pieces to join when a chunk spans several.
export const READ_SIZE = 1 << 20;

/**
 * Streams a CSV file as chunks of whole records. Finding record ends only needs the quotes (a
 * newline inside quotes belongs to the field), and both are single bytes in UTF-8 and
 * Windows-1252 alike, so the main thread scans bytes and never decodes; the workers decode and parse.
 * The encoding is told by the first non-ASCII bytes (see EncodingSniffer): the chunks before them
 * are ASCII, which UTF-8 decodes right.
 */
export async function* readCsvChunks(file: string, progress: ReadProgress, rowsPerChunk: number): AsyncGenerator<CsvChunk> {
  progress.totalBytes = statSync(file).size;
  const sniffer = new EncodingSniffer();
  let delimiter = ',';
  let buffer: Buffer = Buffer.alloc(0);
  let scanFrom = 0;
  let inQuotes = false;
  let header: string[] | undefined;
  let nextRow = 2;
  let first = true;
  for await (const bytes of createReadStream(file, { highWaterMark: READ_SIZE }) as AsyncIterable<Buffer>) {
    progress.bytesRead += bytes.length;
    const piece = first ? withoutBom(bytes, sniffer) : bytes;
    if (first) delimiter = delimiterOf(piece);
    first = false;
    sniffer.see(piece);
    buffer = buffer.length === 0 ? piece : Buffer.concat([buffer, piece]);
    let start = 0;
    let records = 0;
    // Jump from quote to newline with indexOf: native scans, not one byte at a time. The next
    // quote is looked for again only once passed: a file without quotes is scanned once, not once per record.
    let i = scanFrom;
    let quote = buffer.indexOf(QUOTE, i);
    while (i < buffer.length) {
      if (quote >= 0 && quote < i) quote = buffer.indexOf(QUOTE, i);
      if (inQuotes) {
        if (quote < 0) break;
        inQuotes = false;
        i = quote + 1;
        continue;
      }
      const newline = buffer.indexOf(NEWLINE, i);
      if (quote >= 0 && (newline < 0 || quote < newline)) {
        inQuotes = true;
        i = quote + 1;
        continue;
      }
      if (newline < 0) break;
      i = newline + 1;
      if (!header) {
        header = parseHeader(buffer.subarray(0, i), sniffer.encoding, delimiter, file);
        start = i;
        continue;
      }
      if (++records === rowsPerChunk) {
        yield { kind: 'csv', header, delimiter, encoding: sniffer.encoding, bytes: new Uint8Array(buffer.subarray(start, i)), firstRow: nextRow };
        nextRow += records;
        records = 0;
        start = i;
      }
    }
    buffer = buffer.subarray(start);
    if (records === 0 && buffer.length > MAX_RECORD_BYTES) {
      throw new UnreadableFile(file, `ligne ${nextRow} de plus de ${MAX_RECORD_BYTES.toLocaleString('fr-FR')} octets (guillemet non fermé ?)`,
        `row ${nextRow} longer than ${MAX_RECORD_BYTES.toLocaleString('en-GB')} bytes (unclosed quote?)`,
      );
    }
    scanFrom = buffer.length;
    if (records > 0 && buffer.length > 0) {
      // Keep the records of this piece with the next ones: chunks stay of even size.
      scanFrom = 0;
      inQuotes = false;
    }
  }
  sniffer.end();
  const { encoding } = sniffer;
  if (!header) {
    if (chunkText({ bytes: buffer, encoding }).trim() === '') throw new UnreadableFile(file, 'fichier vide', 'empty file');
    header = parseHeader(buffer, encoding, delimiter, file);
    return;
  }
  if (chunkText({ bytes: buffer, encoding }).trim() !== '') yield { kind: 'csv', header, delimiter, encoding, bytes: new Uint8Array(buffer), firstRow: nextRow };
}

/** The first piece of the file without its UTF-8 byte order mark, if it has one: the mark settles the encoding. */
function withoutBom(bytes: Buffer, sniffer: EncodingSniffer): Buffer {
  if (!bytes.subarray(0, 3).equals(UTF8_BOM)) return bytes;
  sniffer.settleUtf8();
  return bytes.subarray(3);
}

function parseHeader(bytes: Uint8Array, encoding: CsvChunk['encoding'], delimiter: string, file: string): string[] {
  const [record] = parse(chunkText({ bytes, encoding }), { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
  const header = (record ?? []).map((h) => h.trim());
  checkHeader(header, file);
  return header;
}
