import type { Writable } from 'node:stream';
import type { BilanDocument } from '../core/bilan-document.js';
import type { PlanDocument } from '../core/plan-document.js';
import { renderBilanPdf } from './render-bilan-pdf.js';
import { renderPlanPdf } from './render-plan-pdf.js';

/** Every document the service renders as a PDF. */
export type PdfDocument = PlanDocument | BilanDocument;

export function renderPdf(document: PdfDocument, out: Writable): Promise<void> {
  return document.kind === 'bilan' ? renderBilanPdf(document, out) : renderPlanPdf(document, out);
}
