const QUOTE = 0x22;
const NEWLINE = 0x0a;
const CR = 0x0d;

/** What `next` answers besides the position of a record's line feed. */
export const MORE = -1;
export const BROKEN = -2;
// The next quote from `at` is not known (the bytes changed); -1 is "none up to the end of the bytes".
const UNKNOWN = -2;

/**
 * Where CSV records end, by the rule csv-parse follows (docs/decisions/003-byte-csv-reader.md), so that the chunks cut
 * by the main thread and the records the workers read agree; a quote left open breaks its line only (`BROKEN`).
 */
export class CsvRecordCutter {
  /** Where the scan stands. */
  at = 0;
  /** Where the record being cut starts. */
  record = 0;
  /** The quote that opened the quoted cell the scan is in, or -1. */
  opened = -1;
  private quote = UNKNOWN;

  constructor(private readonly delimiter: number) {}

  /** Starts a record at `at` (outside quotes). */
  startAt(at: number): void {
    this.at = at;
    this.record = at;
    this.opened = -1;
    this.quote = UNKNOWN;
  }

  /** The bytes scanned are now `dropped` bytes further back, with more after them. */
  rebase(dropped: number): void {
    this.at -= dropped;
    this.record -= dropped;
    if (this.opened >= 0) this.opened -= dropped;
    this.quote = UNKNOWN;
  }

  /**
   * The position of the line feed ending the record that starts at `record` (the length of the
   * bytes if `final` and they end first), `record` then moving to the next one; MORE if the bytes
   * end before that can be told; BROKEN for a quoted cell broken as said above (`opened` then
   * says where its quote is).
   */
  next(bytes: Buffer, final: boolean): number {
    const { delimiter } = this;
    for (;;) {
      if (this.quote === UNKNOWN || (this.quote >= 0 && this.quote < this.at)) this.quote = bytes.indexOf(QUOTE, this.at);
      const quote = this.quote;
      if (this.opened < 0) {
        const newline = bytes.indexOf(NEWLINE, this.at);
        if (quote >= 0 && (newline < 0 || quote < newline)) {
          // At a cell's start it opens a quoted cell; anywhere else it is a character of its cell.
          if (quote === this.record || bytes[quote - 1] === delimiter) this.opened = quote;
          this.at = quote + 1;
          continue;
        }
        if (newline >= 0) {
          this.at = this.record = newline + 1;
          return newline;
        }
        this.at = bytes.length;
        if (final) this.record = bytes.length;
        return final ? bytes.length : MORE;
      }
      // What follows a quote (up to a CRLF) tells what it does: it waits for those bytes.
      if (quote < 0 || (quote + 2 >= bytes.length && !final)) {
        this.at = quote < 0 ? bytes.length : quote;
        return quote < 0 && final ? BROKEN : MORE;
      }
      const after = bytes[quote + 1];
      if (after === QUOTE) {
        this.at = quote + 2;
        continue;
      }
      this.at = quote + 1;
      // Text after a closing quote on the same line is kept as written (both parsers do); after
      // a cell spanning lines it means the opening quote was not meant as one.
      if (!endsCell(bytes, quote + 1, delimiter) && spansLines(bytes, this.opened, quote)) return BROKEN;
      this.opened = -1;
    }
  }

  /** After BROKEN: where reading resumes (after the line holding the opening quote), or -1 if that line does not end in the bytes. */
  resumeAt(bytes: Buffer): number {
    const newline = bytes.indexOf(NEWLINE, this.opened);
    return newline < 0 ? -1 : newline + 1;
  }
}

function spansLines(bytes: Buffer, from: number, to: number): boolean {
  const newline = bytes.indexOf(NEWLINE, from);
  return newline >= 0 && newline < to;
}

/** Whether a closing quote before `at` ends its cell: the bytes end, or a delimiter or a line end (a CRLF's CR included) follows. */
function endsCell(bytes: Buffer, at: number, delimiter: number): boolean {
  const b = bytes[at];
  if (b === undefined || b === delimiter || b === NEWLINE) return true;
  return b === CR && (bytes[at + 1] === NEWLINE || bytes[at + 1] === undefined);
}
