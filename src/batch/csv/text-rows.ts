import { Known } from '../../engine/index.js';
import type { BatchContext } from '../batch-context.js';
import { documentOf, planOf, refsOf, type ColumnPlan } from '../column-plan.js';
import { ID_COLUMN, isLabelRow } from '../columns.js';
import { refusedCells, scoreRefused } from '../refused-cells.js';
import type { RowSink } from '../row-sink.js';
import { scoreChecked, scoreDocument } from '../score-rows.js';
import { chunkText, type CsvChunk } from './csv-chunk.js';
import { csvRecords } from './csv-records.js';

/** A chunk read whole as text (csvRecords): what the tests hold `scoreCsvChunk` to. */
export function scoreTextChunk(context: BatchContext, chunk: CsvChunk, sink: RowSink, plan = planOf(context, chunk.header)): number {
  const records = csvRecords(chunkText(chunk), chunk.delimiter);
  records.forEach((record, i) => scoreTextRecord(context, plan, chunk.firstRow + i, record, sink));
  return chunk.firstRow + records.length - 1;
}

/** One record read as text: skipped when blank, or when it is the template's label row. */
export function scoreTextRecord(context: BatchContext, plan: ColumnPlan, row: number, record: readonly string[], sink: RowSink): void {
  if (record.every((cell) => cell.trim() === '')) return;
  const id = String(record[plan.idIndex] ?? '').trim();
  if (row === 2 && isLabelRow({ [ID_COLUMN]: id })) return;
  const { row: state } = context;
  state.clear();
  for (const c of plan.columns) {
    const value = c.parse(record[c.index]);
    if (value !== undefined) state.set(c.slot, value, Known.unknown, -1);
  }
  // The answers document is built only for a row with a problem, or one to keep.
  const refs = context.keep && refsOf(context, plan, (i) => record[i]);
  if (!state.check()) {
    const refused = refusedCells(plan, record);
    return refused ? scoreRefused(context, plan, row, record, refused, sink) : scoreDocument(context, row, id, documentOf(plan, record), sink, refs);
  }
  scoreChecked(context, row, id, () => documentOf(plan, record), sink, refs, undefined, plan.nameIndex >= 0 ? String(record[plan.nameIndex] ?? '').trim() : '');
}
