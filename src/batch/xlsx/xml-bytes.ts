/** The sheet's XML is not as a workbook's is: the caller says the workbook cannot be read. */
export class SheetDamaged extends Error {}

export const [TAB, LF, CR, SPACE, QUOTE, APOS, SLASH, LT, EQ, GT] = [0x09, 0x0a, 0x0d, 0x20, 0x22, 0x27, 0x2f, 0x3c, 0x3d, 0x3e];
const A = 0x41;
const Z = 0x5a;
const TENS = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * Reads a tag's attributes, texts and numbers from XML bytes without making strings of what it
 * only compares or counts: what the sheet's rows are read with (see RowReader).
 */
export class XmlBytes {
  // The attribute last read by attribute(): its name's first byte and length, and its value.
  protected name = 0;
  protected nameLength = 0;
  protected valueStart = 0;
  protected valueEnd = 0;

  constructor(protected readonly bytes: Buffer) {}

  /** Reads the tag's next attribute from `at`: the position after it, or -1 at the tag's end. */
  protected attribute(from: number): number {
    const { bytes } = this;
    let at = from;
    let b = bytes[at];
    while (b === SPACE || b === TAB || b === LF || b === CR) b = bytes[++at];
    if (b === GT || b === SLASH) return -1;
    if (b === undefined) throw new SheetDamaged('tag not closed');
    this.name = at;
    while (b !== EQ && b !== SPACE && b !== GT && b !== undefined) b = bytes[++at];
    this.nameLength = at - this.name;
    while (b !== QUOTE && b !== APOS) {
      if (b === GT || b === undefined) throw new SheetDamaged('attribute without value');
      b = bytes[++at];
    }
    this.valueStart = at + 1;
    this.valueEnd = this.find(b, at + 1);
    return this.valueEnd + 1;
  }

  protected is(name: number): boolean {
    return this.nameLength === 1 && this.bytes[this.name] === name;
  }

  protected text(): string {
    return this.bytes.toString('latin1', this.valueStart, this.valueEnd);
  }

  /** The column of a cell reference (B3: 2); NaN for one without letters. */
  protected column(): number {
    let column = 0;
    for (let i = this.valueStart; i < this.valueEnd; i++) {
      const b = this.bytes[i]!;
      if (b < A || b > Z) break;
      column = column * 26 + b - A + 1;
    }
    return column === 0 ? NaN : column;
  }

  /** The position after the '>' ending the tag that `at` is in. */
  protected tagEnd(at: number): number {
    return this.find(GT, at) + 1;
  }

  // A loop rather than indexOf: what is looked for is most often a few bytes away, nearer than a native call's cost.
  protected find(byte: number, at: number): number {
    const { bytes } = this;
    for (let i = at; i < bytes.length; i++) if (bytes[i] === byte) return i;
    throw new SheetDamaged('element not closed');
  }

  /** parseInt of the bytes, read without making their text when they are only digits (a shared string's index). */
  protected integer(start: number, end: number): number {
    const { bytes } = this;
    let n = 0;
    for (let i = start; i < end; i++) {
      const d = bytes[i]! - 0x30;
      if (d < 0 || d > 9 || i - start > 14) return parseInt(bytes.toString('latin1', start, end), 10);
      n = n * 10 + d;
    }
    return end > start ? n : NaN;
  }

  /**
   * parseFloat of the bytes, read without making their text for a plain decimal of up to 15 digits:
   * its digits as an integer divided by a power of ten, which IEEE division rounds exactly as
   * parseFloat does (both exact operands); anything else (a sign, an exponent) goes to parseFloat.
   */
  protected number(start: number, end: number): number {
    const { bytes } = this;
    let n = 0;
    let digits = 0;
    let point = -1;
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b === 0x2e && point < 0) {
        point = i;
        continue;
      }
      const d = b - 0x30;
      if (d < 0 || d > 9 || ++digits > 15) return parseFloat(bytes.toString('latin1', start, end));
      n = n * 10 + d;
    }
    if (digits === 0) return parseFloat(bytes.toString('latin1', start, end));
    return point < 0 ? n : n / TENS[end - point - 1]!;
  }
}
