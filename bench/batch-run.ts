/** One batch run in its own process, so its peak memory is its own: prints a JSON line of figures. */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { formatOf } from '../src/batch/read-rows.js';
import { runBatch } from '../src/batch/run-batch.js';
import { workerPool } from '../src/batch/scoring-pool.js';
import { loadContent } from '../src/content/load-content.js';

const [input, output, suggestions] = process.argv.slice(2) as [string, string, string];
const loaded = loadContent();
if (!loaded.ok) throw new Error('content invalid');
const workers = Number(process.env.BENCH_WORKERS ?? availableParallelism());
const pool = await workerPool(workers, { content: loaded.value.content, lang: 'fr', suggestions: Number(suggestions) });
const start = process.hrtime.bigint();
// The process's CPU time, its workers' included: what a run cost, whatever else the machine does.
const cpuStart = process.cpuUsage();
const summary = await runBatch({ input, inputFormat: formatOf(input)!, output, outputFormat: 'csv', content: loaded.value.content, pool, lang: 'fr', suggestions: Number(suggestions) });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
await pool.close();
// Linux keeps getrusage's maxRSS across exec: it would count the parent's memory at the fork (the bench's, after writing a workbook). VmHWM is this image's own peak.
const peakKiB = Number(readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? process.resourceUsage().maxRSS);
console.log(JSON.stringify({ rows: summary.rows, rejected: summary.rejected, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, workers, maxRssMiB: Math.round(peakKiB / 1024) }));
