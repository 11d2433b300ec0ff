/**
 * Compares the batch scoring of two or more builds on the same chunks of one generated portfolio,
 * in one process, chunk after chunk in turn (the order rotating every pass), so that whatever else
 * the machine does slows them all alike. Separate runs on this machine vary by up to a third,
 * which hides differences of 10 %; this does not.
 *
 *   git worktree add /tmp/before HEAD~1 && (cd /tmp/before && npm ci && npm run build)
 *   npm run build && node dist/bench/compare-builds.js /tmp/before/dist dist
 *
 * Each argument is a build's output folder (`dist` of a checkout). BENCH_COMPARE_ROWS (40000)
 * and BENCH_COMPARE_SUGGESTIONS (3) set the work (BENCH_COMPARE_QUOTED=N: one row in N with a
 * quoted cell; BENCH_COMPARE_FORMAT=jsonl: the same organisations as JSON Lines, cut in chunks
 * as the main thread cuts them), BENCH_COMPARE_CLOCK=cpu times CPU rather than
 * wall time; it prints each build's microseconds per row
 * (scoring in one thread: reading cells, checking, scoring, suggesting, writing) and its ratio to
 * the first.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCsvChunks } from '../src/batch/csv/csv-chunks.js';
import type { CsvChunk } from '../src/batch/csv/csv-chunk.js';
import { readJsonLinesChunks, type JsonLinesChunk } from '../src/batch/json-lines.js';
import { loadContent } from '../src/content/load-content.js';
import { indexContent } from '../src/core/content-index.js';
import { writePortfolio, writePortfolioAs } from '../test/support/generate-portfolio.js';

const roots = process.argv.slice(2).map((root) => resolve(root));
if (roots.length < 2) throw new Error('usage: node dist/bench/compare-builds.js DIST_A DIST_B [DIST_C…]');
const rows = Number(process.env.BENCH_COMPARE_ROWS ?? 40000);
const suggestions = Number(process.env.BENCH_COMPARE_SUGGESTIONS ?? 3);
const quoteEvery = Number(process.env.BENCH_COMPARE_QUOTED ?? 0);
const jsonLines = process.env.BENCH_COMPARE_FORMAT === 'jsonl';
const PASSES = 3;
// Nanoseconds of wall time, or with BENCH_COMPARE_CLOCK=cpu of this process's CPU time: steadier
// when others load the machine (it counts no time spent waiting for a core).
const clock = process.env.BENCH_COMPARE_CLOCK === 'cpu'
  ? () => {
    const { user, system } = process.cpuUsage();
    return (user + system) * 1000;
  }
  : () => Number(process.hrtime.bigint());

interface Build {
  root: string;
  score: (chunk: CsvChunk | JsonLinesChunk) => unknown;
  nanoseconds: number;
}

/** A build's own batch code, with the content it loads itself (builds before issue #20 called the batch's context a row scorer). */
async function buildAt(root: string): Promise<Build> {
  const load = async <T>(path: string) => (await import(pathToFileURL(join(root, path)).href)) as T;
  const { loadContent: loadOwnContent } = await load<typeof import('../src/content/load-content.js')>('src/content/load-content.js');
  type Create = typeof import('../src/batch/batch-context.js')['createBatchContext'];
  const create = existsSync(join(root, 'src/batch/batch-context.js'))
    ? (await load<{ createBatchContext: Create }>('src/batch/batch-context.js')).createBatchContext
    : (await load<{ createRowScorer: Create }>('src/batch/row-scorer.js')).createRowScorer;
  const { scoreWork } = await load<typeof import('../src/batch/score-work.js')>('src/batch/score-work.js');
  const loaded = loadOwnContent();
  if (!loaded.ok) throw new Error(`${root}: content invalid`);
  const context = create(loaded.value.content, 'fr', suggestions);
  // The columns in content order, as a batch writes them (whatever a build calls its compiled content).
  const ordered = [...loaded.value.content.pillars].sort((a, b) => a.order - b.order);
  const pillars = ordered.map((p) => p.id);
  const layout = { pillars, indicators: ordered.flatMap((p) => p.indicators.map((i) => i.id)), suggestions };
  return { root, score: (chunk) => scoreWork(context, chunk, { format: 'csv', delimiter: ';', layout }, pillars), nanoseconds: 0 };
}

const loaded = loadContent();
if (!loaded.ok) throw new Error('content invalid');
const dir = mkdtempSync(join(tmpdir(), 'impact-compare-'));
const file = join(dir, jsonLines ? 'portfolio.jsonl' : 'portfolio.csv');
const chunks: (CsvChunk | JsonLinesChunk)[] = [];
if (jsonLines) {
  await writePortfolioAs('jsonl', indexContent(loaded.value.content), file, rows, 17);
  for await (const work of readJsonLinesChunks(createReadStream(file), 500)) if (!Array.isArray(work)) chunks.push(work);
} else {
  await writePortfolio(indexContent(loaded.value.content), file, rows, 17, { quoteEvery });
  for await (const work of readCsvChunks(file, { bytesRead: 0, totalBytes: 0 }, 500)) if (!Array.isArray(work)) chunks.push(work);
}
rmSync(dir, { recursive: true, force: true });

const builds: Build[] = [];
for (const root of roots) builds.push(await buildAt(root));
// The first pass warms every build up (as a worker's first chunks do) and is not counted.
for (let pass = 0; pass < PASSES; pass++) {
  for (const chunk of chunks) {
    for (let k = 0; k < builds.length; k++) {
      const build = builds[(k + pass) % builds.length]!;
      const start = clock();
      build.score(chunk);
      if (pass > 0) build.nanoseconds += clock() - start;
    }
  }
}
const perRow = (b: Build) => b.nanoseconds / 1000 / (rows * (PASSES - 1));
console.log(`\ncompare builds: ${rows.toLocaleString('en')} ${jsonLines ? 'JSON lines' : 'rows'}, ${suggestions} suggestions${quoteEvery > 0 ? `, one row in ${quoteEvery} quoted` : ''}, same chunks in turn, one thread`);
for (const b of builds) console.log(`${b.root.padEnd(40)} ${perRow(b).toFixed(2).padStart(8)} µs/row ${(perRow(b) / perRow(builds[0]!)).toFixed(3).padStart(7)}×`);
