/** Small numbers for the values each slot has held, so that what follows from a value is kept in arrays by code. */
export class ValueCodes {
  private readonly bySlot: Map<unknown, number>[];

  constructor(slots: number) {
    this.bySlot = Array.from({ length: slots }, () => new Map<unknown, number>());
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
