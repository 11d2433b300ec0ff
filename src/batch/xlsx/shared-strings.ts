import { grown } from '../csv/grown-array.js';
import { elementsOf, xmlText } from './xml-text.js';

/**
 * A workbook's shared strings, each as UTF-8 bytes in one SharedArrayBuffer: sent with every chunk,
 * they are shared by the workers, never copied (a portfolio's names and references can be
 * hundreds of thousands of strings). `spans` holds each string's start and end; an end of
 * NO_TEXT marks a string that has no text (exceljs gives null for it).
 */
export interface SharedStrings {
  bytes: SharedArrayBuffer;
  spans: SharedArrayBuffer;
}

const NO_TEXT = 0xffffffff;
const CACHED = 4096;

/** The shared strings of xl/sharedStrings.xml: a rich text's runs joined, its phonetic guides (<rPh>) left out. */
export function sharedStringsOf(xml: Buffer): SharedStrings {
  let bytes = Buffer.alloc(Math.max(1024, xml.length >> 1));
  let spans = new Uint32Array(1024);
  let length = 0;
  let count = 0;
  const text = xml.toString('utf8');
  for (const { content } of elementsOf(text, 'si')) {
    const value = siText(content);
    if (2 * count + 2 > spans.length) spans = grown(spans, 2 * count + 2);
    spans[2 * count] = length;
    if (value === null) {
      spans[2 * count + 1] = NO_TEXT;
    } else {
      const size = Buffer.byteLength(value);
      while (length + size > bytes.length) bytes = Buffer.concat([bytes, Buffer.alloc(bytes.length)]);
      length += bytes.write(value, length);
      spans[2 * count + 1] = length;
    }
    count++;
  }
  const shared = { bytes: new SharedArrayBuffer(length), spans: new SharedArrayBuffer(8 * count) };
  bytes.copy(Buffer.from(shared.bytes), 0, 0, length);
  new Uint32Array(shared.spans).set(spans.subarray(0, 2 * count));
  return shared;
}

/** No shared strings (a workbook without xl/sharedStrings.xml). */
export function noSharedStrings(): SharedStrings {
  return { bytes: new SharedArrayBuffer(0), spans: new SharedArrayBuffer(0) };
}

// exceljs' reading: a plain <si><t/></si> holds no text (null); runs, even empty, make a text.
function siText(content: string): string | null {
  // Most are one plain text: <t>…</t>.
  const plain = /^<t(?:\s[^>]*)?>([^<]*)<\/t>$/.exec(content);
  if (plain) return plain[1] === '' ? null : xmlText(plain[1]!);
  const runs = /<r[\s>]/.test(content);
  const parts: string[] = [];
  for (const { content: t } of elementsOf(content.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, ''), 't')) parts.push(xmlText(t));
  const joined = parts.join('');
  return joined === '' && !runs ? null : joined;
}

/** Reads shared strings by index (in a worker or the main thread). */
export class SharedStringReader {
  private readonly bytes: Buffer;
  private readonly spans: Uint32Array;
  /** Whether the workbook has a shared strings part at all (exceljs tells a missing one from an empty one). */
  readonly present: boolean;

  constructor(strings: SharedStrings, present = true) {
    this.bytes = Buffer.from(strings.bytes);
    this.spans = new Uint32Array(strings.spans);
    this.present = present;
  }

  // The strings last read, by index modulo their number: a portfolio's labels and yes/no come again
  // and again, its names and references once each, so memory stays what the cache holds.
  private readonly cachedIndex = new Int32Array(CACHED).fill(-1);
  private readonly cachedText: (string | null)[] = new Array<string | null>(CACHED).fill(null);

  /** The string at `index`; null for one without text, undefined past the table (as exceljs gives them). */
  get(index: number): string | null | undefined {
    if (!(index >= 0 && 2 * index < this.spans.length)) return undefined;
    const slot = index & (CACHED - 1);
    if (this.cachedIndex[slot] === index) return this.cachedText[slot]!;
    const end = this.spans[2 * index + 1]!;
    const text = end === NO_TEXT ? null : this.bytes.toString('utf8', this.spans[2 * index]!, end);
    this.cachedIndex[slot] = index;
    this.cachedText[slot] = text;
    return text;
  }
}
