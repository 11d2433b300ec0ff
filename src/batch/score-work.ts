import { scoreCsvChunk, scoreRow, type RowResult, type RowScorer } from './score-row.js';
import type { CsvChunk } from './csv-chunk.js';
import type { InputRow } from './score-row.js';
import { tallyOf, type Tally } from './batch-summary.js';
import { formatRows, type TextFormat } from './format-rows.js';

/** What a pool scores: rows already read, or a chunk of CSV bytes to decode and parse first. */
export type Work = InputRow[] | CsvChunk;

/**
 * A scored chunk. Given a text format, the rows come back written (`text`) with just the figures
 * the summary counts (`tally`): a string and a few numbers cross threads at almost no cost, where
 * result objects would be cloned field by field. Otherwise (XLSX, or results wanted one by one) they
 * come as `results`.
 */
export type ScoredChunk = { results: RowResult[] } | { text: string; tally: Tally; lastRow: number };

/** Scores one unit of work in the calling thread (a worker's, or the main one for an inline pool). */
export function scoreWork(scorer: RowScorer, work: Work, format: TextFormat | undefined, pillars: readonly string[]): ScoredChunk {
  const results = Array.isArray(work) ? work.map((row) => scoreRow(scorer, row)) : scoreCsvChunk(scorer, work);
  if (!format) return { results };
  const rows = results.filter((r): r is Exclude<RowResult, { skip: true }> => !('skip' in r));
  return { text: formatRows(format, rows), tally: tallyOf(rows, pillars), lastRow: results.at(-1)?.row ?? 0 };
}
