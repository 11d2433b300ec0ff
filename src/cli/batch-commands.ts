import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { loadContent } from '../content/load-content.js';
import { indexContent } from '../core/content-index.js';
import { formatDecimal } from '../core/format-answer.js';
import { bilingual, localize, type Lang } from '../core/text.js';
import type { BatchSummary } from '../batch/batch-summary.js';
import { BatchFileError } from '../batch/batch-file-error.js';
import { formatOf, type InputFormat } from '../batch/read-rows.js';
import { runBatch } from '../batch/run-batch.js';
import { inlinePool, workerPool, workersAvailable, type ScoringPool } from '../batch/scoring-pool.js';
import { outputFormatOf, type OutputFormat } from '../batch/write-results.js';
import { templateBytes } from '../batch/write-template.js';
import { fail } from './answers-input.js';
import { EXIT, type CliIo } from './cli-io.js';
import { cannotRead, cannotWrite, inputProblem, line } from './file-problems.js';
import { progressReporter, type ProgressMode } from './progress-reporter.js';

/** What `batch` and `batch-template` say after their options: how a portfolio file's columns and cells are read. */
export const PORTFOLIO_HELP = `
Colonnes / columns:
  id             votre référence, texte libre / your own reference, free text
  organisation   n° de l’organisation dans impact-score / its number in impact-score
  siren          9 chiffres / 9 digits
                 seules colonnes qui désignent où enregistrer une ligne (API store=true) /
                 the only columns naming where a row is stored (API store=true)
Cellules / cells:
  plusieurs réponses séparées par | ; valeurs ou libellés (typographie, casse et espaces indifférents) /
  several answers separated by |; values or labels (typography, case and spaces aside)
  « aucun » (ou « néant ») si aucune réponse ne s’applique ; une cellule vide est sans réponse /
  "none" where no answer applies; an empty cell is no answer
  XLSX : un pourcentage se lit selon le format de la cellule (7 % = 7) ; un nombre entre 0 et 1 sans %
  et une date hors des notes sont refusés / XLSX: a percentage is read by the cell's format (7% = 7);
  a number between 0 and 1 without % and a date outside notes are refused
Une ligne illisible (guillemet jamais fermé, plus de 1 Mo, JSON invalide) est rejetée avec son numéro /
a row that cannot be read (a quote never closed, over 1 MB, invalid JSON) is rejected with its number
`;

export interface TemplateOptions {
  /** Without it, the template goes to standard output. */
  output?: string;
  format: 'csv' | 'xlsx';
  lang: Lang;
  delimiter: string;
  content?: string;
}

/** `impact-score batch-template`: the empty portfolio file, to OUTPUT or to standard output. */
export async function batchTemplateCommand(options: TemplateOptions, io: CliIo): Promise<number> {
  if (options.output === undefined && options.format === 'xlsx' && io.outIsTerminal) {
    io.err(line(bilingual(
      'un classeur XLSX ne s’affiche pas dans un terminal : donnez un fichier avec -o (ou redirigez la sortie : > modele.xlsx).',
      'an XLSX workbook cannot be shown in a terminal: give a file with -o (or redirect the output: > template.xlsx).',
    ), options.lang));
    return EXIT.usage;
  }
  const loaded = loadContent(options.content);
  if (!loaded.ok) return fail(io, loaded.issues, options.lang, EXIT.problems);
  const bytes = await templateBytes(indexContent(loaded.value.content), options.format, options.lang, options.delimiter);
  if (options.output === undefined) {
    io.out(bytes);
    return EXIT.ok;
  }
  try {
    writeFileSync(options.output, bytes);
  } catch (error) {
    io.err(cannotWrite(options.output, (error as NodeJS.ErrnoException).code, options.lang));
    return EXIT.usage;
  }
  io.out(`${options.output}\n`);
  return EXIT.ok;
}

export interface BatchCommandOptions {
  output: string;
  lang: Lang;
  workers?: number;
  suggestions: number;
  /** Score rows leaving required questions unanswered (no points for them) instead of rejecting them. */
  partial?: boolean;
  /** Reject rows answering a question that does not apply to them, instead of ignoring the answer with a warning. */
  strict?: boolean;
  /** Without it, the input CSV's delimiter (results come back as the input came), or a comma. */
  delimiter?: string;
  /** CSV results for French Excel (semicolons, decimal commas) or English Excel, whatever the input's. */
  excel?: 'fr' | 'en';
  /** The results' format, whatever OUTPUT's extension. */
  format?: OutputFormat;
  content?: string;
  progress: ProgressMode;
}

/** `impact-score batch FILE -o OUT`: scores every row of a portfolio file. */
export async function batchCommand(input: string, options: BatchCommandOptions, io: CliIo, signal?: AbortSignal): Promise<number> {
  const formats = formatsOf(input, options, io);
  if (typeof formats === 'number') return formats;
  const loaded = loadContent(options.content);
  if (!loaded.ok) return fail(io, loaded.issues, options.lang, EXIT.problems);
  const size = options.workers ?? availableParallelism();
  const pool: ScoringPool = size > 0 && workersAvailable()
    ? await workerPool(size, { content: loaded.value.content, lang: options.lang, suggestions: options.suggestions, partial: options.partial === true, strict: options.strict === true })
    : inlinePool(loaded.value.content, options.lang, options.suggestions, { partial: options.partial === true, strict: options.strict === true });
  const report = progressReporter(options.progress, io, options.lang);
  const started = process.hrtime.bigint();
  try {
    const summary = await runBatch({
      input, ...formats, output: options.output, content: loaded.value.content, pool,
      lang: options.lang, suggestions: options.suggestions, ...(options.delimiter !== undefined && { delimiter: options.delimiter }), ...(options.excel && { excel: options.excel }), onProgress: report.update, ...(signal && { signal }),
    });
    report.stop();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    io.err(renderSummary(summary, seconds, options.lang));
    io.out(`${options.output}\n`);
    return summary.rejected > 0 ? EXIT.problems : EXIT.ok;
  } catch (error) {
    report.stop();
    return stopped(error, options, io);
  } finally {
    await pool.close();
  }
}

/** The formats of both files, or the exit code after saying why they cannot be used. */
function formatsOf(input: string, options: BatchCommandOptions, io: CliIo): { inputFormat: InputFormat; outputFormat: OutputFormat } | number {
  const inputFormat = formatOf(input);
  const outputFormat = options.format ?? outputFormatOf(options.output) ?? inputFormat;
  if (!inputFormat || !outputFormat) {
    io.err(line(bilingual('extensions reconnues : .csv, .jsonl, .xlsx (entrée et sortie).', 'known extensions: .csv, .jsonl, .xlsx (input and output).'), options.lang));
    return EXIT.usage;
  }
  const unreadable = inputProblem(input);
  if (unreadable) {
    io.err(cannotRead(input, unreadable, options.lang));
    return EXIT.usage;
  }
  return { inputFormat, outputFormat };
}

/** Says why a run stopped and gives its exit code; anything else is a bug, thrown on. */
function stopped(error: unknown, options: BatchCommandOptions, io: CliIo): number {
  if ((error as Error).name === 'AbortError') {
    io.err(line(bilingual('interrompu ; aucun fichier de résultats écrit.', 'interrupted; no results file written.'), options.lang));
    return 130;
  }
  if (error instanceof BatchFileError) {
    // The command names the file; results the system refused are said as for any file written.
    io.err(error.system === undefined ? line(bilingual(`${error.file}: ${localize(error.issue.message, 'fr')}`, `${error.file}: ${localize(error.issue.message, 'en')}`), options.lang) : cannotWrite(options.output, error.system, options.lang));
    return EXIT.usage;
  }
  // The input checked at the start can still vanish or lose its permission before it is read.
  const { code, path } = error as NodeJS.ErrnoException;
  if (path && (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR')) {
    io.err(cannotRead(path, code, options.lang));
    return EXIT.usage;
  }
  throw error;
}

function renderSummary(s: BatchSummary, seconds: number, lang: Lang): string {
  const n = (x: number | null) => (x === null ? '—' : formatDecimal(x, lang));
  const time = formatDecimal(Math.round(seconds * 10) / 10, lang);
  const lines = [
    localize(bilingual(
      `${s.rows} lignes en ${time} s : ${s.scored} notées${s.warned > 0 ? ` (dont ${s.warned} avec un avertissement)` : ''}, ${s.rejected} rejetées (voir la colonne « error »).`,
      `${s.rows} rows in ${time} s: ${s.scored} scored${s.warned > 0 ? ` (${s.warned} with a warning)` : ''}, ${s.rejected} rejected (see the "error" column).`,
    ), lang),
    localize(bilingual('moyenne / répartition 0-20-40-60-80-100', 'mean / distribution 0-20-40-60-80-100'), lang),
    `  global${' '.repeat(8)} ${n(s.global.mean).padStart(5)}  ${s.global.bands.join(' · ')}`,
    ...Object.entries(s.pillars).map(([id, p]) => `  ${id.padEnd(14)} ${n(p.mean).padStart(5)}  ${p.bands.join(' · ')}`),
  ];
  return `${lines.join('\n')}\n`;
}
