import type { AnswersDocument } from '../core/content-model.js';
import type { BatchContext } from './batch-context.js';
import { eachJsonLine, jsonLineRow, type JsonLinesChunk } from './json-lines.js';
import { JsonLineReader } from './json-line-reader.js';
import { MAX_RECORD_BYTES } from './row-problems.js';
import type { RowSink } from './row-sink.js';
import { scoreChecked, scoreJsonRow, sirenRefs, withoutSchema } from './score-rows.js';

const NEWLINE = 0x0a;

/**
 * Scores a chunk of JSON lines (in a worker) into `sink`, and tells the row number of its last
 * line. A line of the usual shape is read from its bytes into the engine's row (decision 016);
 * any other, or one the engine finds a problem in, is read as `scoreJsonLinesText` reads it.
 */
export function scoreJsonLinesChunk(context: BatchContext, chunk: JsonLinesChunk, sink: RowSink): number {
  const bytes = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  const reader = readerOf(context);
  reader.startChunk(bytes);
  let row = chunk.firstRow;
  for (let start = 0; start < bytes.length; row++) {
    let newline = bytes.indexOf(NEWLINE, start);
    if (newline < 0) newline = bytes.length;
    scoreLine(context, reader, row, bytes, start, newline, sink);
    start = newline + 1;
  }
  return row - 1;
}

/** Every line parsed (JSON.parse) and checked as a document: the readable path, which the tests hold `scoreJsonLinesChunk` to. */
export function scoreJsonLinesText(context: BatchContext, chunk: JsonLinesChunk, sink: RowSink): number {
  return eachJsonLine(chunk, (row) => scoreJsonRow(context, row, sink));
}

function scoreLine(context: BatchContext, reader: JsonLineReader, row: number, bytes: Buffer, start: number, end: number, sink: RowSink): void {
  if (end - start <= MAX_RECORD_BYTES && reader.read(start, end) && context.row.check()) {
    // As scoreJsonRow has them: the identifier is the SIREN, else the name; the document is parsed only when wanted.
    const { name, siren } = reader;
    const refs = context.keep ? sirenRefs(siren) : undefined;
    return scoreChecked(context, row, siren ?? name ?? '', () => documentOf(bytes, start, end), sink, refs, undefined, name);
  }
  const input = jsonLineRow(row, bytes.subarray(start, end));
  if (input) scoreJsonRow(context, input, sink);
}

/** The line's document as scoreJsonRow keeps it: parsed, without its $schema. */
const documentOf = (bytes: Buffer, start: number, end: number): AnswersDocument => withoutSchema(jsonLineRow(0, bytes.subarray(start, end))!.document);

// One reader per batch (a worker scores one at a time), what it remembers kept from chunk to chunk.
const readers = new WeakMap<BatchContext, JsonLineReader>();

function readerOf(context: BatchContext): JsonLineReader {
  let reader = readers.get(context);
  if (!reader) readers.set(context, (reader = new JsonLineReader(context)));
  return reader;
}
