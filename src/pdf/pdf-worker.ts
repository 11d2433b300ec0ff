import { PassThrough } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { renderPdf, type PdfDocument } from './render-pdf.js';

/** Renders PDFs off the server's event loop, sending the bytes back as they are produced. */
parentPort!.on('message', ({ id, document }: { id: number; document: PdfDocument }) => {
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => parentPort!.postMessage({ id, chunk }));
  renderPdf(document, out).then(
    () => parentPort!.postMessage({ id, done: true }),
    (error: Error) => parentPort!.postMessage({ id, error: error.message }),
  );
});
