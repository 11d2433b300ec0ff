import type { Readable } from 'node:stream';
import type { InputRow } from './input-row.js';
import { invalidJson, MAX_JSON_DEPTH, MAX_RECORD_BYTES, TOO_DEEP, TOO_LONG } from './row-problems.js';

const NEWLINE = 0x0a;
const EMPTY: Buffer = Buffer.alloc(0);

/**
 * The rows of a JSON Lines file, one answers document per line, numbered by line (blank lines
 * count). Lines are cut on their bytes, so a line over MAX_RECORD_BYTES is never held whole: it is
 * rejected, skipped up to its end, and reading goes on. A line that is not JSON, or nests deeper
 * than any answers document does, is rejected with its number; such a document would otherwise
 * go on to be validated and copied between threads, which walk it level by level.
 */
export async function* readJsonLines(stream: Readable): AsyncGenerator<InputRow> {
  let buffer: Buffer = EMPTY;
  let row = 0;
  let skipping = false;
  for await (const bytes of stream as AsyncIterable<Buffer>) {
    buffer = buffer.length === 0 ? bytes : Buffer.concat([buffer, bytes]);
    let start = 0;
    for (let newline = buffer.indexOf(NEWLINE); newline >= 0; newline = buffer.indexOf(NEWLINE, start)) {
      const line = buffer.subarray(start, newline);
      start = newline + 1;
      if (skipping) {
        skipping = false;
        continue;
      }
      const read = lineRow(++row, line);
      if (read) yield read;
    }
    buffer = buffer.subarray(start);
    if (!skipping && buffer.length > MAX_RECORD_BYTES) {
      yield { row: ++row, cells: {}, unreadable: TOO_LONG };
      skipping = true;
    }
    if (skipping) buffer = EMPTY;
  }
  const last = skipping ? undefined : lineRow(++row, buffer);
  if (last) yield last;
}

/** One line as a row; undefined for a blank one. */
function lineRow(row: number, bytes: Buffer): InputRow | undefined {
  if (bytes.length > MAX_RECORD_BYTES) return { row, cells: {}, unreadable: TOO_LONG };
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '').trim();
  if (text === '') return undefined;
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return { row, cells: {}, unreadable: TOO_DEEP };
  try {
    return { row, cells: {}, document: JSON.parse(text) as unknown };
  } catch (error) {
    return { row, cells: {}, unreadable: invalidJson((error as Error).message) };
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
