import { excelDate, isDateFormat } from './number-formats.js';
import { SharedStringReader } from './shared-strings.js';
import type { XlsxBook } from './xlsx-chunk.js';
import { CR, GT, LF, LT, SheetDamaged, SLASH, SPACE, TAB, XmlBytes } from './xml-bytes.js';
import { xmlText } from './xml-text.js';

/** A sheet's row as exceljs' reader gives it, read from the XML of its <row> element. */
export interface SheetRow {
  row: number;
  /**
   * Each cell's value by column (0 for A): a string, number, boolean or Date; null for a cell that
   * holds no value but is there (an error, a formula without a result); a hole where there is no cell.
   */
  values: unknown[];
  /** Each cell's number format by column ('' for none). */
  formats: string[];
  /** Whether some cell holds something other than blank text (otherwise the row is skipped). */
  filled: boolean;
  /** The length of its longest text. */
  longest: number;
}

/** What reading cells needs of the workbook, made once per chunk. */
export interface SheetTables {
  strings: SharedStringReader;
  hasStrings: boolean;
  numFmts: readonly string[];
  dates: readonly boolean[];
  date1904: boolean;
}

export function sheetTables(book: XlsxBook): SheetTables {
  return { strings: new SharedStringReader(book.strings), hasStrings: book.hasStrings, numFmts: book.numFmts, dates: book.numFmts.map(isDateFormat), date1904: book.date1904 };
}

const [LOWER_C, LOWER_F, LOWER_I, LOWER_R, LOWER_S, LOWER_T, LOWER_V] = [0x63, 0x66, 0x69, 0x72, 0x73, 0x74, 0x76];
const ROW = Buffer.from('<row');
const END_RPH = Buffer.from('</rPh>');

// A cell's type attribute: shared string, formula string, inline string, boolean, error, anything else (a number).
const enum Type { Shared, Str, Inline, Bool, Error, Number }

/** Whether the byte after a tag's name ends the name. */
function endsName(b: number | undefined): boolean {
  return b === SPACE || b === GT || b === SLASH || b === TAB || b === LF || b === CR;
}

/** Where the row elements of `bytes` start, from `at`: -1 if none is left. */
export function nextRowStart(bytes: Buffer, at: number): number {
  for (let p = bytes.indexOf(ROW, at); p >= 0; p = bytes.indexOf(ROW, p + 4)) if (endsName(bytes[p + 4])) return p;
  return -1;
}

/** Each row of `bytes` (whole <row> elements, nothing else), in order; the number of its last row. */
export function eachSheetRow(bytes: Buffer, tables: SheetTables, previousRow: number, visit: (row: SheetRow) => void): number {
  const reader = new RowReader(bytes, tables);
  let number = previousRow;
  for (let p = nextRowStart(bytes, 0); p >= 0; p = nextRowStart(bytes, reader.at)) {
    const row = reader.read(p, number);
    number = row.row;
    visit(row);
  }
  return number;
}

/** Reads rows and their cells from a chunk's bytes; `at` is where the last row read ends. */
class RowReader extends XmlBytes {
  at = 0;

  constructor(
    bytes: Buffer,
    private readonly tables: SheetTables,
  ) {
    super(bytes);
  }

  read(start: number, previous: number): SheetRow {
    const { bytes } = this;
    let number = NaN;
    let style = 0;
    let at = start + 4;
    for (let next = this.attribute(at); next > 0; next = this.attribute(at)) {
      if (this.is(LOWER_R)) number = parseInt(this.text(), 10);
      else if (this.is(LOWER_S)) style = parseInt(this.text(), 10);
      at = next;
    }
    const row: SheetRow = { row: Number.isNaN(number) ? previous + 1 : number, values: [], formats: [], filled: false, longest: 0 };
    // A row's style gives its cells their number format, unless a cell has a style of its own (exceljs).
    const rowStyle = style > 0 && style < this.tables.numFmts.length ? style : -1;
    at = this.tagEnd(at);
    if (bytes[at - 2] === SLASH) return this.done(row, at);
    let column = 0;
    for (;;) {
      const lt = this.find(LT, at);
      const b = bytes[lt + 1];
      if (b === SLASH) {
        at = this.tagEnd(lt);
        if (bytes[lt + 2] === LOWER_R) return this.done(row, at);
        continue;
      }
      if (b === LOWER_C && endsName(bytes[lt + 2])) {
        column = this.cell(lt, column, row, rowStyle);
        at = this.at;
      } else {
        at = this.tagEnd(lt);
      }
    }
  }

  private done(row: SheetRow, at: number): SheetRow {
    this.at = at;
    return row;
  }

  /** Reads the cell whose tag starts at `start` into `row`; its column (1 for A). */
  private cell(start: number, previous: number, row: SheetRow, rowStyle: number): number {
    const { bytes, tables } = this;
    let column = NaN;
    let style = 0;
    let type = Type.Number;
    let at = start + 2;
    for (let next = this.attribute(at); next > 0; next = this.attribute(at)) {
      if (this.is(LOWER_R)) column = this.column();
      else if (this.is(LOWER_S)) style = parseInt(this.text(), 10);
      else if (this.is(LOWER_T)) type = this.type();
      at = next;
    }
    if (Number.isNaN(column)) column = previous + 1;
    const styled = style > 0 && style < tables.numFmts.length ? style : rowStyle;
    at = this.tagEnd(at);
    let formula = false;
    let text: string | undefined;
    let vStart = -1;
    let vEnd = -1;
    if (bytes[at - 2] !== SLASH) {
      for (;;) {
        const lt = this.find(LT, at);
        const b = bytes[lt + 1];
        if (b === SLASH) {
          at = this.tagEnd(lt);
          if (bytes[lt + 2] === LOWER_C && bytes[lt + 3] === GT) break;
        } else if (b === LOWER_V && endsName(bytes[lt + 2])) {
          at = this.tagEnd(lt);
          vStart = at;
          vEnd = bytes[at - 2] === SLASH ? at : this.find(LT, at);
          text = undefined;
        } else if (b === LOWER_F && endsName(bytes[lt + 2])) {
          formula = true;
          at = this.tagEnd(lt);
        } else if (b === LOWER_I && bytes[lt + 2] === LOWER_S && endsName(bytes[lt + 3])) {
          at = this.tagEnd(lt);
          text = bytes[at - 2] === SLASH ? '' : this.inline(at);
          at = this.at;
          vStart = vEnd = -1;
        } else {
          at = this.tagEnd(lt);
        }
      }
    }
    this.at = at;
    const hasValue = text !== undefined || vStart >= 0;
    if (!hasValue && !formula) return column;
    const value = this.value(type, formula, text, vStart, vEnd, styled >= 0 && tables.dates[styled]!);
    // A cell naming a shared string past the table holds nothing (exceljs: no cell value).
    if (value === undefined) return column;
    row.values[column - 1] = value;
    row.formats[column - 1] = styled >= 0 ? tables.numFmts[styled]! : '';
    if (typeof value === 'string') {
      if (value.length > row.longest) row.longest = value.length;
      if (!row.filled && value.trim() !== '') row.filled = true;
    } else {
      row.filled = true;
    }
    return column;
  }

  /**
   * A cell's value as exceljs gives it, undefined for no value at all: from the inline string `text`,
   * or the <v> text between `start` and `end` (-1: none); `date` when its format shows a date. A
   * formula's by its cached result, of its type (exceljs gave a boolean's as 1, an error's as NaN,
   * and none for 0, '' or false).
   */
  private value(type: Type, formula: boolean, text: string | undefined, start: number, end: number, date: boolean): unknown {
    if (text === undefined && start < 0) return null;
    if (formula && type === Type.Error) return null;
    switch (type) {
      case Type.Shared: {
        if (formula) return this.number(start, end);
        if (!this.tables.hasStrings) return null;
        const read = this.tables.strings.get(text === undefined ? this.integer(start, end) : parseInt(text, 10));
        return read === null ? undefined : read;
      }
      case Type.Str:
      case Type.Inline:
        return xmlText(text ?? this.bytes.toString('utf8', start, end));
      case Type.Error:
        return null;
      case Type.Bool:
        return (text === undefined ? this.integer(start, end) : parseInt(text, 10)) !== 0;
      default: {
        const number = text === undefined ? this.number(start, end) : parseFloat(text);
        return !formula && date ? excelDate(number, this.tables.date1904) : number;
      }
    }
  }

  /** An inline string's text (<is>): its <t> texts joined, phonetic guides left out; `at` set after </is>. */
  private inline(from: number): string {
    const { bytes } = this;
    let text = '';
    for (let at = from; ;) {
      const lt = this.find(LT, at);
      const b = bytes[lt + 1];
      if (b === SLASH && bytes[lt + 2] === LOWER_I && bytes[lt + 3] === LOWER_S) {
        this.at = this.tagEnd(lt);
        return text;
      }
      at = this.tagEnd(lt);
      if (b === LOWER_T && endsName(bytes[lt + 2]) && bytes[at - 2] !== SLASH) {
        const end = this.find(LT, at);
        text += bytes.toString('utf8', at, end);
        at = end;
      } else if (b === LOWER_R && bytes[lt + 2] === 0x50 && bytes[lt + 3] === 0x68 && bytes[at - 2] !== SLASH) {
        at = bytes.indexOf(END_RPH, at);
        if (at < 0) throw new SheetDamaged('phonetic guide not closed');
      }
    }
  }

  /** The cell type named by the attribute last read. */
  private type(): Type {
    const { bytes, valueStart: s } = this;
    const length = this.valueEnd - s;
    const b = bytes[s];
    if (length === 1) return b === LOWER_S ? Type.Shared : b === 0x62 ? Type.Bool : b === 0x65 ? Type.Error : Type.Number;
    if (length === 3 && b === LOWER_S && bytes[s + 1] === LOWER_T && bytes[s + 2] === LOWER_R) return Type.Str;
    return this.bytes.toString('latin1', s, this.valueEnd) === 'inlineStr' ? Type.Inline : Type.Number;
  }
}
