/**
 * Positions kept in order of their keys, the highest on top: the actions of a row by their
 * bounds, which only ever fall. Picking the most promising action this way costs a few steps
 * instead of a pass over every action, and a row picks some thirty times (bounds made finer, then
 * actions done).
 */
export class MaxHeap {
  private readonly items: Int32Array;
  private size = 0;

  constructor(private readonly keys: Float64Array) {
    this.items = new Int32Array(keys.length);
  }

  clear(): void {
    this.size = 0;
  }

  push(position: number): void {
    const { items, keys } = this;
    const key = keys[position]!;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (keys[items[parent]!]! >= key) break;
      items[at] = items[parent]!;
      at = parent;
    }
    items[at] = position;
  }

  /** The position with the highest key, -1 when empty. */
  top(): number {
    return this.size > 0 ? this.items[0]! : -1;
  }

  /** Removes the top. */
  pop(): void {
    this.items[0] = this.items[--this.size]!;
    this.lowered();
  }

  /** The top's key fell: it goes down to its place. */
  lowered(): void {
    const { items, keys, size } = this;
    if (size === 0) return;
    const position = items[0]!;
    const key = keys[position]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[items[child + 1]!]! > keys[items[child]!]!) child++;
      if (keys[items[child]!]! <= key) break;
      items[at] = items[child]!;
      at = child;
    }
    items[at] = position;
  }
}
