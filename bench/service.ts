/**
 * `npm run bench` (service part): the real server (`impact-score serve`) on loopback, and a
 * closed-loop client of BENCH_CONNECTIONS (50) keep-alive connections: `GET /health` (the server's
 * bare throughput) and the stateless explained `POST /score`, in turn for BENCH_ROUNDS (2) rounds
 * of BENCH_SECONDS (10) each, so that a machine slowing down slows both. /score is sent the
 * example of the issue (data/examples/insertion-esus.json), answered with the scores (the default), with
 * `explain=summary` and with `explain=full` (the whole report), and, in its own rounds, 1,000 generated
 * valid assessments in turn, and the example again with a session cookie rather than a bearer token (a
 * token is marked used, a database write, once a minute at most); and writes: a new draft in one of 50
 * organisations in turn, each answered once its commit is on the disk (decision 018). Prints throughput and p50/p99 of each,
 * /score's share of /health, and the server's CPU time per request (its process's, from /proc: on a
 * machine shared with other work, this moves less than throughput does).
 * BENCH_SERVER runs another build's server (its dist/src/cli/main.js), to measure a build before a change.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../src/content/load-content.js';
import { indexContent } from '../src/core/content-index.js';
import { generateAnswers, random } from '../test/support/generate-answers.js';
import { closedLoop, percentile, requestBytes, type LoadResult } from './closed-loop.js';
import { serverFolder, startServer } from './serve-process.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BIN = process.env.BENCH_SERVER ?? fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const folder = serverFolder('impact-service-', BIN, { DEMO_DATA: 'false' });
const { env, cli } = folder;
cli('users', 'create', '--email', 'bench@load.test', '--role', 'advisor', '--password', 'bench-password-1');
const token = cli('tokens', 'create', '--email', 'bench@load.test').trim();

const server = await startServer(BIN, env);
const base = server.api;

const loaded = loadContent();
if (!loaded.ok) throw new Error('content invalid');
const rand = random(20261122);
const index = indexContent(loaded.value.content);
const { $schema: _ignored, ...example } = JSON.parse(readFileSync(join(ROOT, 'data/examples/insertion-esus.json'), 'utf8')) as Record<string, unknown>;
const host = `${base.hostname}:${base.port}`;
const auth = { Authorization: `Bearer ${token}` };
// As the web page: a session cookie and this site's Origin. A session is only read; a token is marked used (a write) once a minute at most.
const login = await fetch(`${base.href}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@load.test', password: 'bench-password-1' }) });
const session = { Cookie: String(login.headers.get('set-cookie')).split(';')[0]!, Origin: base.origin };
const health = requestBytes('GET', `${base.pathname}/health`, host, {});
const scoreExample = requestBytes('POST', `${base.pathname}/score`, host, auth, JSON.stringify(example));
const scoreSummary = requestBytes('POST', `${base.pathname}/score?explain=summary`, host, auth, JSON.stringify(example));
const scoreFull = requestBytes('POST', `${base.pathname}/score?explain=full`, host, auth, JSON.stringify(example));
const scoreBySession = requestBytes('POST', `${base.pathname}/score`, host, session, JSON.stringify(example));
// Writes: a new draft in one of 50 organisations in turn (the advisor's, made through the API), each answered once its commit is on the disk.
const DRAFT_ORGS = 50;
for (let i = 1; i <= DRAFT_ORGS; i++) {
  const made = await fetch(`${base.href}/organisations`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ name: `Bench ${i}`, profile: example.profile }) });
  if (made.status !== 201) throw new Error(`organisation not created: ${made.status} ${await made.text()}`);
}
const drafts = Array.from({ length: DRAFT_ORGS }, (_, i) => requestBytes('POST', `${base.pathname}/organisations/${i + 1}/assessments`, host, auth, '{}'));
const scoreGenerated = Array.from({ length: 1000 }, () => requestBytes('POST', `${base.pathname}/score`, host, auth, JSON.stringify(generateAnswers(index, rand))));
const target = (request: (n: number) => Buffer) => ({ host: base.hostname, port: Number(base.port), request });
const routes = [
  { name: 'GET /health', target: target(() => health) },
  { name: 'POST /score (example)', target: target(() => scoreExample) },
  { name: 'POST /score (example, summary)', target: target(() => scoreSummary) },
  { name: 'POST /score (example, full)', target: target(() => scoreFull) },
  { name: 'POST /score (1,000 generated)', target: target((n) => scoreGenerated[n % scoreGenerated.length]!) },
  { name: 'POST /score (example, session)', target: target(() => scoreBySession) },
  { name: 'POST /organisations/{id}/assessments', target: target((n) => drafts[n % DRAFT_ORGS]!) },
];

console.log(`service bench: ${BIN === fileURLToPath(new URL('../src/cli/main.js', import.meta.url)) ? 'this build' : BIN}, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per route, node ${process.version}`);
for (const route of routes) await closedLoop(route.target, CONNECTIONS, 2); // warm-up
const results = new Map<string, (LoadResult & { cpu: number })[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const route of routes) {
    const cpu = server.cpu();
    const run = await closedLoop(route.target, CONNECTIONS, SECONDS);
    (results.get(route.name) ?? results.set(route.name, []).get(route.name)!).push({ ...run, cpu: server.cpu() - cpu });
  }
}
await server.stop();
folder.remove();

const merged = (runs: (LoadResult & { cpu: number })[]) => ({
  cpu: runs.reduce((n, r) => n + r.cpu, 0),
  requests: runs.reduce((n, r) => n + r.requests, 0),
  seconds: runs.reduce((n, r) => n + r.seconds, 0),
  errors: runs.reduce((n, r) => n + r.errors, 0),
  latencies: Float64Array.from(runs.flatMap((r) => [...r.latencies])).sort(),
});
const rates = new Map([...results].map(([name, runs]) => [name, merged(runs)]));
const bare = rates.get('GET /health')!;
console.log(`${'route'.padEnd(34)} ${'requests'.padStart(9)} ${'req/s'.padStart(8)} ${'of /health'.padStart(11)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'errors'.padStart(7)} ${'CPU µs/req'.padStart(11)}`);
for (const [name, r] of rates) {
  const rate = r.requests / r.seconds;
  const share = `${((100 * rate) / (bare.requests / bare.seconds)).toFixed(1)} %`;
  console.log(`${name.padEnd(34)} ${String(r.requests).padStart(9)} ${rate.toFixed(0).padStart(8)} ${share.padStart(11)} ${percentile(r.latencies, 50).toFixed(1).padStart(8)} ${percentile(r.latencies, 99).toFixed(1).padStart(8)} ${percentile(r.latencies, 100).toFixed(1).padStart(8)} ${String(r.errors).padStart(7)} ${(r.cpu / r.requests).toFixed(0).padStart(11)}`);
}
console.log(`per round (req/s): ${[...results].map(([name, runs]) => `${name} ${runs.map((r) => (r.requests / r.seconds).toFixed(0)).join(', ')}`).join('; ')}`);
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
for (const [name, r] of rates) {
  if (!name.startsWith('POST /score')) continue;
  const share = r.requests / r.seconds / (bare.requests / bare.seconds);
  const p99 = percentile(r.latencies, 99);
  console.log(`targets (issue #22), ${name}: ${(100 * share).toFixed(1)} % of /health's throughput (at least 50 %: ${verdict(share >= 0.5)}), p99 ${p99.toFixed(1)} ms (under 25 ms: ${verdict(p99 < 25)})`);
}
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores shared with other work)`);
if ([...rates.values()].some((r) => r.errors > 0)) process.exitCode = 1;
