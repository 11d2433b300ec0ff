import { parentPort, workerData } from 'node:worker_threads';
import { loadContent } from '../src/content/load-content.js';
import { createScorer, score } from '../src/core/score.js';
import { generateAnswers, random } from '../test/support/generate-answers.js';

/** One bench worker: generates its share of assessments, waits for "go", scores them with one reused engine. */
const { count, seed } = workerData as { count: number; seed: number };
const loaded = loadContent();
if (!loaded.ok) throw new Error('content invalid');
const scorer = createScorer(loaded.value.content);
const rand = random(seed);
const docs = Array.from({ length: count }, () => generateAnswers(scorer.index, rand));
parentPort!.postMessage({ ready: true });
parentPort!.once('message', async () => {
  let checksum = 0;
  for (const doc of docs) {
    const outcome = await score(scorer, doc);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues[0]));
    checksum += outcome.value.global ?? 0;
  }
  parentPort!.postMessage({ done: true, checksum });
});
