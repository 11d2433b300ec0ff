import { Known } from '../../engine/index.js';

const UNKNOWN = Known.unknown;
import type { BatchContext } from '../batch-context.js';
import { documentOf, planOf, refsOf, type ColumnPlan } from '../column-plan.js';
import { ID_COLUMN, isLabelRow } from '../columns.js';
import { refusedCells, scoreRefused } from '../refused-cells.js';
import type { RowSink } from '../row-sink.js';
import { rejected, scoreChecked, scoreDocument } from '../score-rows.js';
import { ByteCellReader, isAscii, type TextOf } from './byte-cell.js';
import { chunkText, type CsvChunk } from './csv-chunk.js';
import { plainRecord, quotedRecords, readPlainRecord, type PlainRecord } from './plain-records.js';
import { scoreTextRecord } from './text-rows.js';

/**
 * Scores a chunk of CSV records (in a worker) into `sink`, and tells the row number of its last
 * record: row numbers follow the file's. A record without quotes (most are) is read on its bytes
 * (docs/decisions/003-byte-csv-reader.md); records with quotes are read as text, and one that
 * cannot be read is rejected with its number.
 */
export function scoreCsvChunk(context: BatchContext, chunk: CsvChunk, sink: RowSink): number {
  const plan = planOf(context, chunk.header);
  const cells = cellReaderOf(context, plan);
  const { bytes } = chunk;
  const delimiter = chunk.delimiter.charCodeAt(0);
  const record = plainRecord();
  const textOf = textReader(chunk);
  const quoted = quotedRecords(bytes, chunk.delimiter, textOf);
  // Slots no column of this header fills stay empty for the whole chunk (see scorePlainRecord).
  context.row.clear();
  let row = chunk.firstRow;
  for (let at = 0; at < bytes.length; row++) {
    const text = quoted.size > 0 ? quoted.get(at) : undefined;
    if (text) {
      at = text.next;
      if ('cells' in text) scoreTextRecord(context, plan, row, text.cells, sink);
      else sink.result(rejected(context, row, '', [text.unreadable]));
      continue;
    }
    at = readPlainRecord(bytes, at, delimiter, record);
    if (isBlank(bytes, record, delimiter, textOf)) continue;
    const id = plan.idIndex >= 0 && plan.idIndex < record.count ? textOf(record.starts[plan.idIndex]!, record.ends[plan.idIndex]!).trim() : '';
    if (row === 2 && isLabelRow({ [ID_COLUMN]: id })) continue;
    scorePlainRecord(context, plan, cells, row, id, bytes, record, textOf, sink);
  }
  return row - 1;
}

// The columns' cells read from their bytes, one reader per header (column k of the reader is the plan's `columns[k]`).
const readers = new WeakMap<ColumnPlan, ByteCellReader>();

function cellReaderOf(context: BatchContext, plan: ColumnPlan): ByteCellReader {
  let reader = readers.get(plan);
  if (!reader) readers.set(plan, (reader = new ByteCellReader(plan.columns, context.engine.codes)));
  return reader;
}

function scorePlainRecord(context: BatchContext, plan: ColumnPlan, cells: ByteCellReader, row: number, id: string, bytes: Uint8Array, record: PlainRecord, textOf: TextOf, sink: RowSink): void {
  const { row: state } = context;
  const { columns, oneColumnPerSlot } = plan;
  // Each column's slot is written whatever the cell holds, which clears what the row before left
  // there; where two columns fill one slot, the last non-empty cell wins, as in documentOf.
  if (!oneColumnPerSlot) state.clear();
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k]!;
    const value = c.index < record.count ? cells.read(k, bytes, record.starts[c.index]!, record.ends[c.index]!, textOf, record.hashes[c.index]!) : undefined;
    if (value === undefined && !oneColumnPerSlot) continue;
    state.set(c.slot, value, value !== undefined ? cells.known : UNKNOWN, value !== undefined ? cells.code : -1);
  }
  // The record's texts are made only for a row with a problem, or one to keep.
  const texts = () => Array.from({ length: record.count }, (_, i) => textOf(record.starts[i]!, record.ends[i]!));
  const refs = context.keep && refsOf(context, plan, (i) => (i < record.count ? textOf(record.starts[i]!, record.ends[i]!) : undefined));
  if (!state.check()) {
    const record = texts();
    const refused = refusedCells(plan, record);
    return refused ? scoreRefused(context, plan, row, record, refused, sink) : scoreDocument(context, row, id, documentOf(plan, record), sink, refs);
  }
  // The name as documentOf reads it, without building the document.
  const at = plan.nameIndex;
  const name = at >= 0 && at < record.count && record.ends[at]! > record.starts[at]! ? textOf(record.starts[at]!, record.ends[at]!).trim() : '';
  scoreChecked(context, row, id, () => documentOf(plan, texts()), sink, refs, undefined, name);
}

/** Whether every cell of a record is blank (`cell.trim() === ''`): bytes other than ASCII spaces are decoded to be sure. */
function isBlank(bytes: Uint8Array, record: PlainRecord, delimiter: number, textOf: TextOf): boolean {
  for (let i = record.start; i < record.end; i++) {
    const b = bytes[i]!;
    if (b === delimiter || b === SPACE || (b >= TAB && b <= CR)) continue;
    if (b < 0x80) return false;
    for (let c = 0; c < record.count; c++) if (textOf(record.starts[c]!, record.ends[c]!).trim() !== '') return false;
    return true;
  }
  return true;
}

const [TAB, CR, SPACE] = [0x09, 0x0d, 0x20] as const;

/** Cells' texts as a whole-chunk decoding would give them: ASCII reads alike in both encodings, the rest is decoded with the chunk's. */
function textReader(chunk: CsvChunk): TextOf {
  const { bytes } = chunk;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (start, end) => {
    if (isAscii(bytes, start, end)) return buffer.toString('latin1', start, end);
    return chunkText({ bytes: bytes.subarray(start, end), encoding: chunk.encoding });
  };
}
