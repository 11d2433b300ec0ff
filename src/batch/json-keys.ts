import { cellHash } from './csv/plain-records.js';

// Open addressing, at most a quarter full: a probe or two per key.
const LOAD = 4;
const QUOTE = 0x22;

/**
 * Texts known beforehand (the content's field and question ids), found by their bytes: a JSON
 * line's keys are looked up without making a string of them (see JsonLineReader). A key holding
 * a quote, a backslash or a control character is never found (it is written with escapes).
 */
export class ByteKeys {
  private readonly hashes: Int32Array;
  /** By table slot: the key's number + 1 (0: free). */
  private readonly numbers: Int32Array;
  private readonly texts: Uint8Array[];
  private readonly mask: number;

  /** `keys`: each key's text, found as its position in the list (an empty one never). */
  constructor(keys: readonly string[]) {
    let size = 8;
    while (size < keys.length * LOAD) size *= 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.numbers = new Int32Array(size);
    this.texts = keys.map((key) => Buffer.from(key, 'utf8'));
    this.texts.forEach((text, n) => {
      // An empty text stands for no key (see JsonLineReader): a line's "" is found nowhere.
      if (text.length === 0) return;
      const hash = cellHash(text, 0, text.length);
      let slot = hash & this.mask;
      while (this.numbers[slot] !== 0) slot = (slot + 1) & this.mask;
      this.hashes[slot] = hash;
      this.numbers[slot] = n + 1;
    });
  }

  /** Where the quote after key `n` is when bytes[start…] are its bytes then a quote; -1 otherwise. */
  quoteAfter(n: number, bytes: Uint8Array, start: number, end: number): number {
    const text = this.texts[n]!;
    const quote = start + text.length;
    if (quote >= end || bytes[quote] !== QUOTE) return -1;
    for (let i = 0; i < text.length; i++) if (text[i] !== bytes[start + i]) return -1;
    return quote;
  }

  /** The number of the key whose bytes are bytes[start, end), their `cellHash` being `hash`; -1 for none. */
  find(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const { hashes, numbers, texts, mask } = this;
    const length = end - start;
    for (let slot = hash & mask; numbers[slot] !== 0; slot = (slot + 1) & mask) {
      if (hashes[slot] !== hash) continue;
      const n = numbers[slot]! - 1;
      const text = texts[n]!;
      if (text.length !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i++) same = text[i] === bytes[start + i];
      if (same) return n;
    }
    return -1;
  }
}
