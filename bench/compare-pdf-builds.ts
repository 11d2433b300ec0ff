/**
 * Compares the PDF rendering of two or more builds on the same plan, in one process, render after
 * render in turn (the order rotating every round), so that whatever else the machine does slows
 * them all alike; it also says whether their bytes are the same.
 *
 *   git worktree add /tmp/before HEAD~1 && (cd /tmp/before && npm ci && npm run build)
 *   npm run build && node dist/bench/compare-pdf-builds.js /tmp/before/dist dist
 *
 * Each argument is a build's output folder. BENCH_PDF_EXAMPLE (insertion-esus) and
 * BENCH_PDF_ACTIONS (5) choose the plan, BENCH_PDF_RUNS (40) the rounds; it prints each build's
 * median wall and CPU milliseconds and their ratio to the first.
 */
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { draftPlanDocument } from '../src/app/plan-document-data.js';
import { loadContent } from '../src/content/load-content.js';
import { createScorer } from '../src/core/score.js';
import type { PdfDocument } from '../src/pdf/render-pdf.js';

const roots = process.argv.slice(2).map((root) => resolve(root));
if (roots.length < 2) throw new Error('usage: node dist/bench/compare-pdf-builds.js DIST_A DIST_B [DIST_C…]');
const example = process.env.BENCH_PDF_EXAMPLE ?? 'insertion-esus';
const actions = Number(process.env.BENCH_PDF_ACTIONS ?? 5);
const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 40);

type Render = (document: PdfDocument, out: PassThrough) => Promise<void>;

async function bytes(render: Render, document: PdfDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  await render(document, out);
  return Buffer.concat(chunks);
}

async function main(): Promise<void> {
  const loaded = loadContent();
  if (!loaded.ok) throw new Error('content invalid');
  const answers = loaded.value.examples.find((e) => e.file.endsWith(`${example}.json`));
  if (!answers) throw new Error(`no example ${example}`);
  const built = await draftPlanDocument(createScorer(loaded.value.content), answers.data, 'fr', '2026-11-21', actions);
  if (!built.ok) throw new Error('no plan');
  const builds = await Promise.all(roots.map(async (root) => ({
    root,
    render: ((await import(pathToFileURL(join(root, 'src/pdf/render-pdf.js')).href)) as { renderPdf: Render }).renderPdf,
    wall: [] as number[],
    cpu: [] as number[],
  })));
  const first = await bytes(builds[0]!.render, built.value);
  for (const b of builds.slice(1)) console.log(`${b.root}: ${(await bytes(b.render, built.value)).equals(first) ? 'same bytes' : 'OTHER BYTES'} as ${builds[0]!.root}`);
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < builds.length; k++) {
      const b = builds[(i + k) % builds.length]!;
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      await bytes(b.render, built.value);
      const used = process.cpuUsage(cpu);
      b.wall.push(Number(process.hrtime.bigint() - start) / 1e6);
      b.cpu.push((used.user + used.system) / 1e3);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const [wall0, cpu0] = [median(builds[0]!.wall), median(builds[0]!.cpu)];
  console.log(`\n${example}, ${built.value.table.rows.length} actions, median of ${RUNS} rounds`);
  for (const b of builds) {
    const [wall, cpu] = [median(b.wall), median(b.cpu)];
    console.log(`${b.root.padEnd(40)} wall ${wall.toFixed(1).padStart(7)} ms ${(wall / wall0).toFixed(2)}×   CPU ${cpu.toFixed(1).padStart(7)} ms ${(cpu / cpu0).toFixed(2)}×`);
  }
}

await main();
