import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createPdfPool } from './pdf-pool.js';
import { renderPdf, type PdfDocument } from './render-pdf.js';

const WORKER = fileURLToPath(new URL('./pdf-worker.js', import.meta.url));

export interface PdfRenderer {
  render(document: PdfDocument, out: Writable): Promise<void>;
  /** Stops the worker threads, if any: the server calls it when it shuts down. */
  close(): Promise<void>;
}

/**
 * Renders PDFs (plans, bilans) on a pool of up to `workers` threads (tens of milliseconds of
 * layout each would otherwise hold every other request), streaming the bytes to `out` as they
 * come. Running from sources (tests), where there is no compiled worker script, it renders in
 * this thread.
 */
export function createPdfRenderer(workers: number): PdfRenderer {
  if (!existsSync(WORKER)) return { render: renderPdf, close: async () => {} };
  return createPdfPool(WORKER, workers);
}
