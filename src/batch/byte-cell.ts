import type { AnswerValue, Question } from '../core/content-model.js';
import { answerValidator } from '../core/answer-value.js';
import { cellParser } from './parse-cell.js';
import type { ValueCodes } from '../core/value-codes.js';
import { cellHash } from './plain-records.js';

/** A cell's text from its bytes (start included, end excluded), decoded as its chunk is encoded. */
export type TextOf = (start: number, end: number) => string;

// Cells recognised by their bytes, per column: enough for every option and combination of options
// a real portfolio uses (free numbers and texts do not repeat, and stop being remembered there).
const MAX_KNOWN = 1000;
const TABLE_SIZE = 2048; // a power of two, at least twice MAX_KNOWN: short probes
const MAX_KNOWN_BYTES = 256;

/**
 * `cellParser` on a cell's bytes. A portfolio's cells repeat the same texts (option values and
 * their combinations, oui/non, the same evidence note), so the texts met are recognised by their
 * bytes, through a hash table (the hash computed as the record is split), and no string is made for them; plain numbers are read from their
 * digits. Only ASCII cells are remembered by their bytes: they read the same in UTF-8 and
 * Windows-1252, so one parser serves files of either encoding. Anything else is decoded and given
 * to `cellParser`. Whether a remembered value is a valid answer is worked out once too
 * (`knownValid`), so that checking a row can skip it. A class rather than a closure per column: one method for every column, which V8
 * can inline where the row loop calls it.
 */
export class ByteCellParser {
  private readonly parse: (raw: unknown) => AnswerValue | undefined;
  private readonly numeric: boolean;
  /** Entry + 1 by hash slot (0: free). */
  private readonly table = new Int32Array(TABLE_SIZE);
  private known = new Uint8Array(4096);
  private used = 0;
  private readonly knownStart: number[] = [];
  private readonly knownEnd: number[] = [];
  private readonly knownValue: (AnswerValue | undefined)[] = [];
  private readonly knownIsValid: boolean[] = [];
  private readonly valid: (value: unknown) => boolean;
  private readonly knownCode: number[] = [];
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
    const { table, known, knownStart, knownEnd } = this;
    const length = end - start;
    let slot = hash & (TABLE_SIZE - 1);
    for (let entry = table[slot]!; entry !== 0; slot = (slot + 1) & (TABLE_SIZE - 1), entry = table[slot]!) {
      const from = knownStart[entry - 1]!;
      if (knownEnd[entry - 1]! - from !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i++) same = known[from + i] === bytes[start + i];
      if (!same) continue;
      this.knownValid = this.knownIsValid[entry - 1]!;
      this.code = this.knownCode[entry - 1]!;
      return this.knownValue[entry - 1];
    }
    const value = this.parse(textOf(start, end));
    if (this.knownValue.length < MAX_KNOWN && length <= MAX_KNOWN_BYTES && isAscii(bytes, start, end)) this.remember(bytes, start, end, slot, value);
    return value;
  }

  /** At `slot`, the free one the search ended on. */
  private remember(bytes: Uint8Array, start: number, end: number, slot: number, value: AnswerValue | undefined): void {
    const length = end - start;
    if (this.used + length > this.known.length) {
      const more = new Uint8Array(this.known.length * 2 + length);
      more.set(this.known);
      this.known = more;
    }
    this.known.set(bytes.subarray(start, end), this.used);
    this.knownStart.push(this.used);
    this.knownEnd.push((this.used += length));
    this.knownValue.push(value);
    this.knownIsValid.push(value !== undefined && this.valid(value));
    this.knownCode.push(value === undefined ? -1 : this.codes.codeOf(this.slot, value));
    this.table[slot] = this.knownValue.length;
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
