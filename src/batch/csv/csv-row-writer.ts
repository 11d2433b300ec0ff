import type { Engine, RankedAction, RowScores } from '../../engine/index.js';
import { REJECTED, rowMark, SCORED, type Tally } from '../batch-summary.js';
import { csvCellsOf, csvLine, numberText, oneDecimal, safeCell, type Decimal, type OutputLayout } from '../format-rows.js';
import type { ResultWords } from '../result-words.js';
import { okResult, type WrittenResult } from '../row-result.js';
import type { RowSink } from '../row-sink.js';
import { grown } from './grown-array.js';

const encoder = new TextEncoder();
const bytesOf = (text: string) => encoder.encode(text);

// A score has one decimal from 0 to 100: its bytes, made once, as String writes it (with the
// file's decimal separator), side by side (SCORE_WIDTH apart) in one array, so that writing one is
// a short copy with no lookup.
const SCORE_WIDTH = 5;
function scoreBytes(decimal: Decimal): Uint8Array {
  const table = new Uint8Array(1001 * SCORE_WIDTH);
  for (let k = 0; k <= 1000; k++) table.set(bytesOf(numberText(k / 10, decimal)), k * SCORE_WIDTH);
  return table;
}
const SCORE_BYTES = { '.': scoreBytes('.'), ',': scoreBytes(',') };
// The two separators are one byte: the lengths are the same.
const SCORE_LENGTH = new Uint8Array(1001);
// k / 10 itself: a score is written from the table only when it is exactly one of them.
const SCORE_VALUE = new Float64Array(1001);
for (let k = 0; k <= 1000; k++) {
  SCORE_LENGTH[k] = String(k / 10).length;
  SCORE_VALUE[k] = k / 10;
}
// The longest a number is written by String ("-0.0000012345678901234567"): room for any score.
const MAX_NUMBER_BYTES = 25;
const [NEWLINE, ZERO] = [0x0a, 0x30] as const;

/**
 * A chunk's rows as CSV bytes, those `formatRows` gives (tested): a valid row written straight from its scores,
 * with no object or string per row; any other row by `csvLine`.
 */
export class CsvRowWriter implements RowSink {
  /** Whether it can write with this delimiter: one ASCII character (one byte); any other goes through `formatRows`. */
  static writes(delimiter: string): boolean {
    return delimiter.length === 1 && delimiter.charCodeAt(0) < 0x80;
  }

  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private tally = new Float64Array(1024 * 5);
  private tallied = 0;
  private readonly delimiter: number;
  /** Layout order to positions in the compiled scores; the tally's pillars to the same. */
  private readonly pillarAt: number[];
  private readonly tallyAt: number[];
  private readonly indicatorAt: number[];
  /** Each action's cells by its position among the content's actions (see `RankedAction.actionAt`): its title, its id. */
  private readonly titleBytes: Uint8Array[] = [];
  private readonly actionBytes: Uint8Array[] = [];
  private readonly actionIds: string[] = [];
  /** The most bytes a valid row takes besides its identifier's and name's (see `scored`). */
  private readonly rowBytes: number;
  private readonly scoreBytes: Uint8Array;

  constructor(
    private readonly engine: Engine,
    private readonly words: ResultWords,
    private readonly layout: OutputLayout,
    private readonly delimiterText: string,
    tallyPillars: readonly string[],
    private readonly decimal: Decimal = '.',
  ) {
    this.scoreBytes = SCORE_BYTES[decimal];
    this.delimiter = delimiterText.charCodeAt(0);
    this.pillarAt = layout.pillars.map((id) => engine.pillars.indexOf(id));
    this.tallyAt = tallyPillars.map((id) => engine.pillars.indexOf(id));
    this.indicatorAt = layout.indicators.map((id) => engine.indicators.indexOf(id));
    if (decimal === delimiterText) throw new Error('CsvRowWriter: the decimal separator is the delimiter');
    if (!CsvRowWriter.writes(delimiterText)) throw new Error(`CsvRowWriter: delimiter ${JSON.stringify(delimiterText)} is not one ASCII character`);
    if ([...this.pillarAt, ...this.tallyAt, ...this.indicatorAt].includes(-1)) throw new Error('CsvRowWriter: layout and content differ');
    // An action id holding the delimiter or a quote would need quoting: as csvLine writes it.
    for (const action of engine.actions) {
      this.titleBytes.push(bytesOf(csvLine([words.action(action)], delimiterText).slice(0, -1)));
      this.actionBytes.push(bytesOf(csvLine([action], delimiterText).slice(0, -1)));
      this.actionIds.push(action);
    }
    const longest = (cells: Uint8Array[]) => Math.max(0, ...cells.map((b) => b.length));
    const scores = 1 + this.pillarAt.length + this.indicatorAt.length;
    const action = 1 + longest(this.titleBytes) + 1 + MAX_NUMBER_BYTES + 1 + longest(this.actionBytes);
    this.rowBytes = MAX_NUMBER_BYTES + 3 + scores * (1 + MAX_NUMBER_BYTES) + layout.suggestions * action + 3;
  }

  /**
   * A valid row's cells, each after its delimiter, into bytes made large enough for the whole row
   * first: the cells are then written with local indices, not through a method per cell.
   */
  scored(row: number, id: string, scores: RowScores, suggestions: readonly RankedAction[], name = ''): void {
    if (!plainId(id, this.delimiterText) || (name !== '' && !plainId(name, this.delimiterText))) return this.result(okResult(this.engine, row, id, scores, suggestions, { name }));
    // A text's character takes at most 3 bytes in UTF-8 (4 for a pair, which is 2 characters).
    this.room(this.rowBytes + 3 * (id.length + name.length));
    const out = this.bytes;
    const d = this.delimiter;
    let at = putInteger(out, this.length, row);
    out[at++] = d;
    at = putText(out, at, name);
    out[at++] = d;
    at = putText(out, at, id);
    out[at++] = d;
    at = putScore(out, at, this.scoreBytes, this.decimal, scores.global);
    const { pillarAt, indicatorAt } = this;
    for (let k = 0; k < pillarAt.length; k++) {
      out[at++] = d;
      at = putScore(out, at, this.scoreBytes, this.decimal, scores.pillars[pillarAt[k]!]!);
    }
    for (let k = 0; k < indicatorAt.length; k++) {
      out[at++] = d;
      at = putScore(out, at, this.scoreBytes, this.decimal, scores.indicators[indicatorAt[k]!]!);
    }
    const count = this.layout.suggestions;
    // Each action by its title with its gain, the empty problems cell, then each action's id.
    for (let k = 0; k < count; k++) {
      out[at++] = d;
      const action = suggestions[k];
      if (action && this.actionIds[action.actionAt] !== action.actionId) unknownAction(action.actionId);
      if (action) at = putBytes(out, at, this.titleBytes[action.actionAt]!);
      out[at++] = d;
      if (action) at = putScore(out, at, this.scoreBytes, this.decimal, oneDecimal(action.gains.global));
    }
    out[at++] = d;
    for (let k = 0; k < count; k++) {
      out[at++] = d;
      const action = suggestions[k];
      if (action) at = putBytes(out, at, this.actionBytes[action.actionAt]!);
    }
    out[at++] = d; // the empty error cell
    out[at++] = NEWLINE;
    this.length = at;
    this.count(SCORED, scores.global, scores.pillars);
  }

  result(result: WrittenResult): void {
    const line = bytesOf(csvLine(csvCellsOf(this.layout, result, this.words), this.delimiterText, this.decimal));
    this.room(line.length);
    this.length = putBytes(this.bytes, this.length, line);
    const pillars = this.engine.pillars.map((p) => (result.ok ? result.pillars[p] ?? Number.NaN : Number.NaN));
    this.count(rowMark(result), result.ok ? result.global ?? Number.NaN : Number.NaN, pillars);
  }

  /** Forgets what was written: a chunk starts empty even if the one before stopped half-way (it threw). */
  start(): void {
    this.length = 0;
    this.tallied = 0;
  }

  /** The chunk's bytes and tally, each with memory of its own (to be transferred). */
  finish(): { text: Uint8Array<ArrayBuffer>; tally: Tally } {
    return { text: this.bytes.slice(0, this.length), tally: this.tally.slice(0, this.tallied) };
  }

  /** A row in the tally: its mark (see rowMark), its global and pillar scores (NaN: none; pillars by position in `compiled.pillars`). */
  private count(mark: number, global: number, pillars: ArrayLike<number>): void {
    const ok = mark !== REJECTED;
    const stride = 2 + this.tallyAt.length;
    if (this.tallied + stride > this.tally.length) this.tally = grown(this.tally, this.tallied + stride);
    const at = this.tallied;
    this.tally[at] = mark;
    this.tally[at + 1] = ok ? global : Number.NaN;
    for (let p = 0; p < this.tallyAt.length; p++) this.tally[at + 2 + p] = ok ? pillars[this.tallyAt[p]!]! : Number.NaN;
    this.tallied += stride;
  }

  private room(more: number): void {
    if (this.length + more > this.bytes.length) this.bytes = grown(this.bytes, this.length + more);
  }
}

// Suggestions come from the content's actions, whose bytes the writer made: the row's room counts on it.
function unknownAction(id: string): never {
  throw new Error(`CsvRowWriter: action ${JSON.stringify(id)} is not in the content`);
}

/** An identifier or a name written as it is: neither a formula's start (safeCell) nor what needs quoting. */
function plainId(id: string, delimiter: string): boolean {
  return safeCell(id) === id && id.indexOf(delimiter) < 0 && id.indexOf('"') < 0 && id.indexOf('\n') < 0 && id.indexOf('\r') < 0;
}

const SHORT = 64;

/** Each of these writes into `out` at `at`, which has room, and tells where it stopped. */
function putBytes(out: Uint8Array, at: number, bytes: Uint8Array): number {
  // Most are an action id: a loop copies a few bytes faster than `set` sets them up.
  if (bytes.length > SHORT) {
    out.set(bytes, at);
    return at + bytes.length;
  }
  for (let i = 0; i < bytes.length; i++) out[at++] = bytes[i]!;
  return at;
}

/** A score, nothing where there is none (NaN). */
function putScore(out: Uint8Array, at: number, table: Uint8Array, decimal: Decimal, score: number): number {
  if (score !== score) return at;
  const k = Math.round(score * 10);
  // (-0 is written "0", as String writes it.)
  if (!(k >= 0 && k <= 1000 && SCORE_VALUE[k] === score)) return putBytes(out, at, bytesOf(numberText(score, decimal)));
  for (let i = k * SCORE_WIDTH, end = i + SCORE_LENGTH[k]!; i < end; i++) out[at++] = table[i]!;
  return at;
}

function putInteger(out: Uint8Array, at: number, n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) return putBytes(out, at, bytesOf(String(n)));
  let digits = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  for (let i = digits - 1, rest = n; i >= 0; i--, rest = Math.floor(rest / 10)) out[at + i] = ZERO + (rest % 10);
  return at + digits;
}

/** A text as UTF-8: ASCII a character at a time, the rest encoded. */
function putText(out: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return putBytes(out, at, bytesOf(text.slice(i)));
    out[at++] = c;
  }
  return at;
}
