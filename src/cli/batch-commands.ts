import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import { loadContent } from '../content/load-content.js';
import { indexContent } from '../core/content-index.js';
import { formatDecimal } from '../core/format-answer.js';
import type { Lang } from '../core/text.js';
import type { BatchSummary } from '../batch/batch-summary.js';
import { formatOf, UnreadableFile } from '../batch/read-rows.js';
import { runBatch } from '../batch/run-batch.js';
import { inlinePool, workerPool, workersAvailable, type ScoringPool } from '../batch/scoring-pool.js';
import { outputFormatOf } from '../batch/write-results.js';
import { writeTemplate } from '../batch/write-template.js';
import { fail } from './answers-input.js';
import { EXIT, type CliIo } from './cli-io.js';

export async function batchTemplateCommand(options: { output: string; format: 'csv' | 'xlsx'; lang: Lang; delimiter: string; content?: string }, io: CliIo): Promise<number> {
  const loaded = loadContent(options.content);
  if (!loaded.ok) return fail(io, loaded.issues, options.lang, EXIT.problems);
  await writeTemplate(indexContent(loaded.value.content), options.output, options.format, options.lang, options.delimiter);
  io.out(`${options.output}\n`);
  return EXIT.ok;
}

export interface BatchCommandOptions {
  output: string;
  lang: Lang;
  workers?: number;
  suggestions: number;
  delimiter: string;
  content?: string;
  progress: 'bar' | 'lines' | 'none';
}

/** `impact-score batch FILE -o OUT`: scores every row of a portfolio file. */
export async function batchCommand(input: string, options: BatchCommandOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  const fr = options.lang === 'fr';
  const inputFormat = formatOf(input);
  const outputFormat = outputFormatOf(options.output);
  if (!inputFormat || !outputFormat) {
    io.err(fr ? 'impact-score: extensions reconnues : .csv, .jsonl, .xlsx (entrée et sortie).\n' : 'impact-score: known extensions: .csv, .jsonl, .xlsx (input and output).\n');
    return EXIT.usage;
  }
  const loaded = loadContent(options.content);
  if (!loaded.ok) return fail(io, loaded.issues, options.lang, EXIT.problems);
  const size = options.workers ?? availableParallelism();
  const pool: ScoringPool = size > 0 && workersAvailable()
    ? await workerPool(size, { content: loaded.value.content, lang: options.lang, suggestions: options.suggestions })
    : inlinePool(loaded.value.content, options.lang, options.suggestions);
  const report = progressReporter(options.progress, io, fr);
  const started = process.hrtime.bigint();
  try {
    const summary = await runBatch({
      input, inputFormat, output: options.output, outputFormat, content: loaded.value.content, pool,
      lang: options.lang, suggestions: options.suggestions, delimiter: options.delimiter, onProgress: report.update, ...(signal && { signal }),
    });
    report.stop();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    io.err(renderSummary(summary, seconds, options.lang));
    io.out(`${options.output}\n`);
    return summary.rejected > 0 ? EXIT.problems : EXIT.ok;
  } catch (error) {
    report.stop();
    if (error instanceof UnreadableFile) {
      io.err(`impact-score: ${error.message}\n`);
      return EXIT.usage;
    }
    if ((error as Error).name === 'AbortError') {
      io.err(fr ? 'impact-score: interrompu ; aucun fichier de résultats écrit.\n' : 'impact-score: interrupted; no results file written.\n');
      return 130;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.err(`impact-score: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    throw error;
  } finally {
    await pool.close();
  }
}

/** A bar with rate and remaining time on a terminal; plain lines elsewhere (logs, CI). */
function progressReporter(mode: BatchCommandOptions['progress'], io: CliIo, fr: boolean) {
  if (mode === 'none') return { update: () => {}, stop: () => {} };
  if (mode === 'bar') {
    const bar = new cliProgress.SingleBar({
      format: fr ? ' {bar} {percentage} % | {rows} lignes | {rate} lignes/s | reste {eta_formatted}' : ' {bar} {percentage}% | {rows} rows | {rate} rows/s | {eta_formatted} left',
      hideCursor: true,
      stream: process.stderr,
    }, cliProgress.Presets.shades_classic);
    let started = false;
    const t0 = Date.now();
    return {
      update: (p: { rows: number; bytesRead: number; totalBytes: number }) => {
        if (!started) bar.start(p.totalBytes, 0, { rows: 0, rate: 0 });
        started = true;
        bar.update(p.bytesRead, { rows: p.rows.toLocaleString(fr ? 'fr-FR' : 'en-GB'), rate: Math.round(p.rows / Math.max(0.001, (Date.now() - t0) / 1000)) });
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  const t0 = Date.now();
  return {
    update: (p: { rows: number; bytesRead: number; totalBytes: number }) => {
      const now = Date.now();
      if (now - last < 2000) return;
      last = now;
      const pct = p.totalBytes > 0 ? Math.floor((100 * p.bytesRead) / p.totalBytes) : 0;
      io.err(`${fr ? 'progression' : 'progress'}: ${pct} %, ${p.rows} ${fr ? 'lignes' : 'rows'}, ${Math.round(p.rows / ((now - t0) / 1000))} ${fr ? 'lignes/s' : 'rows/s'}\n`);
    },
    stop: () => {},
  };
}

function renderSummary(s: BatchSummary, seconds: number, lang: Lang): string {
  const fr = lang === 'fr';
  const n = (x: number | null) => (x === null ? '—' : formatDecimal(x, lang));
  const lines = [
    fr
      ? `${s.rows} lignes en ${formatDecimal(Math.round(seconds * 10) / 10, lang)} s : ${s.scored} notées, ${s.rejected} rejetées (voir la colonne « error »).`
      : `${s.rows} rows in ${formatDecimal(Math.round(seconds * 10) / 10, lang)} s: ${s.scored} scored, ${s.rejected} rejected (see the "error" column).`,
    `${fr ? 'moyenne / répartition 0-20-40-60-80-100' : 'mean / distribution 0-20-40-60-80-100'}`,
    `  global${' '.repeat(8)} ${n(s.global.mean).padStart(5)}  ${s.global.bands.join(' · ')}`,
    ...Object.entries(s.pillars).map(([id, p]) => `  ${id.padEnd(14)} ${n(p.mean).padStart(5)}  ${p.bands.join(' · ')}`),
  ];
  return `${lines.join('\n')}\n`;
}
