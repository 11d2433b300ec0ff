/**
 * `npm run bench` (third part): median time to render a typical plan (5 actions) and the largest
 * golden plan as PDFs, each against a baseline measured in the same run: a one-page PDF with the
 * same embedded font, as pdfkit makes it from the font file. The three are timed in turn, round
 * after round, so a machine that slows down slows them all; CPU time beside wall time, as other
 * work on a shared machine stretches the second but not the first.
 */
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import PDFDocument from 'pdfkit';
import { draftPlanDocument } from '../src/app/plan-document-data.js';
import { loadContent } from '../src/content/load-content.js';
import type { PlanDocument } from '../src/core/plan-document.js';
import { createScorer, type Scorer } from '../src/core/score.js';
import type { AnswersDocument } from '../src/core/content-model.js';
import { renderPlanPdf } from '../src/pdf/render-plan-pdf.js';

const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 30);
// The organisation of the load test and of the API tests; its draft plan has the usual 5 actions.
const TYPICAL = 'insertion-esus';
const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** Renders into a sink and resolves with the PDF's size once its last byte is out. */
async function bytes(render: (out: PassThrough) => Promise<unknown>): Promise<number> {
  let size = 0;
  const out = new PassThrough();
  out.on('data', (c: Buffer) => (size += c.length));
  const ended = new Promise((resolve) => out.once('end', resolve));
  await render(out);
  await ended;
  return size;
}

function onePage(out: PassThrough): Promise<void> {
  const doc = new PDFDocument({ info: { CreationDate: new Date(0) } });
  doc.pipe(out);
  doc.font(FONT).text('Plan d’action — une page');
  doc.end();
  return Promise.resolve();
}

async function plan(scorer: Scorer, example: { file: string; data: AnswersDocument }, top?: number): Promise<{ name: string; document: PlanDocument }> {
  const built = await draftPlanDocument(scorer, example.data, 'fr', '2026-11-21', top);
  if (!built.ok) throw new Error(`no plan for ${example.file}`);
  return { name: example.file, document: built.value };
}

async function main(): Promise<void> {
  const loaded = loadContent();
  if (!loaded.ok) throw new Error('content invalid');
  const scorer = createScorer(loaded.value.content);
  const typical = await plan(scorer, loaded.value.examples.find((e) => e.file.endsWith(`${TYPICAL}.json`))!);
  // The largest golden plan: the organisation with the most suggestions, all of them in its plan.
  const all = await Promise.all(loaded.value.examples.map((e) => plan(scorer, e, 100)));
  const largest = all.reduce((a, b) => (b.document.table.rows.length > a.document.table.rows.length ? b : a));
  const cases = [
    { label: 'one page, embedded font (baseline)', render: onePage },
    { label: `typical plan (${typical.document.table.rows.length} actions)`, render: (out: PassThrough) => renderPlanPdf(typical.document, out) },
    { label: `largest golden plan (${largest.document.table.rows.length} actions)`, render: (out: PassThrough) => renderPlanPdf(largest.document, out) },
  ].map((c) => ({ ...c, times: [] as number[], cpu: [] as number[], size: 0 }));
  for (let i = 0; i < RUNS + 1; i++) {
    for (const c of cases) {
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      c.size = await bytes(c.render);
      const used = process.cpuUsage(cpu);
      // The first round warms up (JIT, the font files in the disk cache) and is not counted.
      if (i === 0) continue;
      c.times.push(Number(process.hrtime.bigint() - start) / 1e6);
      c.cpu.push((used.user + used.system) / 1e3);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const baseline = { wall: median(cases[0]!.times), cpu: median(cases[0]!.cpu) };
  console.log(`\npdf bench: typical ${typical.name}, largest ${largest.name}, median of ${RUNS} rounds`);
  console.log(`${''.padEnd(40)} ${'wall ms'.padStart(8)} ${'ratio'.padStart(6)}  ${'CPU ms'.padStart(8)} ${'ratio'.padStart(6)}  ${'KiB'.padStart(4)}`);
  for (const c of cases) {
    const [wall, cpu] = [median(c.times), median(c.cpu)];
    console.log(`${c.label.padEnd(40)} ${wall.toFixed(1).padStart(8)} ${(wall / baseline.wall).toFixed(2).padStart(5)}×  ${cpu.toFixed(1).padStart(8)} ${(cpu / baseline.cpu).toFixed(2).padStart(5)}×  ${String(Math.round(c.size / 1024)).padStart(4)}`);
  }
}

await main();
