import { parentPort, workerData } from 'node:worker_threads';
import { loadContent } from '../content/load-content.js';
import type { Lang } from '../core/text.js';
import { UnreadableFile, type InputFormat } from './read-rows.js';
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
  keep: string[];
}

export async function runJob(job: BatchJob, post: (message: unknown) => void): Promise<void> {
  const loaded = loadContent(job.contentRoot);
  if (!loaded.ok) throw new Error('content invalid');
  const pool = inlinePool(loaded.value.content, job.lang, job.suggestions, { keep: new Set(job.keep), partial: job.partial });
  let last = 0;
  const summary = await runBatch({
    ...job,
    content: loaded.value.content,
    pool,
    onProgress: (p) => {
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      post({ type: 'progress', ...p });
    },
    onResult: (r) => {
      if (r.ok && r.document) post({ type: 'document', id: r.id, row: r.row, document: r.document });
    },
  });
  post({ type: 'done', summary });
}

/** Why a job failed, in the language it was asked in where the reason has one (a file that cannot be read). */
export function failureOf(error: Error, lang: Lang): string {
  return error instanceof UnreadableFile ? error.reason[lang] : error.message;
}

if (parentPort && workerData) {
  const job = workerData as BatchJob;
  runJob(job, (m) => parentPort!.postMessage(m)).catch((error: Error) => parentPort!.postMessage({ type: 'failed', error: failureOf(error, job.lang) }));
}
