import type { BatchContext } from './batch-context.js';
import { tallyOf, type Tally } from './batch-summary.js';
import { scoreCsvChunk } from './csv/chunk-rows.js';
import type { CsvChunk } from './csv/csv-chunk.js';
import { CsvRowWriter } from './csv/csv-row-writer.js';
import { formatRows, type TextFormat } from './format-rows.js';
import type { InputRow } from './input-row.js';
import { resultWords, type ResultWords } from './result-words.js';
import type { RowResult, WrittenResult } from './row-result.js';
import type { JsonLinesChunk } from './json-lines.js';
import { scoreJsonLinesChunk } from './json-line-rows.js';
import { ResultList, type RowSink } from './row-sink.js';
import { scoreInputRow } from './score-rows.js';
import type { LocalizedText } from '../core/text.js';
import { WorkbookRefused } from './xlsx/workbook-refusals.js';
import type { XlsxChunk } from './xlsx/xlsx-chunk.js';
import { scoreXlsxChunk } from './xlsx/xlsx-chunk-rows.js';

/** What a pool scores: rows already read, or a chunk of CSV, JSON Lines or sheet XML bytes to decode and parse first. */
export type Work = InputRow[] | CsvChunk | JsonLinesChunk | XlsxChunk;

/**
 * A scored chunk: written (CSV bytes or JSON Lines) with the summary's figures, which cross threads at almost no cost,
 * or as results (XLSX, or results wanted one by one); or a workbook's row that stops the run, and why.
 */
export type ScoredChunk = { results: RowResult[] } | { text: string | Uint8Array<ArrayBuffer>; tally: Tally; lastRow: number } | { stop: { code: string; message: LocalizedText } };

/** Scores one unit of work in the calling thread (a worker's, or the main one for an inline pool). */
export function scoreWork(context: BatchContext, work: Work, format: TextFormat | undefined, pillars: readonly string[]): ScoredChunk {
  try {
    return scoreAll(context, work, format, pillars);
  } catch (error) {
    if (error instanceof WorkbookRefused) return { stop: { code: error.code, message: error.why } };
    throw error;
  }
}

function scoreAll(context: BatchContext, work: Work, format: TextFormat | undefined, pillars: readonly string[]): ScoredChunk {
  if (!Array.isArray(work) && format?.format === 'csv' && CsvRowWriter.writes(format.delimiter)) {
    const writer = csvWriterOf(context, format, pillars);
    writer.start();
    const lastRow = scoreChunk(context, work, writer);
    return { ...writer.finish(), lastRow };
  }
  let results: RowResult[];
  if (Array.isArray(work)) {
    results = work.map((row) => scoreInputRow(context, row));
  } else {
    const list = new ResultList(context.engine);
    scoreChunk(context, work, list);
    results = list.results;
  }
  if (!format) return { results };
  const rows = results.filter((r): r is WrittenResult => !('skip' in r));
  return { text: formatRows(format, rows, wordsOf(context)), tally: tallyOf(rows, pillars), lastRow: results.at(-1)?.row ?? 0 };
}

/** A chunk of bytes scored into `sink`; the row number of its last record. */
function scoreChunk(context: BatchContext, chunk: CsvChunk | JsonLinesChunk | XlsxChunk, sink: RowSink): number {
  if (chunk.kind === 'csv') return scoreCsvChunk(context, chunk, sink);
  if (chunk.kind === 'xlsx') return scoreXlsxChunk(context, chunk, sink);
  return scoreJsonLinesChunk(context, chunk, sink);
}

// One writer per batch and format (a run has one), its buffers reused from chunk to chunk.
const writers = new WeakMap<BatchContext, Map<string, CsvRowWriter>>();

function csvWriterOf(context: BatchContext, format: Extract<TextFormat, { format: 'csv' }>, pillars: readonly string[]): CsvRowWriter {
  const key = JSON.stringify([format, pillars]);
  let byFormat = writers.get(context);
  if (!byFormat) writers.set(context, (byFormat = new Map()));
  let writer = byFormat.get(key);
  if (!writer) byFormat.set(key, (writer = new CsvRowWriter(context.engine, wordsOf(context), format.layout, format.delimiter, pillars, format.decimal)));
  return writer;
}

// What a results CSV says in words (titles, problems by their questions' labels), made once per batch.
const words = new WeakMap<BatchContext, ResultWords>();

function wordsOf(context: BatchContext): ResultWords {
  let made = words.get(context);
  if (!made) words.set(context, (made = resultWords(context.index, context.lang)));
  return made;
}
