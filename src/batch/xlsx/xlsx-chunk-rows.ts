import type { ContentIndex } from '../../core/content-index.js';
import type { BatchContext } from '../batch-context.js';
import type { InputRow } from '../input-row.js';
import type { RowSink } from '../row-sink.js';
import { scoreCellsRow } from '../score-rows.js';
import { checkRowSize, inputRowOf, questionsOf, WorkbookRefused } from './sheet-input.js';
import { eachSheetRow, sheetTables, SheetDamaged } from './sheet-rows.js';
import { UNREADABLE_WORKBOOK } from './workbook-refusals.js';
import type { XlsxChunk } from './xlsx-chunk.js';

/** Scores a chunk of a workbook's rows (in a worker) into `sink`, and tells the number of its last row. */
export function scoreXlsxChunk(context: BatchContext, chunk: XlsxChunk, sink: RowSink): number {
  return eachXlsxRow(context.index, chunk, (row) => scoreCellsRow(context, row, sink));
}

/**
 * Each row of a chunk of a workbook's sheet as a batch row, blank rows left out; the number of its
 * last row: each <row> parsed from the chunk's bytes, its cells read as exceljs' reader and
 * readXlsxCell read them. A row too large, or XML that is not a sheet's, throws WorkbookRefused:
 * the run stops.
 */
export function eachXlsxRow(index: ContentIndex, chunk: XlsxChunk, visit: (row: InputRow) => void): number {
  const { header, book } = chunk;
  const questions = questionsOf(index, header);
  const bytes = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  try {
    return eachSheetRow(bytes, sheetTables(book), chunk.previousRow, (row) => {
      checkRowSize(row);
      if (row.filled) visit(inputRowOf(row, header, questions, book.formatsKnown));
    });
  } catch (error) {
    if (error instanceof SheetDamaged) throw new WorkbookRefused('unreadable-workbook', UNREADABLE_WORKBOOK);
    throw error;
  }
}
