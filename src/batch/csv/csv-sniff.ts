import { isAscii, isUtf8 } from 'node:buffer';

export type CsvEncoding = 'utf8' | 'win1252';

const NEWLINE = 0x0a;
const [COMMA, SEMICOLON, TAB] = [0x2c, 0x3b, 0x09] as const;
const EMPTY = Buffer.alloc(0);

/** Comma, semicolon or tab: whichever the header line holds most of (commas when none). */
export function delimiterOf(head: Uint8Array): ',' | ';' | '\t' {
  const end = head.indexOf(NEWLINE);
  const line = end < 0 ? head : head.subarray(0, end);
  const count = (byte: number) => line.reduce((n, b) => (b === byte ? n + 1 : n), 0);
  const [commas, semicolons, tabs] = [count(COMMA), count(SEMICOLON), count(TAB)];
  if (semicolons > commas) return tabs > semicolons ? '\t' : ';';
  return tabs > commas ? '\t' : ',';
}

/**
 * UTF-8 or Windows-1252 (French Excel), told by the file's first non-ASCII bytes as it is read: the ASCII before them
 * reads the same in both.
 */
export class EncodingSniffer {
  encoding: CsvEncoding = 'utf8';
  private settled = false;
  /** A character cut by the end of the last piece, its first bytes waiting for the rest. */
  private held: Buffer = EMPTY;

  /** The file starts with a UTF-8 byte order mark: only a UTF-8 writer puts one there. */
  settleUtf8(): void {
    this.settled = true;
  }

  /** The next piece of the file, in order. */
  see(piece: Buffer): void {
    if (this.settled) return;
    const bytes = this.held.length > 0 ? Buffer.concat([this.held, piece]) : piece;
    const end = wholeCharactersEnd(bytes);
    this.held = end < bytes.length ? Buffer.from(bytes.subarray(end)) : EMPTY;
    this.settle(bytes.subarray(0, end));
  }

  /** The file has ended: a character still cut there is not UTF-8. */
  end(): void {
    if (!this.settled && this.held.length > 0) this.settle(this.held);
  }

  private settle(bytes: Buffer): void {
    if (isAscii(bytes)) return;
    // The bytes before the first non-ASCII one are ASCII, valid UTF-8 too: checking all is checking from there.
    this.encoding = isUtf8(bytes) ? 'utf8' : 'win1252';
    this.settled = true;
  }
}

/**
 * Where the bytes stop being whole UTF-8 characters: a lead byte among the last three whose
 * character needs more bytes than follow it was cut by the end of the read.
 */
function wholeCharactersEnd(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return bytes.length;
    if (b < 0xc0) continue; // a continuation byte: its lead byte is further back
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}
