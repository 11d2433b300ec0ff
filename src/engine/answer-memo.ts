import { MAX_CODES } from './value-codes.js';

/** Answers remembered by themselves at most (enough for every combination of options a real portfolio uses). */
const MAX_SEEN = 1000;

/** Where memos of one kind keep their results by code: one array for them all, MAX_CODES entries each, made when first needed. */
export class CodeTable<T> {
  private values: T[] | Float64Array | undefined;

  /** `memos`: how many memos share it, all known beforehand; `make`: an array of that length, every entry "not yet worked out". */
  constructor(
    private readonly memos: number,
    private readonly make: (length: number) => T[] | Float64Array,
  ) {}

  /** The array (a batch's rows have codes, the API's do not: it is made only for the first). */
  array(): T[] | Float64Array {
    return (this.values ??= this.make(this.memos * MAX_CODES));
  }
}

/**
 * What `compute` makes of an answer, worked out once per answer since rows repeat the same few: by code, aside for
 * no answer, by the answer when rows share it; undefined and NaN mean "not yet", so `compute` gives neither.
 */
export class AnswerMemo<T> {
  private readonly seen = new Map<unknown, T>();
  private unanswered: T | undefined = undefined;
  private readonly offset: number;

  /** `at`: which of `table`'s memos this is. */
  constructor(
    private readonly compute: (answer: unknown) => T,
    private readonly table: CodeTable<T>,
    at: number,
  ) {
    this.offset = at * MAX_CODES;
  }

  /** What `compute` makes of the answer at `slot` of a row's values, by its code there where it has one (-1 or past the end: none). */
  at(values: readonly unknown[], codes: ArrayLike<number>, slot: number): T {
    const code = codes[slot];
    // The answer itself is read only when its code does not tell: it is one more fetch from memory.
    if (code === undefined || code < 0) return this.of(values[slot]);
    const memo = this.table.array();
    const known = memo[this.offset + code] as T | undefined;
    if (known !== undefined && known === known) return known;
    return ((memo as T[])[this.offset + code] = this.compute(values[slot]));
  }

  /** What `compute` makes of an answer with no code. */
  of(answer: unknown): T {
    if (answer === undefined) return (this.unanswered ??= this.compute(undefined));
    if (typeof answer === 'number') return this.compute(answer);
    const shared = typeof answer !== 'object' || Object.isFrozen(answer);
    const known = shared ? this.seen.get(answer) : undefined;
    if (known !== undefined) return known;
    const fresh = this.compute(answer);
    if (shared && this.seen.size < MAX_SEEN) this.seen.set(answer, fresh);
    return fresh;
  }
}
