import type { AnswerValue, Question } from '../core/content-model.js';
import { answerValidator } from '../core/answer-value.js';
import { cellParser } from './parse-cell.js';
import type { ValueCodes } from '../core/value-codes.js';
import { cellHash } from './plain-records.js';
import { grown } from './grown-array.js';

/** A cell's text from its bytes (start included, end excluded), decoded as its chunk is encoded. */
export type TextOf = (start: number, end: number) => string;

// Cells recognised by their bytes, per column: enough for every option and combination of options
// a real portfolio uses (free numbers and texts do not repeat, and stop being remembered there).
const MAX_KNOWN = 1000;
const MAX_KNOWN_BYTES = 256;
// The hash table starts small and doubles to stay at most half full (short probes).
const FIRST_TABLE_SIZE = 64;
// Each remembered text in `entries`, four numbers in a row (16 bytes, never across a cache line):
// its hash (mixed with its column's), where its bytes start in `known`, its column * 512 + its
// length (at most MAX_KNOWN_BYTES), and its code * 2 + 1 when its value is a valid answer.
const STRIDE = 4;
const [HASH, START, COLUMN_LENGTH, CODE_VALID] = [0, 1, 2, 3] as const;
const LENGTH_BITS = 9;

/** What `ByteCellReader` needs to know of a column: its question, and the slot its values get codes at. */
export interface ByteColumn {
  question: Question;
  slot: number;
}

/**
 * `cellParser` on cells' bytes, for every column of a header. A portfolio's cells repeat the same
 * texts (option values and their combinations, oui/non, the same evidence note), so the texts met
 * are recognised by their bytes, through a hash table (the hash computed as the record is split),
 * and no string is made for them; plain numbers are read from their digits. Only ASCII cells are
 * remembered by their bytes: they read the same in UTF-8 and Windows-1252, so one reader serves
 * files of either encoding. Anything else is decoded and given to `cellParser`. Whether a
 * remembered value is a valid answer is worked out once too (`knownValid`), so that checking a
 * row can skip it.
 *
 * Reading a cell is mostly waiting for memory (perf annotate), so every column's texts are in the
 * same few arrays, each entry's figures side by side: a row reads a hundred columns, and arrays of
 * their own were three more objects per column to fetch (array, buffer, data) before the data.
 */
export class ByteCellReader {
  private readonly parse: ((raw: unknown) => AnswerValue | undefined)[];
  private readonly valid: ((value: unknown) => boolean)[];
  private readonly numeric: Uint8Array;
  private readonly slots: Int32Array;
  /** By column: how many texts it remembers. */
  private readonly counts: Int32Array;
  /** Entry + 1 by hash slot (0: free). */
  private table = new Int32Array(FIRST_TABLE_SIZE);
  private entries = new Int32Array((FIRST_TABLE_SIZE / 2) * STRIDE);
  private count = 0;
  private readonly values: (AnswerValue | undefined)[] = [];
  /** The remembered texts' bytes, one after the other. */
  private known = new Uint8Array(4096);
  private used = 0;
  /** Whether the value the last `read` gave is known to be a valid answer (false: not known either way). */
  knownValid = false;
  /** The code of the value the last `read` gave when it recognised the cell (see `ValueCodes`); -1 otherwise, a cell met for the first time included. */
  code = -1;

  /** `codes`: where the columns' values get their codes, each at its slot. */
  constructor(
    columns: readonly ByteColumn[],
    private readonly codes: ValueCodes,
  ) {
    this.parse = columns.map((c) => cellParser(c.question));
    this.valid = columns.map((c) => answerValidator(c.question));
    this.numeric = Uint8Array.from(columns, (c) => (c.question.type === 'number' || c.question.type === 'percentage' ? 1 : 0));
    this.slots = Int32Array.from(columns, (c) => c.slot);
    this.counts = new Int32Array(columns.length);
  }

  /** The value of a cell of column `column` (its position in the reader's columns); `hash` is its `cellHash` (the record reader computes it on the way). */
  read(column: number, bytes: Uint8Array, start: number, end: number, textOf: TextOf, hash = cellHash(bytes, start, end)): AnswerValue | undefined {
    this.knownValid = false;
    this.code = -1;
    if (start === end) return undefined;
    if (this.numeric[column] === 1) {
      const n = plainNumberOf(bytes, start, end);
      if (n !== undefined) return n;
    }
    const { table, entries, known } = this;
    const mask = table.length - 1;
    const length = end - start;
    const key = columnHash(hash, column);
    const columnLength = (column << LENGTH_BITS) | length;
    for (let slot = key & mask, entry = table[slot]!; entry !== 0; slot = (slot + 1) & mask, entry = table[slot]!) {
      const at = (entry - 1) * STRIDE;
      if (entries[at + HASH] !== key || entries[at + COLUMN_LENGTH] !== columnLength) continue;
      const from = entries[at + START]!;
      let same = true;
      for (let i = 0; i < length && same; i++) same = known[from + i] === bytes[start + i];
      if (!same) continue;
      const codeValid = entries[at + CODE_VALID]!;
      this.knownValid = (codeValid & 1) === 1;
      this.code = codeValid >> 1;
      return this.values[entry - 1];
    }
    const value = this.parse[column]!(textOf(start, end));
    if (this.counts[column]! < MAX_KNOWN && length <= MAX_KNOWN_BYTES && isAscii(bytes, start, end)) this.remember(column, bytes, start, end, key, value);
    return value;
  }

  private remember(column: number, bytes: Uint8Array, start: number, end: number, key: number, value: AnswerValue | undefined): void {
    const length = end - start;
    if (this.used + length > this.known.length) this.known = grown(this.known, this.used + length);
    this.known.set(bytes.subarray(start, end), this.used);
    if ((this.count + 1) * 2 > this.table.length) this.rehash(this.table.length * 2);
    if ((this.count + 1) * STRIDE > this.entries.length) this.entries = grown(this.entries, (this.count + 1) * STRIDE);
    const at = this.count * STRIDE;
    const code = value === undefined ? -1 : this.codes.codeOf(this.slots[column]!, value);
    this.entries[at + HASH] = key;
    this.entries[at + START] = this.used;
    this.entries[at + COLUMN_LENGTH] = (column << LENGTH_BITS) | length;
    // (code * 2 keeps -1 as -2: `>> 1` gives -1 back.)
    this.entries[at + CODE_VALID] = code * 2 + (value !== undefined && this.valid[column]!(value) ? 1 : 0);
    this.used += length;
    this.counts[column]!++;
    this.values.push(value);
    this.place(++this.count, key);
  }

  /** Puts entry + 1 at the first free slot from its key's. */
  private place(entryPlusOne: number, key: number): void {
    const mask = this.table.length - 1;
    let slot = key & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = entryPlusOne;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    for (let e = 0; e < this.count; e++) this.place(e + 1, this.entries[e * STRIDE + HASH]!);
  }
}

// The same text in two columns is two entries (each column reads it its own way): the column is
// mixed into the hash (by a multiple of the golden ratio, which spreads consecutive columns apart).
function columnHash(hash: number, column: number): number {
  return hash ^ Math.imul(column + 1, 0x9e3779b1 | 0);
}

export function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

// Up to 15 digits the integer they make is exact, and so is a power of ten up to 10^22: their
// quotient is then rounded once, to the double nearest the decimal, which is what Number() gives.
const MAX_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: MAX_DIGITS + 1 }, (_, k) => 10 ** k);
const [MINUS, COMMA, POINT, ZERO, NINE] = [0x2d, 0x2c, 0x2e, 0x30, 0x39] as const;

/**
 * What `plainNumber` reads from a cell's bytes (digits with at most one point or comma between
 * them, maybe a leading minus), computed from the digits; undefined for anything else, or more
 * than 15 digits, which the text path then reads.
 */
export function plainNumberOf(bytes: Uint8Array, start: number, end: number): number | undefined {
  const negative = bytes[start] === MINUS;
  const first = negative ? start + 1 : start;
  if (first === end || end - first > MAX_DIGITS + 1) return undefined;
  let digits = 0;
  let value = 0;
  let decimals = -1;
  for (let i = first; i < end; i++) {
    const c = bytes[i]!;
    if (c >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      digits++;
      if (decimals >= 0) decimals++;
    } else if ((c === COMMA || c === POINT) && decimals < 0 && i > first && i < end - 1) {
      decimals = 0;
    } else {
      return undefined;
    }
  }
  if (digits > MAX_DIGITS) return undefined;
  const n = decimals > 0 ? value / POWERS_OF_TEN[decimals]! : value;
  return negative ? -n : n;
}
