import { createReadStream, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Issue } from '../../core/issue.js';
import { bilingual, localize } from '../../core/text.js';
import { unreadableFile } from '../batch-file-error.js';
import { checkHeader } from '../columns.js';
import type { InputRow } from '../input-row.js';
import type { ReadProgress } from '../read-rows.js';
import { MAX_RECORD_BYTES, TOO_LONG, UNCLOSED_QUOTE } from '../row-problems.js';
import { chunkText, type CsvChunk } from './csv-chunk.js';
import { BROKEN, CsvRecordCutter, MORE } from './csv-record-cutter.js';
import { delimiterOf, EncodingSniffer } from './csv-sniff.js';

/** What the reader gives: a chunk of whole records, or a row it could not read, rejected alone. */
type Work = CsvChunk | InputRow[];

const NEWLINE = 0x0a;
const CR = 0x0d;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
// Large reads: fewer pieces to join when a chunk spans several.
export const READ_SIZE = 1 << 20;

/**
 * A CSV file as chunks of whole records, cut on bytes by the main thread, which never decodes them (003); a row it
 * cannot read comes alone, rejected with its number, and reading goes on after it.
 */
export async function* readCsvChunks(file: string, progress: ReadProgress, rowsPerChunk: number): AsyncGenerator<Work> {
  progress.totalBytes = statSync(file).size;
  const sniffer = new EncodingSniffer();
  let delimiter = ',';
  let cutter = new CsvRecordCutter(delimiter.charCodeAt(0));
  let crLineEnds = false;
  let buffer: Buffer = Buffer.alloc(0);
  /** Where the chunk being gathered starts in `buffer`, and how many records it holds. */
  let start = 0;
  let records = 0;
  let header: string[] | undefined;
  /** The row number of the chunk's first record (the header is row 1). */
  let nextRow = 2;
  /** Discarding an overlong line up to its line feed. */
  let skipping = false;

  const chunkUpTo = (end: number): CsvChunk => ({ kind: 'csv', header: header!, delimiter, encoding: sniffer.encoding, bytes: new Uint8Array(buffer.subarray(start, end)), firstRow: nextRow });
  function* flushUpTo(end: number): Generator<Work> {
    if (records > 0) yield chunkUpTo(end);
    nextRow += records;
    records = 0;
    start = end;
  }
  /** Ends the chunk before the record starting at `record`, which comes as a row of its own, rejected for `reason`. */
  function* unreadable(reason: Issue, record: number): Generator<Work> {
    if (!header) throw unreadableFile(file, 'unreadable-header', bilingual(`la première ligne (les noms des colonnes) ne se lit pas : ${localize(reason.message, 'fr')}`, `the first row (the column names) cannot be read: ${localize(reason.message, 'en')}`));
    yield* flushUpTo(record);
    yield [{ row: nextRow++, cells: {}, unreadable: reason }];
  }
  /** Cuts what the buffer holds into chunks; `final` at the end of the file. */
  function* cut(final: boolean): Generator<Work> {
    for (;;) {
      if (skipping) {
        const newline = buffer.indexOf(NEWLINE, cutter.at);
        start = newline < 0 ? buffer.length : newline + 1;
        cutter.startAt(start);
        if (newline < 0) return;
        skipping = false;
      }
      if (final && cutter.record >= buffer.length) return;
      const record = cutter.record;
      const end = cutter.next(buffer, final);
      if (end === BROKEN || (end === MORE && buffer.length - record > MAX_RECORD_BYTES)) {
        const quoted = cutter.opened >= 0;
        yield* unreadable(quoted ? UNCLOSED_QUOTE : TOO_LONG, record);
        // Read on after the line of the quote, or after the line too long once its end comes.
        const resume = quoted ? cutter.resumeAt(buffer) : -1;
        skipping = resume < 0 && !final;
        start = resume < 0 ? buffer.length : resume;
        cutter.startAt(resume < 0 && !quoted ? record : start);
        continue;
      }
      if (end === MORE) return;
      const next = Math.min(end + 1, buffer.length);
      if (next - record > MAX_RECORD_BYTES) {
        yield* unreadable(TOO_LONG, record);
        start = next;
        continue;
      }
      if (!header) {
        header = parseHeader(buffer.subarray(0, next), sniffer.encoding, delimiter, file);
        start = next;
        continue;
      }
      if (++records === rowsPerChunk) yield* flushUpTo(next);
    }
  }

  let first = true;
  for await (const bytes of createReadStream(file, { highWaterMark: READ_SIZE }) as AsyncIterable<Buffer>) {
    progress.bytesRead += bytes.length;
    const piece = first ? withoutBom(bytes, sniffer) : bytes;
    if (first) {
      delimiter = delimiterOf(piece);
      cutter = new CsvRecordCutter(delimiter.charCodeAt(0));
      crLineEnds = endsLinesWithCr(piece);
      first = false;
    }
    if (crLineEnds) crToLf(piece);
    sniffer.see(piece);
    buffer = buffer.length === 0 ? piece : Buffer.concat([buffer, piece]);
    yield* cut(false);
    // Keep the records gathered for the next chunk and the record being cut.
    buffer = buffer.subarray(start);
    cutter.rebase(start);
    start = 0;
  }
  sniffer.end();
  yield* cut(true);
  if (!header) {
    if (chunkText({ bytes: buffer, encoding: sniffer.encoding }).trim() === '') throw unreadableFile(file, 'empty-file', bilingual('fichier vide', 'empty file'));
    parseHeader(buffer, sniffer.encoding, delimiter, file);
    return;
  }
  if (records > 0 && chunkText({ bytes: buffer.subarray(start), encoding: sniffer.encoding }).trim() !== '') yield chunkUpTo(buffer.length);
}

/** The first piece of the file without its UTF-8 byte order mark, if it has one: the mark settles the encoding. */
function withoutBom(bytes: Buffer, sniffer: EncodingSniffer): Buffer {
  if (!bytes.subarray(0, 3).equals(UTF8_BOM)) return bytes;
  sniffer.settleUtf8();
  return bytes.subarray(3);
}

/** Whether the file's first line ends with a lone CR (old Mac spreadsheets), as its other lines then do. */
function endsLinesWithCr(piece: Buffer): boolean {
  const cr = piece.indexOf(CR);
  const newline = piece.indexOf(NEWLINE);
  return cr >= 0 && (newline < 0 || cr < newline) && piece[cr + 1] !== NEWLINE;
}

function crToLf(piece: Buffer): void {
  for (let cr = piece.indexOf(CR); cr >= 0; cr = piece.indexOf(CR, cr + 1)) piece[cr] = NEWLINE;
}

function parseHeader(bytes: Uint8Array, encoding: CsvChunk['encoding'], delimiter: string, file: string): string[] {
  let records: string[][];
  try {
    records = parse(chunkText({ bytes, encoding }), { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
  } catch {
    throw unreadableFile(file, 'unreadable-header', bilingual('la première ligne (les noms des colonnes) ne se lit pas comme du CSV', 'the first row (the column names) cannot be read as CSV'));
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  checkHeader(header, file);
  return header;
}
