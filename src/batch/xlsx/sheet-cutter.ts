import { nextRowStart } from './sheet-rows.js';

const SHEET_DATA = Buffer.from('<sheetData');
const END_SHEET_DATA = Buffer.from('</sheetData>');
const GT = 0x3e;
const EMPTY: Buffer = Buffer.alloc(0);
// A chunk is cut at a row's end once it holds this many bytes, even with fewer rows than asked.
const CHUNK_BYTES = 4 << 20;
/** A row's XML longer than this is refused, never held whole (a row past the reader's limits is far shorter). */
export const MAX_ROW_BYTES = 64 << 20;

/** A piece of the sheet the cutter gives: its first row (the header), whole rows, or a row too long to hold. */
export type SheetCut = { kind: 'header'; bytes: Buffer; row: number } | { kind: 'rows'; bytes: Uint8Array<ArrayBuffer>; previousRow: number } | { kind: 'too-long'; row: number };

/**
 * Cuts a sheet's XML, as it inflates, into whole rows on their bytes (a row starts at `<row`), as
 * CSV records and JSON lines are cut (decisions 003, 010): the main thread parses nothing but each
 * row's number. Before <sheetData> and after </sheetData> is skipped.
 */
export class SheetCutter {
  private buffer: Buffer = EMPTY;
  private inRows = false;
  /** Whether </sheetData> (or an empty <sheetData/>) was reached. */
  ended = false;
  private scan = 0;
  private endScan = 0;
  private headerDone = false;
  private chunkStart = 0;
  private rows = 0;
  private lastStart = -1;
  private lastNumber = 0;
  private previousRow = 0;

  constructor(private readonly rowsPerChunk: number) {}

  /** Takes the next inflated piece; what can be cut. */
  *push(piece: Buffer): Generator<SheetCut> {
    this.buffer = this.buffer.length === 0 ? piece : Buffer.concat([this.buffer, piece]);
    if (!this.inRows && !this.openRows()) return;
    for (;;) {
      const p = nextRowStart(this.buffer, this.scan);
      if (p < 0) break;
      const gt = this.buffer.indexOf(GT, p);
      if (gt < 0) {
        this.scan = p;
        break;
      }
      const number = rowNumber(this.buffer.toString('latin1', p, gt)) ?? this.lastNumber + 1;
      if (this.lastStart >= 0) yield* this.rowEnds(p);
      this.lastStart = p;
      this.lastNumber = number;
      this.scan = gt + 1;
    }
    const end = this.buffer.indexOf(END_SHEET_DATA, Math.max(this.endScan, this.lastStart, 0));
    if (end >= 0) {
      if (this.lastStart >= 0) yield* this.rowEnds(end, true);
      this.ended = true;
      return;
    }
    this.endScan = Math.max(0, this.buffer.length - END_SHEET_DATA.length);
    this.scan = Math.max(this.scan, this.buffer.length - 4);
    if (this.lastStart >= 0 && this.buffer.length - this.lastStart > MAX_ROW_BYTES) yield { kind: 'too-long', row: this.lastNumber };
    this.compact();
  }

  /** Finds where the rows start; false while <sheetData> has not come whole. */
  private openRows(): boolean {
    const at = this.buffer.indexOf(SHEET_DATA);
    const gt = at < 0 ? -1 : this.buffer.indexOf(GT, at);
    if (gt < 0) {
      // Keep what could be the start of <sheetData.
      this.buffer = this.buffer.subarray(Math.max(0, at < 0 ? this.buffer.length - SHEET_DATA.length : at));
      return false;
    }
    if (this.buffer[gt - 1] === 0x2f) this.ended = true;
    this.buffer = this.buffer.subarray(gt + 1);
    this.inRows = !this.ended;
    return this.inRows;
  }

  /** The last row started ends at `end`: the header, or one more row of the chunk, cut when it is full. */
  private *rowEnds(end: number, last = false): Generator<SheetCut> {
    if (!this.headerDone) {
      this.headerDone = true;
      yield { kind: 'header', bytes: this.buffer.subarray(this.lastStart, end), row: this.lastNumber };
      this.chunkStart = end;
      this.previousRow = this.lastNumber;
      return;
    }
    this.rows++;
    if (last || this.rows >= this.rowsPerChunk || end - this.chunkStart >= CHUNK_BYTES) {
      yield { kind: 'rows', bytes: new Uint8Array(this.buffer.subarray(this.chunkStart, end)), previousRow: this.previousRow };
      this.chunkStart = end;
      this.previousRow = this.lastNumber;
      this.rows = 0;
    }
  }

  // Drops what was cut: the buffer keeps the chunk being gathered and the row being read.
  private compact(): void {
    const from = this.headerDone ? this.chunkStart : Math.max(0, this.lastStart);
    if (from === 0) return;
    this.buffer = this.buffer.subarray(from);
    this.scan -= from;
    this.endScan = Math.max(0, this.endScan - from);
    this.chunkStart -= from;
    if (this.lastStart >= 0) this.lastStart -= from;
  }
}

function rowNumber(tag: string): number | undefined {
  const match = /\sr\s*=\s*["']([^"']*)/.exec(tag);
  const number = match ? parseInt(match[1]!, 10) : NaN;
  return Number.isNaN(number) ? undefined : number;
}
