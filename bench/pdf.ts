/**
 * `npm run bench` (second part): median time to render the largest golden organisation's plan
 * as a PDF, against a baseline measured in the same run: a one-page PDF with the same embedded font.
 */
import { PassThrough } from 'node:stream';
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import { draftPlanDocument } from '../src/app/plan-document-data.js';
import { loadContent } from '../src/content/load-content.js';
import { createScorer } from '../src/core/score.js';
import { renderPlanPdf } from '../src/pdf/render-plan-pdf.js';
import type { PlanDocument } from '../src/core/plan-document.js';

const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 30);

function sink(): { out: PassThrough; size: () => number } {
  let size = 0;
  const out = new PassThrough();
  out.on('data', (c: Buffer) => (size += c.length));
  return { out, size: () => size };
}

async function median(run: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function onePage(): Promise<void> {
  const font = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
  const doc = new PDFDocument({ info: { CreationDate: new Date(0) } });
  const { out } = sink();
  const done = new Promise((resolve) => out.on('end', resolve));
  doc.pipe(out);
  doc.font(font).text('Plan d’action — une page');
  doc.end();
  out.resume();
  await done;
}

async function main(): Promise<void> {
  const loaded = loadContent();
  if (!loaded.ok) throw new Error('content invalid');
  const scorer = createScorer(loaded.value.content);
  // The largest golden plan: the organisation with the most suggestions, all of them in its plan.
  let largest: { name: string; document: PlanDocument; items: number } | undefined;
  for (const example of loaded.value.examples) {
    const built = await draftPlanDocument(scorer, example.data, 'fr', '2026-11-21', 100);
    if (!built.ok) continue;
    const items = built.value.table.rows.length;
    if (!largest || items > largest.items) largest = { name: example.file, document: built.value, items };
  }
  if (!largest) throw new Error('no plan');
  const baseline = await median(onePage);
  let bytes = 0;
  const plan = await median(async () => {
    const { out, size } = sink();
    out.resume();
    await renderPlanPdf(largest!.document, out);
    bytes = size();
  });
  console.log(`\npdf bench: ${largest.name}, ${largest.items} actions, ${Math.round(bytes / 1024)} KiB, median of ${RUNS} runs`);
  console.log(`${'one page, embedded font (baseline)'.padEnd(40)} ${baseline.toFixed(1).padStart(8)} ms   1.00×`);
  console.log(`${'largest golden plan'.padEnd(40)} ${plan.toFixed(1).padStart(8)} ms ${(plan / baseline).toFixed(2).padStart(6)}×`);
}

await main();
