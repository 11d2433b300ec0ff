import type { CompiledScorer, RowScores } from '../core/compiled-scorer.js';
import type { RankedAction } from '../core/quick-suggest.js';
import type { Tally } from './batch-summary.js';
import { cellsOf, csvLine, safeCell, type OutputLayout } from './format-rows.js';
import { okResult, type RowResult, type RowSink } from './score-row.js';

const encoder = new TextEncoder();
const bytesOf = (text: string) => encoder.encode(text);

// A score has one decimal from 0 to 100: its bytes, made once, as String writes it.
const SCORE_BYTES = Array.from({ length: 1001 }, (_, k) => bytesOf(String(k / 10)));
const [NEWLINE, ZERO] = [0x0a, 0x30] as const;

/**
 * A chunk's rows written as CSV bytes, the same bytes as `formatRows` gives (tested), with the
 * figures the summary counts: a valid row is written straight from its scores by position, with
 * no result object, cell list or string per row. A row with problems, or whose identifier needs
 * quoting or an apostrophe, is written by `csvLine` as before. The bytes then cross to the main
 * thread without a copy and go to the file as they are.
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
  private readonly actionBytes = new Map<string, Uint8Array>();

  constructor(
    private readonly compiled: CompiledScorer,
    private readonly layout: OutputLayout,
    private readonly delimiterText: string,
    tallyPillars: readonly string[],
  ) {
    this.delimiter = delimiterText.charCodeAt(0);
    this.pillarAt = layout.pillars.map((id) => compiled.pillars.findIndex((p) => p.id === id));
    this.tallyAt = tallyPillars.map((id) => compiled.pillars.findIndex((p) => p.id === id));
    this.indicatorAt = layout.indicators.map((id) => compiled.indicators.findIndex((i) => i.id === id));
    if (!CsvRowWriter.writes(delimiterText)) throw new Error(`CsvRowWriter: delimiter ${JSON.stringify(delimiterText)} is not one ASCII character`);
    if ([...this.pillarAt, ...this.tallyAt, ...this.indicatorAt].includes(-1)) throw new Error('CsvRowWriter: layout and content differ');
    // An action id holding the delimiter or a quote would need quoting: as csvLine writes it.
    for (const action of compiled.index.content.actions) this.actionBytes.set(action.id, bytesOf(csvLine([action.id], delimiterText).slice(0, -1)));
  }

  scored(row: number, id: string, scores: RowScores, suggestions: readonly RankedAction[]): void {
    if (!plainId(id, this.delimiterText)) return this.result(okResult(this.compiled, row, id, scores, suggestions));
    this.room(32 + 3 * id.length);
    this.writeInteger(row);
    this.comma();
    this.writeText(id);
    this.comma();
    this.writeScore(scores.global);
    for (const p of this.pillarAt) {
      this.comma();
      this.writeScore(scores.pillars[p]!);
    }
    for (const i of this.indicatorAt) {
      this.comma();
      this.writeScore(scores.indicators[i]!);
    }
    for (let k = 0; k < this.layout.suggestions; k++) {
      this.comma();
      const action = suggestions[k];
      if (action) this.writeBytes(this.actionBytes.get(action.actionId) ?? bytesOf(action.actionId));
    }
    this.comma(); // the empty error cell
    this.room(1);
    this.bytes[this.length++] = NEWLINE;
    this.count(true, scores.global, scores.pillars);
  }

  result(result: Exclude<RowResult, { skip: true }>): void {
    const line = bytesOf(csvLine(cellsOf(this.layout, result), this.delimiterText));
    this.room(line.length);
    this.writeBytes(line);
    const pillars = this.compiled.pillars.map((p) => (result.ok ? result.pillars[p.id] ?? Number.NaN : Number.NaN));
    this.count(result.ok, result.ok ? result.global ?? Number.NaN : Number.NaN, pillars);
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

  /** A row in the tally: whether it was scored, its global and pillar scores (NaN: none; pillars by position in `compiled.pillars`). */
  private count(ok: boolean, global: number, pillars: ArrayLike<number>): void {
    const stride = 2 + this.tallyAt.length;
    if (this.tallied + stride > this.tally.length) this.tally = grown(this.tally, this.tallied + stride);
    const at = this.tallied;
    this.tally[at] = ok ? 1 : 0;
    this.tally[at + 1] = ok ? global : Number.NaN;
    for (let p = 0; p < this.tallyAt.length; p++) this.tally[at + 2 + p] = ok ? pillars[this.tallyAt[p]!]! : Number.NaN;
    this.tallied += stride;
  }

  private room(more: number): void {
    if (this.length + more > this.bytes.length) this.bytes = grown(this.bytes, this.length + more);
  }

  private comma(): void {
    this.room(1);
    this.bytes[this.length++] = this.delimiter;
  }

  private writeBytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    // Most are a score or an action id: a loop copies a few bytes faster than `set` sets them up.
    if (bytes.length <= SHORT) {
      const out = this.bytes;
      for (let i = 0, at = this.length; i < bytes.length; i++, at++) out[at] = bytes[i]!;
    } else {
      this.bytes.set(bytes, this.length);
    }
    this.length += bytes.length;
  }

  /** A score, nothing where there is none (NaN). */
  private writeScore(score: number): void {
    if (score !== score) return;
    const k = Math.round(score * 10);
    this.writeBytes(k >= 0 && k <= 1000 && k / 10 === score && !Object.is(score, -0) ? SCORE_BYTES[k]! : bytesOf(String(score)));
  }

  private writeInteger(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) return this.writeBytes(bytesOf(String(n)));
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    for (let i = digits - 1, rest = n; i >= 0; i--, rest = Math.floor(rest / 10)) this.bytes[this.length + i] = ZERO + (rest % 10);
    this.length += digits;
  }

  private writeText(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) return this.writeBytes(bytesOf(text.slice(i)));
      this.bytes[this.length++] = c;
    }
  }
}

/** An identifier written as it is: neither a formula's start (safeCell) nor what needs quoting. */
function plainId(id: string, delimiter: string): boolean {
  return safeCell(id) === id && id.indexOf(delimiter) < 0 && id.indexOf('"') < 0 && id.indexOf('\n') < 0 && id.indexOf('\r') < 0;
}

const SHORT = 64;

function grown<T extends Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(array: T, least: number): T {
  const more = new (array.constructor as new (length: number) => T)(Math.max(least, array.length * 2));
  more.set(array);
  return more;
}
