import { answerValidator } from '../../core/answer-value.js';
import { isNotApplicable, type AnswerValue, type Question } from '../../core/content-model.js';
import { Known, type ValueCodes } from '../../engine/index.js';

// As plain constants: read for every cell, where a property of `Known` would be loaded each time.
const { unknown: UNKNOWN, validAnswer: VALID_ANSWER, validNotApplicable: VALID_NOT_APPLICABLE } = Known;
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
// Each slot of the table is four numbers in `records` (16 bytes, in one cache line when the array
// starts on one, as large ones do): the hash of the text it remembers (mixed with its column's),
// where the text's bytes start in `texts`, its column * 512 + its length (at most
// MAX_KNOWN_BYTES; 0: a free slot, since an empty cell is never remembered), and its code * 4 +
// what is known of its value (see `known`).
const STRIDE = 4;
const [HASH, START, COLUMN_LENGTH, CODE_KNOWN] = [0, 1, 2, 3] as const;
const LENGTH_BITS = 9;
const FREE = 0;

/** What `ByteCellReader` needs to know of a column: its question, the slot its values get codes at, and its `cellParser` (for the texts it does not remember). */
export interface ByteColumn {
  question: Question;
  slot: number;
  parse: (raw: unknown) => AnswerValue | undefined;
}

/**
 * `cellParser` on cells' bytes, for every column of a header: the texts a column meets again are recognised by their
 * bytes, with what is known of their value, and no string is made for them (docs/decisions/003-byte-csv-reader.md).
 */
export class ByteCellReader {
  private readonly parse: ((raw: unknown) => AnswerValue | undefined)[];
  private readonly valid: ((value: unknown) => boolean)[];
  private readonly numeric: Uint8Array;
  private readonly slots: Int32Array;
  /** By column: how many texts it remembers. */
  private readonly counts: Int32Array;
  private records = new Int32Array(FIRST_TABLE_SIZE * STRIDE);
  /** By table slot: the value of the text it remembers. */
  private values = new Array<AnswerValue | undefined>(FIRST_TABLE_SIZE);
  private count = 0;
  /** The remembered texts' bytes, one after the other. */
  private texts = new Uint8Array(4096);
  private used = 0;
  /** What is known of the value the last `read` gave: UNKNOWN, VALID_ANSWER or VALID_NOT_APPLICABLE (see `checkRow`). */
  known: number = UNKNOWN;
  /** The code of the value the last `read` gave when it recognised the cell (see `ValueCodes`); -1 otherwise, a cell met for the first time included. */
  code = -1;

  /** `codes`: where the columns' values get their codes, each at its slot. */
  constructor(
    columns: readonly ByteColumn[],
    private readonly codes: ValueCodes,
  ) {
    this.parse = columns.map((c) => c.parse);
    this.valid = columns.map((c) => answerValidator(c.question));
    this.numeric = Uint8Array.from(columns, (c) => (c.question.type === 'number' || c.question.type === 'percentage' ? 1 : 0));
    this.slots = Int32Array.from(columns, (c) => c.slot);
    this.counts = new Int32Array(columns.length);
  }

  /** The value of a cell of column `column` (its position in the reader's columns); `hash` is its `cellHash` (the record reader computes it on the way). */
  read(column: number, bytes: Uint8Array, start: number, end: number, textOf: TextOf, hash = cellHash(bytes, start, end)): AnswerValue | undefined {
    this.known = UNKNOWN;
    this.code = -1;
    if (start === end) return undefined;
    if (this.numeric[column] === 1) {
      const n = plainNumberOf(bytes, start, end);
      if (n !== undefined) return n;
    }
    const length = end - start;
    // Never remembered, so never looked for (and a length up to MAX_KNOWN_BYTES fits its bits).
    if (length > MAX_KNOWN_BYTES) return this.parse[column]!(textOf(start, end));
    const { records, texts } = this;
    const mask = this.values.length - 1;
    const key = columnHash(hash, column);
    const columnLength = (column << LENGTH_BITS) | length;
    let slot = key & mask;
    for (let at = slot * STRIDE, found = records[at + COLUMN_LENGTH]!; found !== FREE; slot = (slot + 1) & mask, at = slot * STRIDE, found = records[at + COLUMN_LENGTH]!) {
      if (found !== columnLength || records[at + HASH] !== key) continue;
      const from = records[at + START]!;
      let same = true;
      for (let i = 0; i < length && same; i++) same = texts[from + i] === bytes[start + i];
      if (!same) continue;
      const codeKnown = records[at + CODE_KNOWN]!;
      this.known = codeKnown & 3;
      this.code = codeKnown >> 2;
      return this.values[slot];
    }
    const value = this.parse[column]!(textOf(start, end));
    if (this.counts[column]! < MAX_KNOWN && isAscii(bytes, start, end)) this.remember(column, bytes, start, end, key, value);
    return value;
  }

  private remember(column: number, bytes: Uint8Array, start: number, end: number, key: number, value: AnswerValue | undefined): void {
    const length = end - start;
    if (this.used + length > this.texts.length) this.texts = grown(this.texts, this.used + length);
    this.texts.set(bytes.subarray(start, end), this.used);
    if ((this.count + 1) * 2 > this.values.length) this.rehash(this.values.length * 2);
    const code = value === undefined ? -1 : this.codes.codeOf(this.slots[column]!, value);
    const known = value === undefined || !this.valid[column]!(value) ? UNKNOWN : isNotApplicable(value) ? VALID_NOT_APPLICABLE : VALID_ANSWER;
    // (code * 4 keeps -1 as -4: `>> 2` gives -1 back.)
    this.place(key, this.used, (column << LENGTH_BITS) | length, code * 4 + known, value);
    this.used += length;
    this.counts[column]!++;
    this.count++;
  }

  /** Puts a text's figures and value at the first free slot from its key's. */
  private place(key: number, start: number, columnLength: number, codeKnown: number, value: AnswerValue | undefined): void {
    const { records } = this;
    const mask = this.values.length - 1;
    let slot = key & mask;
    while (records[slot * STRIDE + COLUMN_LENGTH] !== FREE) slot = (slot + 1) & mask;
    const at = slot * STRIDE;
    records[at + HASH] = key;
    records[at + START] = start;
    records[at + COLUMN_LENGTH] = columnLength;
    records[at + CODE_KNOWN] = codeKnown;
    this.values[slot] = value;
  }

  private rehash(size: number): void {
    const { records, values } = this;
    this.records = new Int32Array(size * STRIDE);
    this.values = new Array<AnswerValue | undefined>(size);
    for (let slot = 0; slot < values.length; slot++) {
      const at = slot * STRIDE;
      if (records[at + COLUMN_LENGTH] !== FREE) this.place(records[at + HASH]!, records[at + START]!, records[at + COLUMN_LENGTH]!, records[at + CODE_KNOWN]!, values[slot]);
    }
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
function plainNumberOf(bytes: Uint8Array, start: number, end: number): number | undefined {
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
