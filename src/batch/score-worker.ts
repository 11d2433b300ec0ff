import { parentPort, workerData } from 'node:worker_threads';
import { createBatchContext } from './batch-context.js';
import type { ChunkOutput, WorkerOptions } from './scoring-pool.js';
import { scoreWork, type Work } from './score-work.js';

/** A batch worker: compiles the content once, then scores the chunks of rows it is sent. */
const { content, lang, suggestions, partial, strict } = workerData as WorkerOptions;
const context = createBatchContext(content, lang, suggestions, { partial: partial === true, strict: strict === true });
parentPort!.on('message', ({ id, work, output }: { id: number; work: Work; output?: ChunkOutput }) => {
  const scored = scoreWork(context, work, output?.format, output?.pillars ?? []);
  // The tally's and the bytes' memory moves back rather than being copied.
  const moved = 'tally' in scored ? [scored.tally.buffer, ...(typeof scored.text === 'string' ? [] : [scored.text.buffer])] : [];
  parentPort!.postMessage({ id, scored }, moved);
});
