import { finished, type Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { PdfDocument } from './render-pdf.js';
import type { PdfRenderer } from './pdf-renderer.js';

interface Job { document: PdfDocument; out: Writable; resolve: () => void; reject: (error: Error) => void }
interface Reply { id: number; chunk?: Uint8Array; done?: true; error?: string }

/**
 * PDFs a worker holds: the one it renders and the next, handed over before it is done with the
 * first, so that it starts the next at once rather than waiting for the server's event loop
 * (busy under load) to read its answer and send another.
 */
const HELD_PER_WORKER = 2;

export interface PdfPool extends PdfRenderer {
  /** PDFs handed to workers and not finished (each worker holds up to two). */
  held(): number;
}

/**
 * Renders PDFs on up to `size` worker threads running `script` (pdf-worker.js), each rendering one
 * PDF at a time with the next one in hand, streaming each PDF's bytes to its `out` as they come.
 * Workers start as PDFs are asked for; a PDF goes to an idle worker first (the one that rendered
 * last: its fonts and words are warm), then to a new one, then as the next of a busy one; beyond
 * that, PDFs wait in order. A worker that dies fails the PDF it was rendering; the one it held
 * next goes back to the head of the queue, and the next PDF starts another worker in its place.
 */
export function createPdfPool(script: string | URL, size: number): PdfPool {
  const idle: Worker[] = [];
  const held = new Map<Worker, (Job & { id: number })[]>();
  const queue: Job[] = [];
  let next = 0;
  let closed = false;

  const handTo = (worker: Worker) => {
    const job = { ...queue.shift()!, id: next++ };
    (held.get(worker) ?? held.set(worker, []).get(worker)!).push(job);
    worker.postMessage({ id: job.id, document: job.document });
  };

  const dispatch = () => {
    while (queue.length > 0 && !closed) {
      const worker = idle.pop() ?? (held.size < size ? start() : [...held].find(([, jobs]) => jobs.length < HELD_PER_WORKER)?.[0]);
      if (!worker) return;
      handTo(worker);
    }
  };

  const start = () => {
    const worker = new Worker(script);
    worker.on('message', (reply: Reply) => {
      const jobs = held.get(worker);
      const job = jobs?.[0];
      if (!job || reply.id !== job.id) return;
      if (reply.chunk) {
        job.out.write(Buffer.from(reply.chunk));
        return;
      }
      jobs.shift();
      if (jobs.length === 0) {
        held.delete(worker);
        idle.push(worker);
      }
      if (reply.error) job.reject(new Error(reply.error));
      else {
        // Settled once the answer is out or its reader gone: `end`'s callback never comes for an
        // answer whose connection closed (a download left half-way), and the route would wait for ever.
        job.out.end();
        finished(job.out, () => job.resolve());
      }
      dispatch();
    });
    let alive = true;
    // An uncaught error is followed by 'exit': the first of the two fails the PDF in progress.
    const died = (error: Error) => {
      if (!alive) return;
      alive = false;
      const [job, ...waiting] = held.get(worker) ?? [];
      held.delete(worker);
      if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
      if (closed) for (const w of waiting) w.reject(new Error('the PDF renderer is closed'));
      else queue.unshift(...waiting);
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
    held: () => [...held.values()].reduce((n, jobs) => n + jobs.length, 0),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the PDF renderer is closed'));
      await Promise.all([...idle, ...held.keys()].map((worker) => worker.terminate()));
    },
  };
}
