import { parentPort, workerData } from 'node:worker_threads';
import { loadContent } from '../content/load-content.js';
import type { Lang } from '../core/text.js';
import { createRowScorer } from './row-scorer.js';
import type { Work } from './scoring-pool.js';
import { scoreCsvChunk, scoreRow } from './score-row.js';

/** A batch worker: compiles the content once, then scores the chunks of rows it is sent. */
const { contentRoot, lang, suggestions } = workerData as { contentRoot?: string; lang: Lang; suggestions: number };
const loaded = loadContent(contentRoot);
if (!loaded.ok) throw new Error('impact-score worker: content invalid');
const scorer = createRowScorer(loaded.value.content, lang, suggestions);
parentPort!.on('message', ({ id, work }: { id: number; work: Work }) => {
  parentPort!.postMessage({ id, results: Array.isArray(work) ? work.map((row) => scoreRow(scorer, row)) : scoreCsvChunk(scorer, work) });
});
