import type { BatchContext } from '../batch-context.js';
import type { RowSink } from '../row-sink.js';
import { scoreCellsRow } from '../score-rows.js';
import { checkRowSize, inputRowOf, questionsOf, WorkbookRefused } from './sheet-input.js';
import { eachSheetRow, sheetTables, SheetDamaged } from './sheet-rows.js';
import { UNREADABLE_WORKBOOK } from './workbook-refusals.js';
import type { XlsxChunk } from './xlsx-chunk.js';

/**
 * Scores a chunk of a workbook's rows (in a worker) into `sink`, and tells the number of its last
 * row: each <row> parsed from the chunk's bytes, its cells read as exceljs' reader and
 * readXlsxCell read them, blank rows skipped. A row too large, or XML that is not a sheet's,
 * throws WorkbookRefused: the run stops.
 */
export function scoreXlsxChunk(context: BatchContext, chunk: XlsxChunk, sink: RowSink): number {
  const { header, book } = chunk;
  const questions = questionsOf(context.index, header);
  const bytes = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  try {
    return eachSheetRow(bytes, sheetTables(book), chunk.previousRow, (row) => {
      checkRowSize(row);
      if (row.filled) scoreCellsRow(context, inputRowOf(row, header, questions, book.formatsKnown), sink);
    });
  } catch (error) {
    if (error instanceof SheetDamaged) throw new WorkbookRefused('unreadable-workbook', UNREADABLE_WORKBOOK);
    throw error;
  }
}
