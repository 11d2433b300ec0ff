import type { ContentIndex } from '../../core/content-index.js';
import type { BatchContext } from '../batch-context.js';
import type { InputRow } from '../input-row.js';
import type { RowSink } from '../row-sink.js';
import { planOf } from '../column-plan.js';
import { scoreRecord, scoreRefusedRow } from '../score-rows.js';
import { checkRowSize, inputRowFrom, inputRowOf, questionsOf, readCells, recordColumns } from './sheet-input.js';
import { eachSheetRow, sheetTables, type SheetRow } from './sheet-rows.js';
import { SheetDamaged } from './xml-bytes.js';
import { UNREADABLE_WORKBOOK, WorkbookRefused } from './workbook-refusals.js';
import type { XlsxChunk } from './xlsx-chunk.js';

/**
 * Scores a chunk of a workbook's rows (in a worker) into `sink`, and tells the number of its last
 * row. A row without refused cells is scored from its values in the order of the columns of its
 * cells object (see recordColumns), the plan of those columns made once per chunk; the others as
 * the rows the reference reader gave.
 */
export function scoreXlsxChunk(context: BatchContext, chunk: XlsxChunk, sink: RowSink): number {
  const { header, book } = chunk;
  const questions = questionsOf(context.index, header);
  const { names, sources } = recordColumns(header);
  const plan = planOf(context, names);
  return eachRow(chunk, (row) => {
    const read = readCells(row, header, questions, book.formatsKnown);
    if (read.refused) return scoreRefusedRow(context, inputRowFrom(row.row, header, read), sink);
    scoreRecord(context, row.row, plan, sources.map((i) => read.values[i]), sink);
  });
}

/**
 * Each row of a chunk of a workbook's sheet as a batch row, blank rows left out; the number of its
 * last row: each <row> parsed from the chunk's bytes, its cells read as exceljs' reader and
 * readXlsxCell read them. A row too large, or XML that is not a sheet's, throws WorkbookRefused:
 * the run stops.
 */
export function eachXlsxRow(index: ContentIndex, chunk: XlsxChunk, visit: (row: InputRow) => void): number {
  const questions = questionsOf(index, chunk.header);
  return eachRow(chunk, (row) => visit(inputRowOf(row, chunk.header, questions, chunk.book.formatsKnown)));
}

/** Each row of the chunk that is not blank, checked for its size. */
function eachRow(chunk: XlsxChunk, visit: (row: SheetRow) => void): number {
  const bytes = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  try {
    return eachSheetRow(bytes, sheetTables(chunk.book), chunk.previousRow, (row) => {
      checkRowSize(row);
      if (row.filled) visit(row);
    });
  } catch (error) {
    if (error instanceof SheetDamaged) throw new WorkbookRefused('unreadable-workbook', UNREADABLE_WORKBOOK);
    throw error;
  }
}
