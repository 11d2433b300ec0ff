import { parentPort, workerData } from 'node:worker_threads';
import { loadContent } from '../content/load-content.js';
import type { Lang } from '../core/text.js';
import { createRowScorer } from './row-scorer.js';
import type { ChunkOutput } from './scoring-pool.js';
import { scoreWork, type Work } from './score-work.js';

/** A batch worker: compiles the content once, then scores the chunks of rows it is sent. */
const { contentRoot, lang, suggestions } = workerData as { contentRoot?: string; lang: Lang; suggestions: number };
const loaded = loadContent(contentRoot);
if (!loaded.ok) throw new Error('impact-score worker: content invalid');
const scorer = createRowScorer(loaded.value.content, lang, suggestions);
parentPort!.on('message', ({ id, work, output }: { id: number; work: Work; output?: ChunkOutput }) => {
  const scored = scoreWork(scorer, work, output?.format, output?.pillars ?? []);
  // The tally's memory moves back rather than being copied.
  parentPort!.postMessage({ id, scored }, 'tally' in scored ? [scored.tally.buffer] : []);
});
