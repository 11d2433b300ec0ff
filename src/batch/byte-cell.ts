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
// The hash table starts small and doubles to stay at most half full (short probes): most columns
// hold a few options, and a row reads a hundred columns, whose tables then stay in the cache.
const FIRST_TABLE_SIZE = 16;
// Each remembered text in `entries`, four numbers in a row (one cache line): its hash, where its
// bytes start and end in `known`, and its code * 2 + 1 when its value is a valid answer.
const STRIDE = 4;
const [HASH, START, END, CODE_VALID] = [0, 1, 2, 3] as const;

/**
 * `cellParser` on a cell's bytes. A portfolio's cells repeat the same texts (option values and
 * their combinations, oui/non, the same evidence note), so the texts met are recognised by their
 * bytes, through a hash table (the hash computed as the record is split), and no string is made
 * for them; plain numbers are read from their digits. Only ASCII cells are remembered by their
 * bytes: they read the same in UTF-8 and Windows-1252, so one parser serves files of either
 * encoding. Anything else is decoded and given to `cellParser`. Whether a remembered value is a
 * valid answer is worked out once too (`knownValid`), so that checking a row can skip it.
 *
 * Reading a cell is mostly waiting for memory, so what a lookup reads is kept close: a table
 * sized to the texts met, each entry's figures side by side. A class rather than a closure per
 * column: one method for every column, which V8 can inline where the row loop calls it.
 */
export class ByteCellParser {
  private readonly parse: (raw: unknown) => AnswerValue | undefined;
  private readonly numeric: boolean;
  /** Entry + 1 by hash slot (0: free). */
  private table = new Int32Array(FIRST_TABLE_SIZE);
  private entries = new Int32Array((FIRST_TABLE_SIZE / 2) * STRIDE);
  private count = 0;
  private readonly values: (AnswerValue | undefined)[] = [];
  /** The remembered texts' bytes, one after the other. */
  private known = new Uint8Array(1024);
  private used = 0;
  private readonly valid: (value: unknown) => boolean;
  /** Whether the value the last `read` gave is known to be a valid answer (false: not known either way). */
  knownValid = false;
  /** The code of the value the last `read` gave when it recognised the cell (see `ValueCodes`); -1 otherwise, a cell met for the first time included. */
  code = -1;

  /** `codes` and `slot`: where the column's values get their codes. */
  constructor(
    question: Question,
    private readonly codes: ValueCodes,
    private readonly slot: number,
  ) {
    this.parse = cellParser(question);
    this.valid = answerValidator(question);
    this.numeric = question.type === 'number' || question.type === 'percentage';
  }

  /** The cell's value; `hash` is its `cellHash` (the record reader computes it on the way). */
  read(bytes: Uint8Array, start: number, end: number, textOf: TextOf, hash = cellHash(bytes, start, end)): AnswerValue | undefined {
    this.knownValid = false;
    this.code = -1;
    if (start === end) return undefined;
    if (this.numeric) {
      const n = plainNumberOf(bytes, start, end);
      if (n !== undefined) return n;
    }
    const { table, entries, known } = this;
    const mask = table.length - 1;
    const length = end - start;
    for (let slot = hash & mask, entry = table[slot]!; entry !== 0; slot = (slot + 1) & mask, entry = table[slot]!) {
      const at = (entry - 1) * STRIDE;
      if (entries[at + HASH] !== hash) continue;
      const from = entries[at + START]!;
      if (entries[at + END]! - from !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i++) same = known[from + i] === bytes[start + i];
      if (!same) continue;
      const codeValid = entries[at + CODE_VALID]!;
      this.knownValid = (codeValid & 1) === 1;
      this.code = codeValid >> 1;
      return this.values[entry - 1];
    }
    const value = this.parse(textOf(start, end));
    if (this.count < MAX_KNOWN && length <= MAX_KNOWN_BYTES && isAscii(bytes, start, end)) this.remember(bytes, start, end, hash, value);
    return value;
  }

  private remember(bytes: Uint8Array, start: number, end: number, hash: number, value: AnswerValue | undefined): void {
    const length = end - start;
    if (this.used + length > this.known.length) this.known = grown(this.known, this.used + length);
    this.known.set(bytes.subarray(start, end), this.used);
    if ((this.count + 1) * 2 > this.table.length) this.rehash(this.table.length * 2);
    if ((this.count + 1) * STRIDE > this.entries.length) this.entries = grown(this.entries, (this.count + 1) * STRIDE);
    const at = this.count * STRIDE;
    const code = value === undefined ? -1 : this.codes.codeOf(this.slot, value);
    this.entries[at + HASH] = hash;
    this.entries[at + START] = this.used;
    this.entries[at + END] = this.used += length;
    // (code * 2 keeps -1 as -2: `>> 1` gives -1 back.)
    this.entries[at + CODE_VALID] = code * 2 + (value !== undefined && this.valid(value) ? 1 : 0);
    this.values.push(value);
    this.place(++this.count, hash);
  }

  /** Puts entry + 1 at the first free slot from its hash's. */
  private place(entryPlusOne: number, hash: number): void {
    const mask = this.table.length - 1;
    let slot = hash & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = entryPlusOne;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    for (let e = 0; e < this.count; e++) this.place(e + 1, this.entries[e * STRIDE + HASH]!);
  }
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
