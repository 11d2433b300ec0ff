import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { PdfDocument } from './render-pdf.js';
import type { PdfRenderer } from './pdf-renderer.js';

interface Job { document: PdfDocument; out: Writable; resolve: () => void; reject: (error: Error) => void }
interface Reply { id: number; chunk?: Uint8Array; done?: true; error?: string }

/**
 * Renders PDFs on up to `size` worker threads running `script` (pdf-worker.js), one PDF per
 * worker at a time, streaming each PDF's bytes to its `out` as they come. Workers start as PDFs
 * are asked for, the idle one that rendered last taking the next (its fonts and words are
 * warm); while all are busy, PDFs wait in order. A worker that dies fails the PDF it was
 * rendering, and the next PDF starts another in its place.
 */
export function createPdfPool(script: string | URL, size: number): PdfRenderer {
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job & { id: number }>();
  const queue: Job[] = [];
  let next = 0;
  let closed = false;

  const dispatch = () => {
    while (queue.length > 0 && !closed) {
      const worker = idle.pop() ?? (busy.size < size ? start() : undefined);
      if (!worker) return;
      const job = { ...queue.shift()!, id: next++ };
      busy.set(worker, job);
      worker.postMessage({ id: job.id, document: job.document });
    }
  };

  const start = () => {
    const worker = new Worker(script);
    worker.on('message', (reply: Reply) => {
      const job = busy.get(worker);
      if (!job || reply.id !== job.id) return;
      if (reply.chunk) {
        job.out.write(Buffer.from(reply.chunk));
        return;
      }
      busy.delete(worker);
      idle.push(worker);
      if (reply.error) job.reject(new Error(reply.error));
      else job.out.end(() => job.resolve());
      dispatch();
    });
    let alive = true;
    // An uncaught error is followed by 'exit': the first of the two fails the PDF in progress.
    const died = (error: Error) => {
      if (!alive) return;
      alive = false;
      const job = busy.get(worker);
      busy.delete(worker);
      if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
      job?.reject(error);
      dispatch();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`the PDF worker stopped (exit code ${code})`)));
    return worker;
  };

  return {
    render(document, out) {
      return new Promise<void>((resolve, reject) => {
        if (closed) return reject(new Error('the PDF renderer is closed'));
        queue.push({ document, out, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the PDF renderer is closed'));
      await Promise.all([...idle, ...busy.keys()].map((worker) => worker.terminate()));
    },
  };
}
