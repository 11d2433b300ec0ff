/**
 * The records of a chunk that holds no quote, read on its bytes: without quotes, a record is
 * the bytes up to a line feed (a CR before it dropped) and a cell the bytes between delimiters,
 * so there is nothing to parse and no text to make. Any other chunk (quotes, a lone CR) is read
 * by csvRecords (Papa Parse, or csv-parse), which the property tests hold this to.
 */
export interface PlainRecord {
  /** Cell i is bytes[starts[i]] up to (not including) bytes[ends[i]]. */
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  /** Where the record's bytes start and end (line end excluded). */
  start: number;
  end: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const NEWLINE = 0x0a;

/** Whether a chunk can be read as plain records: no quote, and every CR ends a line (CRLF). */
export function isPlain(bytes: Uint8Array): boolean {
  if (bytes.indexOf(QUOTE) >= 0) return false;
  for (let cr = bytes.indexOf(CR); cr >= 0; cr = bytes.indexOf(CR, cr + 1)) if (bytes[cr + 1] !== NEWLINE) return false;
  return true;
}

export function plainRecord(): PlainRecord {
  return { starts: new Int32Array(256), ends: new Int32Array(256), count: 0, start: 0, end: 0 };
}

/**
 * Reads the record starting at `at` into `into` and returns where the next one starts. A chunk
 * ending with a line feed has no empty record after it, as csvRecords reads it.
 */
export function readPlainRecord(bytes: Uint8Array, at: number, delimiter: number, into: PlainRecord): number {
  let { starts, ends } = into;
  let count = 0;
  let cell = at;
  let i = at;
  for (; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === NEWLINE) break;
    if (b !== delimiter) continue;
    if (count + 1 >= starts.length) ({ starts, ends } = grow(into));
    starts[count] = cell;
    ends[count++] = i;
    cell = i + 1;
  }
  const end = i > at && bytes[i - 1] === CR ? i - 1 : i;
  starts[count] = cell;
  ends[count++] = Math.max(cell, end);
  into.count = count;
  into.start = at;
  into.end = end;
  return i + 1;
}

function grow(record: PlainRecord): PlainRecord {
  const starts = new Int32Array(record.starts.length * 2);
  const ends = new Int32Array(record.ends.length * 2);
  starts.set(record.starts);
  ends.set(record.ends);
  record.starts = starts;
  record.ends = ends;
  return record;
}
