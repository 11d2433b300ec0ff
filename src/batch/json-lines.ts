import type { Readable } from 'node:stream';
import type { InputRow } from './input-row.js';
import { invalidJson, MAX_JSON_DEPTH, MAX_RECORD_BYTES, TOO_DEEP, TOO_LONG } from './row-problems.js';

const NEWLINE = 0x0a;
const EMPTY: Buffer = Buffer.alloc(0);

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
  let buffer: Buffer = EMPTY;
  let firstRow = 1;
  let lines = 0;
  // Where the lines gathered for the next chunk end in `buffer`.
  let end = 0;
  let skipping = false;
  const take = (upTo: number): JsonLinesChunk => {
    const chunk: JsonLinesChunk = { kind: 'jsonl', bytes: new Uint8Array(buffer.subarray(0, upTo)), firstRow };
    firstRow += lines;
    lines = 0;
    buffer = buffer.subarray(upTo);
    end -= upTo;
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
    buffer = buffer.length === 0 ? bytes : Buffer.concat([buffer, bytes]);
    for (let newline = buffer.indexOf(NEWLINE, end); newline >= 0; newline = buffer.indexOf(NEWLINE, end)) {
      end = newline + 1;
      if (++lines === linesPerChunk) yield take(end);
    }
    if (buffer.length - end > MAX_RECORD_BYTES) {
      if (lines > 0) yield take(end);
      yield [{ row: firstRow++, cells: {}, unreadable: TOO_LONG }];
      buffer = EMPTY;
      end = 0;
      skipping = true;
    }
  }
  if (buffer.length > end) lines++;
  if (lines > 0) yield take(buffer.length);
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
