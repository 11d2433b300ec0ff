/**
 * `npm run bench` (batch part): end-to-end batch scoring of generated portfolio CSVs (read, parse,
 * validate, score, suggest, write), on worker threads over all cores, with and without suggested
 * actions; rows per second, peak memory per run, and the ratio to a baseline measured in the same
 * run: json-rules-engine on one thread (one reused Engine), as the explained scoring does it.
 * BENCH_BATCH_ROWS: comma-separated CSV sizes (default 100000,1000000: memory must stay flat from one
 * to the other). JSON Lines and XLSX are measured too, on BENCH_BATCH_OTHER_ROWS rows (default 20000),
 * each against a CSV of the same organisations measured just before it, as a ratio to CSV's rate:
 * JSON Lines are cut on bytes and read in the workers as CSV is (decisions 010, 016); so is the XLSX
 * sheet's XML, once inflated (decision 015).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../src/content/load-content.js';
import { indexContent } from '../src/core/content-index.js';
import { createScorer, score } from '../src/core/score.js';
import { generateAnswers, random } from '../test/support/generate-answers.js';
import { writePortfolio, writePortfolioAs } from '../test/support/generate-portfolio.js';

const SIZES = (process.env.BENCH_BATCH_ROWS ?? '100000,1000000').split(',').map(Number);
const OTHER_ROWS = Number(process.env.BENCH_BATCH_OTHER_ROWS ?? 20000);
const outcome = loadContent();
if (!outcome.ok) throw new Error('content invalid');
const loaded = outcome.value;
const index = indexContent(loaded.content);

async function baseline(): Promise<number> {
  const scorer = createScorer(loaded.content);
  const rand = random(3);
  // Complete assessments, as the batch's portfolios are.
  const docs = Array.from({ length: 2000 }, () => generateAnswers(index, rand, 0));
  const start = process.hrtime.bigint();
  for (const doc of docs) await score(scorer, doc);
  return docs.length / (Number(process.hrtime.bigint() - start) / 1e9);
}

const dir = mkdtempSync(join(tmpdir(), 'impact-bench-'));
const child = fileURLToPath(new URL('./batch-run.js', import.meta.url));
const base = await baseline();
console.log(`\nbatch bench: baseline json-rules-engine, one thread: ${Math.round(base).toLocaleString('en')} rows/s`);
console.log(`${'format'.padStart(6)} ${'rows'.padStart(10)} ${'suggestions'.padStart(11)} ${'MiB file'.padStart(9)} ${'seconds'.padStart(8)} ${'rows/s'.padStart(9)} ${'ratio'.padStart(7)} ${'peak RSS MiB'.padStart(13)}`);

/** Scores a portfolio file in a process of its own (its peak memory is its own) and prints a line of figures. */
function measure(input: string, size: number, suggestions: number): number {
  const output = join(dir, `scores-${suggestions}.csv`);
  const figures = JSON.parse(execFileSync(process.execPath, [child, input, output, String(suggestions)], { encoding: 'utf8' })) as { rows: number; rejected: number; seconds: number; maxRssMiB: number };
  if (figures.rows !== size || figures.rejected !== 0) throw new Error(`${input}: ${figures.rows} rows, ${figures.rejected} rejected; expected ${size}, none rejected`);
  const rate = figures.rows / figures.seconds;
  const format = input.slice(input.lastIndexOf('.') + 1);
  console.log(`${format.padStart(6)} ${size.toLocaleString('en').padStart(10)} ${String(suggestions).padStart(11)} ${(statSync(input).size / 2 ** 20).toFixed(0).padStart(9)} ${figures.seconds.toFixed(1).padStart(8)} ${Math.round(rate).toLocaleString('en').padStart(9)} ${(rate / base).toFixed(1).padStart(6)}× ${String(figures.maxRssMiB).padStart(13)}`);
  rmSync(output, { force: true });
  return rate;
}

for (const size of SIZES) {
  const input = join(dir, `portfolio-${size}.csv`);
  await writePortfolio(index, input, size, 17);
  for (const suggestions of [3, 0]) measure(input, size, suggestions);
  rmSync(input, { force: true });
}
const csvInput = join(dir, `portfolio-${OTHER_ROWS}.csv`);
await writePortfolio(index, csvInput, OTHER_ROWS, 17);
for (const format of ['jsonl', 'xlsx'] as const) {
  const input = join(dir, `portfolio-${OTHER_ROWS}.${format}`);
  await writePortfolioAs(format, index, input, OTHER_ROWS, 17);
  // CSV just before, in the same run: the machine's load changes from minute to minute.
  const csvRate = measure(csvInput, OTHER_ROWS, 3);
  const rate = measure(input, OTHER_ROWS, 3);
  console.log(`${format.padStart(6)} at ${(rate / csvRate).toFixed(2)}× the rows/s of the same organisations in CSV`);
  rmSync(input, { force: true });
}
rmSync(csvInput, { force: true });
rmSync(dir, { recursive: true, force: true });
