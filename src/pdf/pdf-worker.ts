import { PassThrough } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { renderPdf, type PdfDocument } from './render-pdf.js';

/**
 * pdfkit writes a PDF in thousands of pieces of a few bytes (2,022 for a typical plan, 11 bytes
 * the median); each sent alone was a task for the server's event loop and a write to its socket,
 * so under load a PDF waited behind every other request thousands of times. They go back in
 * pieces of this size (the last one smaller).
 */
const PIECE_BYTES = 64 * 1024;

/** Renders PDFs off the server's event loop, sending the bytes back as they are produced, a piece at a time. */
parentPort!.on('message', ({ id, document }: { id: number; document: PdfDocument }) => {
  const out = new PassThrough();
  let held: Buffer[] = [];
  let size = 0;
  const send = () => {
    if (size === 0) return;
    parentPort!.postMessage({ id, chunk: Buffer.concat(held, size) });
    held = [];
    size = 0;
  };
  out.on('data', (chunk: Buffer) => {
    held.push(chunk);
    size += chunk.length;
    if (size >= PIECE_BYTES) send();
  });
  renderPdf(document, out).then(
    () => {
      send();
      parentPort!.postMessage({ id, done: true });
    },
    (error: Error) => parentPort!.postMessage({ id, error: error.message }),
  );
});
