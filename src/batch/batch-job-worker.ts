import { parentPort, workerData } from 'node:worker_threads';
import { loadContent } from '../content/load-content.js';
import { bilingual, localize, type Lang } from '../core/text.js';
import { BatchFileError } from './batch-file-error.js';
import type { InputFormat } from './read-rows.js';
import { runBatch } from './run-batch.js';
import { inlinePool } from './scoring-pool.js';
import type { OutputFormat } from './write-results.js';

/**
 * A whole batch job off the server's main thread: read, score, write. It reports progress, the
 * answers of rows to store, and the summary; the server thread only updates the database.
 */
export interface BatchJob {
  input: string;
  inputFormat: InputFormat;
  output: string;
  outputFormat: OutputFormat;
  contentRoot?: string;
  lang: Lang;
  suggestions: number;
  partial: boolean;
  /** Reject rows answering questions that do not apply to them rather than ignore those answers with a warning. */
  strict?: boolean;
  excel?: 'fr' | 'en';
  /** The organisations rows may be stored into, as store-refs.ts names them. */
  keep: string[];
}

const LISTED_ROWS = 200;

export async function runJob(job: BatchJob, post: (message: unknown) => void): Promise<void> {
  const loaded = loadContent(job.contentRoot);
  if (!loaded.ok) throw new Error('content invalid');
  const pool = inlinePool(loaded.value.content, job.lang, job.suggestions, { keep: new Set(job.keep), partial: job.partial, strict: job.strict === true });
  let last = 0;
  const summary = await runBatch({
    ...job,
    // Rows with problems are explained on the web page, in words; all of them are in the results.
    listProblems: LISTED_ROWS,
    content: loaded.value.content,
    pool,
    onProgress: (p) => {
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      post({ type: 'progress', ...p });
    },
    onResult: (r) => {
      if (r.ok && r.kept) post({ type: 'document', refs: r.kept.refs, row: r.row, document: r.kept.document });
    },
  });
  post({ type: 'done', summary });
}

/** A job that failed in its worker thread: its message is already `failureOf`'s, and `detail` `serverDetail`'s. */
export class BatchFailed extends Error {
  constructor(message: string, readonly detail: string) {
    super(message);
  }
}

/**
 * Why a job failed, in the language it was asked in, never naming the server's files (the user
 * named none): a file that cannot be read says why, results that cannot be written say why, and
 * anything else is the server's fault, said as such (its details are for the server's log).
 */
export function failureOf(error: Error, lang: Lang): string {
  if (error instanceof BatchFailed) return error.message;
  if (error instanceof BatchFileError) return localize(error.issue.message, lang);
  return localize(INTERNAL, lang);
}

const INTERNAL = bilingual('le calcul du lot a échoué sur le serveur (erreur interne)', 'the batch failed on the server (internal error)');

/** What the server's log keeps of a failure: nothing for a file the user sent that cannot be read (theirs to fix), the stack otherwise. */
export function serverDetail(error: Error): string {
  return error instanceof BatchFileError && error.system === undefined ? '' : (error.stack ?? error.message);
}

if (parentPort && workerData) {
  const job = workerData as BatchJob;
  runJob(job, (m) => parentPort!.postMessage(m)).catch((error: Error) => parentPort!.postMessage({ type: 'failed', error: failureOf(error, job.lang), detail: serverDetail(error) }));
}
