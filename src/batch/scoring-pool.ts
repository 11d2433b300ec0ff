import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Content } from '../core/content-model.js';
import type { Lang } from '../core/text.js';
import { createBatchContext, type RowOptions } from './batch-context.js';
import { scoreWork, type ScoredChunk, type Work } from './score-work.js';
import type { TextFormat } from './format-rows.js';

export type { Work } from './score-work.js';

/** How a chunk's results come back: written in a text format, with the summary's pillars in this order. */
export interface ChunkOutput {
  format?: TextFormat;
  pillars: readonly string[];
}

export interface ScoringPool {
  readonly size: number;
  score(work: Work, output?: ChunkOutput): Promise<ScoredChunk>;
  close(): Promise<void>;
}

/** Scores in the calling thread: for small files and tests. */
export function inlinePool(content: Content, lang: Lang, suggestions: number, options?: RowOptions): ScoringPool {
  const context = createBatchContext(content, lang, suggestions, options);
  return { size: 1, score: async (work, output) => scoreWork(context, work, output?.format, output?.pillars ?? []), close: async () => {} };
}

const CHUNKS_PER_WORKER = 2;

const WORKER = fileURLToPath(new URL('./score-worker.js', import.meta.url));

/** Whether the compiled worker script is there (it is once built; not when running from sources). */
export function workersAvailable(): boolean {
  return existsSync(WORKER);
}

/** What each worker is started with: the content already validated, which crosses threads in milliseconds. */
export interface WorkerOptions {
  content: Content;
  lang: Lang;
  suggestions: number;
  partial?: boolean;
  strict?: boolean;
}

/**
 * Worker threads, each with its own compiled content, sent up to CHUNKS_PER_WORKER chunks so that none waits for the
 * main thread between two (docs/performance.md).
 */
export async function workerPool(size: number, options: WorkerOptions): Promise<ScoringPool> {
  const workers = Array.from({ length: size }, () => new Worker(WORKER, { workerData: options }));
  // Chunks sent to each worker and not yet back: a worker holds its next chunk while it scores
  // one, so it never waits for the main thread between chunks.
  const load = new Map(workers.map((w) => [w, 0]));
  const waiting: { resolve: (w: Worker) => void; reject: (e: Error) => void }[] = [];
  const pending = new Map<number, { resolve: (r: ScoredChunk) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | undefined;
  let closing = false;
  // A worker that fails fails the run: every chunk sent or waiting for a worker is rejected, so
  // the run stops with the error (and removes its partial output) instead of waiting for ever.
  const fail = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
    for (const waiter of waiting.splice(0)) waiter.reject(failure);
  };
  for (const w of workers) {
    w.on('message', ({ id, scored }: { id: number; scored: ScoredChunk }) => {
      pending.get(id)?.resolve(scored);
      pending.delete(id);
      load.set(w, load.get(w)! - 1);
      const waiter = waiting.shift();
      if (waiter) waiter.resolve(taken(w));
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      if (!closing) fail(new Error(`batch worker stopped (exit code ${code})`));
    });
  }
  const taken = (w: Worker) => {
    load.set(w, load.get(w)! + 1);
    return w;
  };
  const leastLoaded = () => workers.reduce((best, w) => (load.get(w)! < load.get(best)! ? w : best));
  const acquire = () => new Promise<Worker>((resolve, reject) => {
    if (failure) return reject(failure);
    const w = leastLoaded();
    if (load.get(w)! < CHUNKS_PER_WORKER) resolve(taken(w));
    else waiting.push({ resolve, reject });
  });
  return {
    size,
    async score(work, output) {
      if (failure) throw failure;
      const worker = await acquire();
      const id = next++;
      return new Promise<ScoredChunk>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // Chunk bytes move to the worker instead of being copied.
        worker.postMessage({ id, work, output }, Array.isArray(work) ? [] : [work.bytes.buffer]);
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
