import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Content } from '../core/content-model.js';
import type { Lang } from '../core/text.js';
import { createRowScorer } from './row-scorer.js';
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
export function inlinePool(content: Content, lang: Lang, suggestions: number, keep?: ReadonlySet<string>): ScoringPool {
  const scorer = createRowScorer(content, lang, suggestions, keep);
  return { size: 1, score: async (work, output) => scoreWork(scorer, work, output?.format, output?.pillars ?? []), close: async () => {} };
}

const WORKER = fileURLToPath(new URL('./score-worker.js', import.meta.url));

/** Whether the compiled worker script is there (it is once built; not when running from sources). */
export function workersAvailable(): boolean {
  return existsSync(WORKER);
}

/**
 * What each worker is started with. The content comes already loaded and validated: a copy
 * crosses threads in milliseconds, where reading and validating the files again took each worker
 * about half a second (schemas compiled, every file checked).
 */
export interface WorkerOptions {
  content: Content;
  lang: Lang;
  suggestions: number;
}

/**
 * Worker threads, each with its own compiled content, taking chunks of rows as they free up: every
 * core scores, and the main thread only reads and writes.
 */
export async function workerPool(size: number, options: WorkerOptions): Promise<ScoringPool> {
  const workers = Array.from({ length: size }, () => new Worker(WORKER, { workerData: options }));
  const idle = [...workers];
  const waiting: ((w: Worker) => void)[] = [];
  const pending = new Map<number, { resolve: (r: ScoredChunk) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | undefined;
  for (const w of workers) {
    w.on('message', ({ id, scored }: { id: number; scored: ScoredChunk }) => {
      pending.get(id)?.resolve(scored);
      pending.delete(id);
      const waiter = waiting.shift();
      if (waiter) waiter(w);
      else idle.push(w);
    });
    w.on('error', (error) => {
      failure = error;
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
  }
  const acquire = () => new Promise<Worker>((resolve) => {
    const w = idle.pop();
    if (w) resolve(w);
    else waiting.push(resolve);
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
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
