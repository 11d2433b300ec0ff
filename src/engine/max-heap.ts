/**
 * Actions by their bounds, the highest on top: a row picks some twenty-five times, and keys kept beside positions
 * are compared in place.
 */
export class MaxHeap {
  private readonly items: Int32Array;
  private readonly itemKeys: Float64Array;
  private size = 0;

  constructor(private readonly keys: Float64Array) {
    this.items = new Int32Array(keys.length);
    this.itemKeys = new Float64Array(keys.length);
  }

  clear(): void {
    this.size = 0;
  }

  push(position: number): void {
    const { items, itemKeys } = this;
    const key = this.keys[position]!;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (itemKeys[parent]! >= key) break;
      items[at] = items[parent]!;
      itemKeys[at] = itemKeys[parent]!;
      at = parent;
    }
    items[at] = position;
    itemKeys[at] = key;
  }

  /** The position with the highest key, -1 when empty. */
  top(): number {
    return this.size > 0 ? this.items[0]! : -1;
  }

  /** Removes the top. */
  pop(): void {
    const last = --this.size;
    this.items[0] = this.items[last]!;
    this.itemKeys[0] = this.itemKeys[last]!;
    this.siftDown();
  }

  /** The top's key fell (in `keys`): it goes down to its place. */
  lowered(): void {
    if (this.size === 0) return;
    this.itemKeys[0] = this.keys[this.items[0]!]!;
    this.siftDown();
  }

  private siftDown(): void {
    const { items, itemKeys, size } = this;
    if (size === 0) return;
    const position = items[0]!;
    const key = itemKeys[0]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && itemKeys[child + 1]! > itemKeys[child]!) child++;
      if (itemKeys[child]! <= key) break;
      items[at] = items[child]!;
      itemKeys[at] = itemKeys[child]!;
      at = child;
    }
    items[at] = position;
    itemKeys[at] = key;
  }
}
