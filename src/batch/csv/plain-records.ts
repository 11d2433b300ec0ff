import type { Issue } from '../../core/issue.js';
import { csvRecords } from './csv-records.js';
import { BROKEN, CsvRecordCutter } from './csv-record-cutter.js';
import { grown } from './grown-array.js';
import { MISPLACED_QUOTES, UNCLOSED_QUOTE } from '../row-problems.js';

/** A record read on its bytes: without quotes, it is the bytes up to a line feed and a cell the bytes between delimiters. */
export interface PlainRecord {
  /** Cell i is bytes[starts[i]] up to (not including) bytes[ends[i]]; its `cellHash` is hashes[i]. */
  starts: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  hashes: Int32Array<ArrayBuffer>;
  count: number;
  /** Where the record's bytes start and end (line end excluded). */
  start: number;
  end: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const NEWLINE = 0x0a;

/** A record holding quotes, read as text: its cells (or why it cannot be read), and where the next record starts. */
export type QuotedRecord = { cells: string[]; next: number } | { unreadable: Issue; next: number };

/**
 * A chunk's records holding quotes, by where they start, read as text: all at once, or each alone when they do not
 * read as one record each; one that still does not is unreadable, and only that row is lost.
 */
export function quotedRecords(bytes: Uint8Array, delimiter: string, textOf: (start: number, end: number) => string): Map<number, QuotedRecord> {
  // Buffer's indexOf is a native byte search, many times faster than a typed array's.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cutter = new CsvRecordCutter(delimiter.charCodeAt(0));
  const found = new Map<number, QuotedRecord>();
  const starts: number[] = [];
  const nexts: number[] = [];
  for (let at = 0, quote = buffer.indexOf(QUOTE); quote >= 0; quote = buffer.indexOf(QUOTE, at)) {
    // Records before it hold no quote: this one starts after the last line feed before the quote.
    const start = Math.max(at, buffer.lastIndexOf(NEWLINE, quote) + 1);
    cutter.startAt(start);
    const end = cutter.next(buffer, true);
    if (end === BROKEN) {
      // Chunks are cut without such quotes; one made otherwise loses the quote's line only, as a file would.
      const resume = cutter.resumeAt(buffer);
      at = resume < 0 ? bytes.length : resume;
      found.set(start, { unreadable: UNCLOSED_QUOTE, next: at });
      continue;
    }
    at = Math.min(end + 1, bytes.length);
    starts.push(start);
    nexts.push(at);
  }
  if (starts.length === 0) return found;
  const texts = starts.map((start, k) => withLineFeeds(textOf(start, nexts[k]!)));
  // Each ends with a line feed (the last maybe not) and holds at least one record: read together,
  // as many records as there are texts means each read as exactly one.
  const together = recordsOf(texts.join(''), delimiter);
  starts.forEach((start, k) => {
    const cells = together?.length === starts.length ? together[k] : recordAlone(texts[k]!, delimiter);
    found.set(start, cells ? { cells, next: nexts[k]! } : { unreadable: MISPLACED_QUOTES, next: nexts[k]! });
  });
  return found;
}

function withLineFeeds(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n/g, '\n');
}

/** The cells of one record's text, or undefined if it does not read as one record. */
function recordAlone(text: string, delimiter: string): string[] | undefined {
  const records = recordsOf(text, delimiter);
  return records?.length === 1 ? records[0] : undefined;
}

/** The records of a text, or undefined where the parser throws (a quote left open). */
function recordsOf(text: string, delimiter: string): string[][] | undefined {
  try {
    return csvRecords(text, delimiter);
  } catch {
    return undefined;
  }
}

export function plainRecord(): PlainRecord {
  return { starts: new Int32Array(256), ends: new Int32Array(256), hashes: new Int32Array(256), count: 0, start: 0, end: 0 };
}

// FNV-1a, 32 bits: a few operations per byte, well spread for short texts.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
// Exported apart: an exported constant is read through its module cell, slower in the loops above (3 % of a CSV row).
export const FNV = { offset: FNV_OFFSET, prime: FNV_PRIME } as const;

/** A cell's hash, what the columns look up the texts they remember by (see ByteCellReader). */
export function cellHash(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
  return hash;
}

/** Reads the record at `at` into `into`, each cell's hash computed on the way, and tells where the next one starts. */
export function readPlainRecord(bytes: Uint8Array, at: number, delimiter: number, into: PlainRecord): number {
  let { starts, ends, hashes } = into;
  let count = 0;
  let cell = at;
  let hash = FNV_OFFSET;
  let i = at;
  // Most bytes are above both the delimiter and the line feed: one comparison tells them.
  const above = Math.max(delimiter, NEWLINE);
  for (; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b > above || (b !== NEWLINE && b !== delimiter)) {
      hash = Math.imul(hash ^ b, FNV_PRIME);
      continue;
    }
    if (b === NEWLINE) break;
    if (count + 1 >= starts.length) ({ starts, ends, hashes } = grow(into));
    starts[count] = cell;
    hashes[count] = hash;
    ends[count++] = i;
    cell = i + 1;
    hash = FNV_OFFSET;
  }
  const end = i > at && bytes[i - 1] === CR ? i - 1 : i;
  starts[count] = cell;
  ends[count] = Math.max(cell, end);
  // A CRLF's CR went into the last cell's hash: that one is hashed again without it.
  hashes[count++] = end < i ? cellHash(bytes, cell, Math.max(cell, end)) : hash;
  into.count = count;
  into.start = at;
  into.end = end;
  return i + 1;
}

function grow(record: PlainRecord): PlainRecord {
  record.starts = grown(record.starts, 0);
  record.ends = grown(record.ends, 0);
  record.hashes = grown(record.hashes, 0);
  return record;
}
