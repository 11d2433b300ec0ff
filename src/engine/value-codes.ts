/** Small numbers for the values each slot has held, so that what follows from a value is kept in arrays by code. */
export class ValueCodes {
  private readonly bySlot: Map<unknown, number>[];
  /** Per slot, each list of texts met, frozen, by its JSON (unambiguous, whatever the texts hold): so that equal lists share one instance, and one code. */
  private readonly lists: Map<string, readonly string[]>[];

  constructor(slots: number) {
    this.bySlot = Array.from({ length: slots }, () => new Map<unknown, number>());
    this.lists = Array.from({ length: slots }, () => new Map<string, readonly string[]>());
  }

  /**
   * A document's value as the slot keeps it, with its code: a list of texts (a multiple-choice
   * answer from JSON) becomes the one frozen list of those texts in that order, so that documents
   * get codes as the CSV reader's cells do (see `EngineRow.setDocument`); -1 as `codeOf` gives it.
   */
  intern(slot: number, value: unknown): { value: unknown; code: number } {
    if (!Array.isArray(value)) return { value, code: this.codeOf(slot, value) };
    if (!value.every((item) => typeof item === 'string')) return { value, code: -1 };
    const key = JSON.stringify(value);
    const lists = this.lists[slot]!;
    let list = lists.get(key);
    if (!list) {
      if (lists.size >= MAX_CODES) return { value, code: -1 };
      lists.set(key, (list = Object.freeze([...(value as string[])])));
    }
    return { value: list, code: this.codeOf(slot, list) };
  }

  /**
   * The value's code at this slot; -1 once the slot has MAX_CODES, and for a list that is not
   * frozen (it could change, and be another value under the same code).
   */
  codeOf(slot: number, value: unknown): number {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) return -1;
    const codes = this.bySlot[slot]!;
    let code = codes.get(value);
    if (code === undefined) {
      if (codes.size >= MAX_CODES) return -1;
      codes.set(value, (code = codes.size));
    }
    return code;
  }
}

/** Per slot: a little more than the texts a column remembers (1,000: see `ByteCellReader`), since columns of several files may share a slot's codes. */
export const MAX_CODES = 1024;
