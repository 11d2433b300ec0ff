/**
 * `npm run bench`: explains the scores of generated valid assessments with the real content, four
 * ways, and prints assessments per second with ratios to the baseline measured in the same run (a
 * json-rules-engine Engine built per assessment): json-rules-engine reused, on worker threads,
 * and the compiled engine the service runs (the same explained result). BENCH_COUNT sets how many
 * (default 100,000).
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadContent } from '../src/content/load-content.js';
import { createScorer, referenceScorer, score, type Scorer } from '../src/core/score.js';
import { buildEngine } from '../src/core/scoring-engine.js';
import { compiledScorer } from '../src/engine/index.js';
import type { AnswersDocument } from '../src/core/content-model.js';
import { generateAnswers, random } from '../test/support/generate-answers.js';

const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
const SEED = 20261121;

interface Measure {
  name: string;
  count: number;
  seconds: number;
  /** CPU time of one thread, in µs per assessment (NaN where several threads ran): what a shared machine changes least. */
  cpuMicros: number;
  checksum: number;
}

async function scoreAll(scorer: Scorer, docs: readonly AnswersDocument[], freshEngine: boolean): Promise<number> {
  let checksum = 0;
  for (const doc of docs) {
    const s = freshEngine ? referenceScorer(scorer.index, buildEngine(scorer.index.content.rules)) : scorer;
    const outcome = await score(s, doc);
    if (!outcome.ok) throw new Error(`generated assessment invalid: ${JSON.stringify(outcome.issues[0])}`);
    checksum += outcome.value.global ?? 0;
  }
  return checksum;
}

async function timed(name: string, count: number, run: () => Promise<number>): Promise<Measure> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const checksum = await run();
  const used = process.cpuUsage(cpu);
  return { name, count, seconds: Number(process.hrtime.bigint() - start) / 1e9, cpuMicros: (used.user + used.system) / count, checksum };
}

async function onWorkers(threads: number, total: number): Promise<number> {
  const script = fileURLToPath(new URL('./score-worker.js', import.meta.url));
  const shares = Array.from({ length: threads }, (_, i) => Math.floor(total / threads) + (i < total % threads ? 1 : 0));
  const workers = shares.map((count, i) => new Worker(script, { workerData: { count, seed: SEED + i } }));
  await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  })));
  const start = process.hrtime.bigint();
  const done = workers.map((w) => new Promise<number>((resolve, reject) => {
    w.once('message', (m: { checksum: number }) => resolve(m.checksum));
    w.once('error', reject);
    w.postMessage('go');
  }));
  await Promise.all(done);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await Promise.all(workers.map((w) => w.terminate()));
  return seconds;
}

async function main(): Promise<void> {
  const loaded = loadContent();
  if (!loaded.ok) throw new Error('content invalid: run impact-score validate');
  const scorer = createScorer(loaded.value.content);
  const rand = random(SEED);
  const docs = Array.from({ length: COUNT }, () => generateAnswers(scorer.index, rand));
  const rules = loaded.value.content.rules.length;
  console.log(`impact-score bench: ${COUNT.toLocaleString('en')} generated assessments, ${rules} rules, content ${loaded.value.content.version}, node ${process.version}`);
  await scoreAll(scorer, docs.slice(0, 500), false); // warm-up

  const perAssessmentCount = Math.min(COUNT, Number(process.env.BENCH_FRESH_COUNT ?? 10_000));
  const results: Measure[] = [];
  results.push(await timed('engine built per assessment', perAssessmentCount, () => scoreAll(scorer, docs.slice(0, perAssessmentCount), true)));
  results.push(await timed('one reused engine', COUNT, () => scoreAll(scorer, docs, false)));
  const threads = availableParallelism();
  const seconds = await onWorkers(threads, COUNT);
  results.push({ name: `reused engine on ${threads} worker threads`, count: COUNT, seconds, cpuMicros: Number.NaN, checksum: NaN });
  const compiled = compiledScorer(loaded.value.content);
  await scoreAll(compiled, docs.slice(0, 500), false); // warm-up
  results.push(await timed('compiled engine, one thread (the service)', COUNT, () => scoreAll(compiled, docs, false)));
  if (results.at(-1)!.checksum !== results[1]!.checksum) throw new Error('the compiled engine scored differently');

  const baseline = results[0]!.count / results[0]!.seconds;
  console.log('');
  console.log(`${'mode'.padEnd(40)} ${'assessments'.padStart(12)} ${'seconds'.padStart(9)} ${'per second'.padStart(12)} ${'ratio'.padStart(7)} ${'CPU µs each'.padStart(12)}`);
  for (const m of results) {
    const rate = m.count / m.seconds;
    console.log(`${m.name.padEnd(40)} ${m.count.toLocaleString('en').padStart(12)} ${m.seconds.toFixed(2).padStart(9)} ${Math.round(rate).toLocaleString('en').padStart(12)} ${(rate / baseline).toFixed(2).padStart(6)}× ${(Number.isNaN(m.cpuMicros) ? '—' : m.cpuMicros.toFixed(0)).padStart(12)}`);
  }
  console.log(`\npeak RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB (main thread's process)`);
}

await main();
