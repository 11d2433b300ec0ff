import { PassThrough } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import type { PlanDocument } from '../core/plan-document.js';
import { renderPlanPdf } from './render-plan-pdf.js';

/** Renders plan PDFs off the server's event loop, sending the bytes back as they are produced. */
parentPort!.on('message', ({ id, document }: { id: number; document: PlanDocument }) => {
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => parentPort!.postMessage({ id, chunk }));
  renderPlanPdf(document, out).then(
    () => parentPort!.postMessage({ id, done: true }),
    (error: Error) => parentPort!.postMessage({ id, error: error.message }),
  );
});
