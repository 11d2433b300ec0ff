import { rmSync } from 'node:fs';
import { indexContent } from '../core/content-index.js';
import type { Content } from '../core/content-model.js';
import type { Lang } from '../core/text.js';
import { SummaryBuilder, type BatchSummary } from './batch-summary.js';
import { readCsvChunks } from './csv/csv-chunks.js';
import { jsonLinesChunks, readRows, type InputFormat, type ReadProgress } from './read-rows.js';
import type { InputRow } from './input-row.js';
import type { WrittenResult } from './row-result.js';
import type { ChunkOutput, ScoringPool } from './scoring-pool.js';
import type { ScoredChunk } from './score-work.js';
import { outputDialect } from './csv/csv-dialect.js';
import { resultWords } from './result-words.js';
import { openWriter, publish, refuseFolder, type OutputFormat } from './write-results.js';

export interface BatchOptions {
  input: string;
  inputFormat: InputFormat;
  output: string;
  outputFormat: OutputFormat;
  content: Content;
  pool: ScoringPool;
  lang: Lang;
  suggestions: number;
  /** The CSV results' delimiter, when asked; otherwise the input's (a CSV), or a comma. */
  delimiter?: string;
  /** The summary lists up to this many rows with problems, in words (for the web page). */
  listProblems?: number;
  /** Results for French or English Excel (CSV: delimiter and decimal separator), whatever the input's. */
  excel?: 'fr' | 'en';
  chunkSize?: number;
  onProgress?: (p: { rows: number; bytesRead: number; totalBytes: number }) => void;
  /** Each scored row, in file order, before it is written (documents kept by the pool come with it). */
  onResult?: (result: WrittenResult) => void | Promise<void>;
  signal?: AbortSignal;
}

/**
 * Scores a portfolio file into a results file. Reading, scoring (in the pool) and writing overlap;
 * results are written in file order. The output is written as `OUTPUT.partial` and renamed only
 * when complete, so an interrupted run never leaves a file that looks finished. An output that
 * cannot be written rejects with a BatchFileError, before any row is read or at the failing write.
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const partial = `${options.output}.partial`;
  const layout = {
    pillars: options.content.pillars.map((p) => p.id).sort((a, b) => order(options.content, a) - order(options.content, b)),
    indicators: [...options.content.pillars].sort((a, b) => a.order - b.order).flatMap((p) => p.indicators.map((i) => i.id)),
    suggestions: options.suggestions,
  };
  refuseFolder(options.output);
  const index = indexContent(options.content);
  const dialect = options.outputFormat === 'csv' ? outputDialect({ file: options.input, format: options.inputFormat }, options) : undefined;
  const words = resultWords(index, options.lang);
  const writer = await openWriter(partial, options.outputFormat, layout, { ...(dialect && { dialect }), words });
  const summary = new SummaryBuilder(layout.pillars, options.listProblems ? { rows: options.listProblems, say: words.problem } : undefined);
  const progress: ReadProgress = { bytesRead: 0, totalBytes: 0 };
  const chunkSize = options.chunkSize ?? 500;
  // Rows come back already written unless each result is wanted here (XLSX cells, onResult).
  const output: ChunkOutput = { pillars: layout.pillars, ...(!options.onResult && writer.text && { format: writer.text }) };
  // Enough chunks in flight for each worker to hold its next one (see workerPool) and one more
  // per worker read ahead, few enough to keep memory flat.
  const window = options.pool.size * 3;
  const inFlight: Promise<ScoredChunk>[] = [];
  const drainOne = async () => {
    const scored = await inFlight.shift()!;
    if ('text' in scored) {
      summary.addTally(scored.tally);
      await writer.writeText!(scored.text);
    }
    for (const result of 'results' in scored ? scored.results : []) {
      if ('skip' in result) continue;
      summary.add(result);
      if (options.onResult) await options.onResult(result);
      await writer.write(result);
    }
    // Rows scored or rejected, as the summary counts them: not the label row nor blank lines.
    options.onProgress?.({ rows: summary.rows, bytesRead: progress.bytesRead, totalBytes: progress.totalBytes });
  };
  try {
    if (options.inputFormat !== 'xlsx') {
      // CSV and JSON Lines: the main thread only cuts the bytes at record ends; workers parse and score.
      const chunks = options.inputFormat === 'csv' ? readCsvChunks(options.input, progress, chunkSize) : jsonLinesChunks(options.input, progress, chunkSize);
      for await (const work of chunks) {
        options.signal?.throwIfAborted();
        inFlight.push(options.pool.score(work, output));
        if (inFlight.length >= window) await drainOne();
      }
    }
    let chunk: InputRow[] = [];
    const others = options.inputFormat === 'xlsx' ? readRows(options.input, options.inputFormat, progress, index) : [];
    for await (const row of others) {
      options.signal?.throwIfAborted();
      chunk.push(row);
      if (chunk.length < chunkSize) continue;
      inFlight.push(options.pool.score(chunk, output));
      chunk = [];
      if (inFlight.length >= window) await drainOne();
    }
    if (chunk.length > 0) inFlight.push(options.pool.score(chunk, output));
    while (inFlight.length > 0) await drainOne();
    const result = summary.build();
    await writer.close(result);
    options.signal?.throwIfAborted();
    publish(partial, options.output);
    return result;
  } catch (error) {
    await Promise.allSettled(inFlight);
    await writer.discard();
    rmSync(partial, { force: true });
    throw error;
  }
}

function order(content: Content, pillar: string): number {
  return content.pillars.find((p) => p.id === pillar)?.order ?? 0;
}
