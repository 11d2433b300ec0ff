import type { AnswerValue } from '../core/content-model.js';
import type { BatchContext } from './batch-context.js';
import { ByteCellReader, type ByteColumn, type TextOf } from './csv/byte-cell.js';
import { FNV } from './csv/plain-records.js';
import { answerValue, MAX_KEY, MAX_NAME } from './document-shape.js';
import { ByteKeys } from './json-keys.js';
import { BACKSLASH, CLOSE_OBJECT, COLON, COMMA, isDigit, NOT_FOUND, OPEN_OBJECT, QUOTE, SPACE, spaceEnd, stringEnd, valueEnd } from './json-tokens.js';

// As plain constants: read for every byte of a key.
const { offset: FNV_OFFSET, prime: FNV_PRIME } = FNV;
const TOP = new ByteKeys(['$schema', 'organisation', 'profile', 'answers']);
const [SCHEMA, ORGANISATION, PROFILE, ANSWERS] = [0, 1, 2, 3] as const;
const ORGANISATION_KEYS = new ByteKeys(['name', 'siren']);
const [NAME, SIREN] = [0, 1] as const;

/** Thrown by a column's parse for a value the schema would refuse: the line is then read as it was. */
const UNUSUAL = new Error('not the usual shape');

/**
 * A JSON line of the usual shape (`{"organisation":{…},"profile":{…},"answers":{…}}`, keys in any
 * order) read from its bytes straight into the engine's row, as CSV cells are (decision 016): keys
 * found by their bytes, values remembered by their bytes with their codes and what is known of
 * them (`ByteCellReader`), no string, object or parse per line. It takes only what JSON.parse and
 * `hasDocumentShape` would read alike with no doubt: strings without escapes or control
 * characters, plain JSON numbers, booleans, lists of such strings, each key once, known fields and
 * questions in their place. Anything else (`read` says false) is read as before.
 */
export class JsonLineReader {
  private readonly keys: ByteKeys;
  private readonly cells: ByteCellReader;
  private readonly slots: Int32Array;
  /** By column: 1 for a profile field, 0 for a question. */
  private readonly profile: Uint8Array;
  /** By column: the last line that gave it a value (a key twice in a line is read as before). */
  private readonly seen: Int32Array;
  private line = 0;
  /** By column: the column whose key followed its key last time; and the first key of the profile [1] and of the answers [0]. */
  private readonly follows: Int32Array;
  private readonly firsts = Int32Array.of(-1, -1);
  /** Where the last key found ends (past its quote). */
  private at = 0;
  private bytes: Buffer = Buffer.alloc(0);
  private end = 0;
  private readonly textOf: TextOf = (start, end) => this.bytes.toString('utf8', start, end);
  /** The organisation's name and SIREN as the last line read gives them (undefined when it gives none). */
  name: string | undefined;
  siren: string | undefined;

  constructor(private readonly context: BatchContext) {
    const { index, engine } = context;
    const columns: (ByteColumn & { id: string; profile: boolean })[] = [];
    for (const [id, question] of index.profileFields) columns.push({ id, question, slot: engine.slotOf(id)!, profile: true, parse: valueOf });
    for (const [id, { question }] of index.questions) columns.push({ id, question, slot: engine.slotOf(id)!, profile: false, parse: valueOf });
    // A key the schema refuses by its length is never found: its line is read as before.
    this.keys = new ByteKeys(columns.map((c) => (c.id.length >= 1 && c.id.length <= MAX_KEY && [...c.id].every(plainInJson) ? c.id : '')));
    this.cells = new ByteCellReader(columns, engine.codes);
    this.slots = Int32Array.from(columns, (c) => c.slot);
    this.profile = Uint8Array.from(columns, (c) => (c.profile ? 1 : 0));
    this.seen = new Int32Array(columns.length);
    this.follows = new Int32Array(columns.length).fill(-1);
  }

  /** The chunk whose lines are read next. */
  startChunk(bytes: Buffer): void {
    this.bytes = bytes;
  }

  /** Reads bytes[start, end) (one line) into the engine's row; false when it is not of the usual shape (the row is then left in any state). */
  read(start: number, end: number): boolean {
    this.line++;
    this.end = end;
    this.name = this.siren = undefined;
    this.context.row.clear();
    try {
      return this.document(spaceEnd(this.bytes, start, end)) === end;
    } catch (error) {
      if (error === UNUSUAL) return false;
      throw error;
    }
  }

  /** The whole document from `i`; where its bytes and the spaces after it end, or NOT_FOUND. */
  private document(i: number): number {
    let found = 0;
    const at = this.members(i, TOP, (key, from) => {
      if ((found & (1 << key)) !== 0) return NOT_FOUND;
      found |= 1 << key;
      if (key === SCHEMA) return stringEnd(this.bytes, from, this.end);
      if (key === ORGANISATION) return this.organisation(from);
      return this.answers(from, key === PROFILE);
    });
    return at >= 0 && (found & (1 << PROFILE)) !== 0 && (found & (1 << ANSWERS)) !== 0 ? at : NOT_FOUND;
  }

  private organisation(i: number): number {
    let name = -1;
    const at = this.members(i, ORGANISATION_KEYS, (key, from) => {
      const to = stringEnd(this.bytes, from, this.end);
      if (to < 0 || (key === NAME ? this.name : this.siren) !== undefined) return NOT_FOUND;
      const text = this.textOf(from + 1, to - 1);
      if (key === SIREN) {
        if (!isSiren(this.bytes, from + 1, to - 1)) return NOT_FOUND;
        this.siren = text;
      } else {
        this.name = text;
        name = text.length;
      }
      return to;
    });
    return name >= 1 && name <= MAX_NAME ? at : NOT_FOUND;
  }

  /**
   * The profile's or the answers' members from `i` (its `{`), each value set in its slot; where
   * the object and the spaces after it end, or NOT_FOUND. Lines give their keys in the same order
   * as a rule: the key that followed a key last time is tried first, by its bytes.
   */
  private answers(i: number, profile: boolean): number {
    const { bytes, end, cells, slots, seen, line, follows } = this;
    const { row } = this.context;
    const wanted = profile ? 1 : 0;
    if (i >= end || bytes[i] !== OPEN_OBJECT) return NOT_FOUND;
    i = spaceEnd(bytes, i + 1, end);
    if (i < end && bytes[i] === CLOSE_OBJECT) return spaceEnd(bytes, i + 1, end);
    let previous = -1;
    for (;;) {
      const column = this.key(i, this.keys, previous < 0 ? this.firsts[wanted]! : follows[previous]!);
      if (column < 0 || this.profile[column] !== wanted || seen[column] === line) return NOT_FOUND;
      seen[column] = line;
      if (previous < 0) this.firsts[wanted] = column;
      else follows[previous] = column;
      previous = column;
      i = spaceEnd(bytes, this.at, end);
      if (i >= end || bytes[i] !== COLON) return NOT_FOUND;
      const from = spaceEnd(bytes, i + 1, end);
      const to = valueEnd(this.bytes, from, end);
      if (to < 0) return NOT_FOUND;
      const value = cells.read(column, bytes, from, to, this.textOf);
      row.set(slots[column]!, value, cells.known, cells.code);
      i = spaceEnd(bytes, to, end);
      if (i < end && bytes[i] === COMMA) i = spaceEnd(bytes, i + 1, end);
      else if (i < end && bytes[i] === CLOSE_OBJECT) return spaceEnd(bytes, i + 1, end);
      else return NOT_FOUND;
    }
  }

  /**
   * The key whose quote is at `i`, found in `keys` (`expected` tried first): its number, and
   * `at` set past its closing quote; NOT_FOUND for a key not there, or with escapes.
   */
  private key(i: number, keys: ByteKeys, expected: number): number {
    const { bytes, end } = this;
    if (i >= end || bytes[i] !== QUOTE) return NOT_FOUND;
    const quote = expected >= 0 ? keys.quoteAfter(expected, bytes, i + 1, end) : NOT_FOUND;
    if (quote >= 0) {
      this.at = quote + 1;
      return expected;
    }
    // Hashed as `cellHash` does, on the way.
    let hash = FNV_OFFSET;
    let k = i + 1;
    for (; k < end; k++) {
      const c = bytes[k]!;
      if (c === QUOTE) break;
      if (c === BACKSLASH || c < SPACE) return NOT_FOUND;
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    if (k >= end) return NOT_FOUND;
    this.at = k + 1;
    return keys.find(bytes, i + 1, k, hash);
  }

  /**
   * An object's members from `i` (its `{`), each key found in `keys` and its value read by
   * `value` (from where it starts, to where it ends or NOT_FOUND); where the object and the
   * spaces after it end, or NOT_FOUND.
   */
  private members(i: number, keys: ByteKeys, value: (key: number, from: number) => number): number {
    const { bytes, end } = this;
    if (i >= end || bytes[i] !== OPEN_OBJECT) return NOT_FOUND;
    i = spaceEnd(bytes, i + 1, end);
    if (i < end && bytes[i] === CLOSE_OBJECT) return spaceEnd(bytes, i + 1, end);
    for (;;) {
      const key = this.key(i, keys, NOT_FOUND);
      if (key < 0) return NOT_FOUND;
      i = spaceEnd(bytes, this.at, end);
      if (i >= end || bytes[i] !== COLON) return NOT_FOUND;
      i = value(key, spaceEnd(bytes, i + 1, end));
      if (i < 0) return NOT_FOUND;
      i = spaceEnd(bytes, i, end);
      if (i < end && bytes[i] === COMMA) i = spaceEnd(bytes, i + 1, end);
      else if (i < end && bytes[i] === CLOSE_OBJECT) return spaceEnd(bytes, i + 1, end);
      else return NOT_FOUND;
    }
  }
}

/** A character JSON writes as it is, without an escape. */
function plainInJson(char: string): boolean {
  return char >= ' ' && char !== '"' && char !== '\\';
}

function isSiren(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start !== 9) return false;
  for (let i = start; i < end; i++) if (!isDigit(bytes, i, end)) return false;
  return true;
}

/**
 * A value's JSON text as JSON.parse gives it, when `hasDocumentShape` takes it: lists frozen, so
 * that remembered ones keep their codes (see `ValueCodes`); anything else makes the line unusual.
 */
function valueOf(raw: unknown): AnswerValue {
  const value = JSON.parse(raw as string) as unknown;
  if (!answerValue(value)) throw UNUSUAL;
  return (Array.isArray(value) ? Object.freeze(value) : value) as AnswerValue;
}
