import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { renderPdf, type PdfDocument } from './render-pdf.js';

const WORKER = fileURLToPath(new URL('./pdf-worker.js', import.meta.url));

export interface PdfRenderer {
  render(document: PdfDocument, out: Writable): Promise<void>;
  /** Stops the worker thread, if any: the server calls it when it shuts down. */
  close(): Promise<void>;
}

/**
 * Renders PDFs (plans, bilans) on a worker thread (100–400 ms of layout each would otherwise hold every other
 * request), streaming the bytes to `out` as they come. Running from sources (tests), where there
 * is no compiled worker script, it renders in this thread.
 */
export function createPdfRenderer(): PdfRenderer {
  if (!existsSync(WORKER)) return { render: renderPdf, close: async () => {} };
  let worker: Worker | undefined;
  let next = 0;
  const jobs = new Map<number, { out: Writable; resolve: () => void; reject: (e: Error) => void }>();
  const start = () => {
    const w = new Worker(WORKER);
    w.on('message', (m: { id: number; chunk?: Uint8Array; done?: true; error?: string }) => {
      const job = jobs.get(m.id);
      if (!job) return;
      if (m.chunk) job.out.write(Buffer.from(m.chunk));
      else {
        jobs.delete(m.id);
        if (m.error) job.reject(new Error(m.error));
        else job.out.end(() => job.resolve());
      }
    });
    w.on('error', (error) => {
      for (const job of jobs.values()) job.reject(error);
      jobs.clear();
      worker = undefined; // The next PDF starts a fresh worker.
    });
    return w;
  };
  return {
    render(document, out) {
      worker ??= start();
      const id = next++;
      return new Promise<void>((resolve, reject) => {
        jobs.set(id, { out, resolve, reject });
        worker!.postMessage({ id, document });
      });
    },
    async close() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}
