import type { Readable } from 'node:stream';
import type { InputRow } from './input-row.js';
import { invalidJson, MAX_JSON_DEPTH, MAX_RECORD_BYTES, TOO_DEEP, TOO_LONG } from './row-problems.js';

const NEWLINE = 0x0a;

/** Whole lines of a JSON Lines file as raw bytes, for a worker to parse and score (see readJsonLinesChunks). */
export interface JsonLinesChunk {
  kind: 'jsonl';
  /** Owns its memory, so it can be transferred to a worker rather than copied. */
  bytes: Uint8Array<ArrayBuffer>;
  /** The line number of the chunk's first line (blank lines count). */
  firstRow: number;
}

/**
 * A JSON Lines file as chunks of whole lines, cut on their bytes by the main thread, which parses
 * nothing: the workers parse and score them (see scoreJsonLinesChunk), as CSV chunks are (decision
 * 003), so that no document crosses threads as an object. A line growing past MAX_RECORD_BYTES is
 * rejected alone, never held whole, and skipped to its end.
 */
export async function* readJsonLinesChunks(stream: Readable, linesPerChunk: number): AsyncGenerator<JsonLinesChunk | InputRow[]> {
  // The bytes gathered for the next chunk, as the stream gave them: copied once, into the chunk
  // (joining each piece to the bytes before it copied them about three times, and the garbage
  // collector then took most of the main thread's time on large files).
  let pieces: Buffer[] = [];
  let gathered = 0;
  let firstRow = 1;
  let lines = 0;
  // Where the lines gathered for the next chunk end, among the bytes gathered.
  let end = 0;
  let skipping = false;
  const take = (upTo: number): JsonLinesChunk => {
    // Not zeroed, and an ArrayBuffer of its own: it is transferred to a worker.
    const bytes = Buffer.allocUnsafeSlow(upTo);
    let at = 0;
    let k = 0;
    for (; at < upTo; k++) {
      const piece = pieces[k]!;
      const used = Math.min(piece.length, upTo - at);
      bytes.set(piece.subarray(0, used), at);
      at += used;
      if (used < piece.length) {
        // The rest of this piece starts the next chunk.
        pieces[k] = piece.subarray(used);
        break;
      }
    }
    pieces = pieces.slice(k);
    gathered -= upTo;
    end -= upTo;
    const chunk: JsonLinesChunk = { kind: 'jsonl', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, upTo), firstRow };
    firstRow += lines;
    lines = 0;
    return chunk;
  };
  for await (const piece of stream as AsyncIterable<Buffer>) {
    let bytes = piece;
    if (skipping) {
      const newline = bytes.indexOf(NEWLINE);
      if (newline < 0) continue;
      skipping = false;
      bytes = bytes.subarray(newline + 1);
    }
    pieces.push(bytes);
    gathered += bytes.length;
    // Line ends are looked for in this piece only: the ones before it were found already.
    for (let newline = bytes.indexOf(NEWLINE); newline >= 0; newline = bytes.indexOf(NEWLINE, newline + 1)) {
      end = gathered - bytes.length + newline + 1;
      if (++lines === linesPerChunk) yield take(end);
    }
    if (gathered - end > MAX_RECORD_BYTES) {
      if (lines > 0) yield take(end);
      yield [{ row: firstRow++, cells: {}, unreadable: TOO_LONG }];
      pieces = [];
      gathered = 0;
      end = 0;
      skipping = true;
    }
  }
  if (gathered > end) lines++;
  if (lines > 0) yield take(gathered);
}

/** Each line of a chunk as a row (a document, or why it cannot be read), blank ones left out; the row number of its last line. */
export function eachJsonLine(chunk: JsonLinesChunk, visit: (row: InputRow) => void): number {
  const bytes = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  let row = chunk.firstRow;
  for (let start = 0; start < bytes.length; row++) {
    let newline = bytes.indexOf(NEWLINE, start);
    if (newline < 0) newline = bytes.length;
    const read = jsonLineRow(row, bytes.subarray(start, newline));
    if (read) visit(read);
    start = newline + 1;
  }
  return row - 1;
}

/** One line as a row; undefined for a blank one. */
export function jsonLineRow(row: number, bytes: Buffer): InputRow | undefined {
  if (bytes.length > MAX_RECORD_BYTES) return { row, cells: {}, unreadable: TOO_LONG };
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '').trim();
  if (text === '') return undefined;
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return { row, cells: {}, unreadable: TOO_DEEP };
  try {
    return { row, cells: {}, document: JSON.parse(text) as unknown };
  } catch {
    return { row, cells: {}, unreadable: invalidJson(text) };
  }
}

const [QUOTE, BACKSLASH, OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = ['"', '\\', '[', ']', '{', '}'].map((c) => c.charCodeAt(0));

/** Whether arrays and objects nest deeper than `limit` in a JSON text (what strings hold left aside), without parsing it. */
function nestsDeeperThan(text: string, limit: number): boolean {
  // Most documents open fewer arrays and objects in all than the limit: counted natively, that settles it.
  let opened = 0;
  for (let at = text.indexOf('['); at >= 0 && opened <= limit; at = text.indexOf('[', at + 1)) opened++;
  for (let at = text.indexOf('{'); at >= 0 && opened <= limit; at = text.indexOf('{', at + 1)) opened++;
  if (opened <= limit) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}
