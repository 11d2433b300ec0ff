import iconv from 'iconv-lite';
import type { CsvEncoding } from './csv-sniff.js';

/** Complete CSV records as raw bytes, for a worker to decode and parse: the main thread only finds where records end. */
export interface CsvChunk {
  kind: 'csv';
  header: string[];
  delimiter: string;
  encoding: CsvEncoding;
  /** Owns its memory, so it can be transferred to a worker rather than copied. */
  bytes: Uint8Array<ArrayBuffer>;
  /** Spreadsheet row number of the chunk's first record (the header is row 1). */
  firstRow: number;
}

// The file's own BOM is dropped before chunking; one inside a record is text, as it always was.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of a chunk's bytes (in a worker): records never split a character, so each decodes alone. */
export function chunkText(chunk: { bytes: Uint8Array; encoding: CsvChunk['encoding'] }): string {
  return chunk.encoding === 'win1252' ? iconv.decode(Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength), 'win1252') : utf8.decode(chunk.bytes);
}

